import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-file-name';

describe('exportFileName', () => {
  it('keeps readable titles', () => {
    expect(exportFileName('Refactor the alpha parser', 'id1')).toBe('Refactor the alpha parser.md');
    expect(exportFileName('éé café', 'id1')).toBe('éé café.md');
  });

  it('replaces separators, colons and control characters', () => {
    expect(exportFileName('../../etc/passwd', 'id1')).toBe('etc_passwd.md');
    expect(exportFileName('a:b\\c\u0000d\u202ee', 'id1')).toBe('a_b_c_d_e.md');
    expect(exportFileName('<img src=x onerror=alert(1)> title', 'id1')).toBe(
      'img src=x onerror=alert(1)_ title.md',
    );
  });

  it('falls back to the id when nothing is left, and caps the length', () => {
    expect(exportFileName(' ... ', 'id1')).toBe('session-id1.md');
    expect(exportFileName('', 'id1')).toBe('session-id1.md');
    expect(exportFileName('x'.repeat(300), 'id1')).toBe(`${'x'.repeat(100)}.md`);
  });
});

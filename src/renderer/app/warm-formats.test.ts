import { afterEach, describe, expect, it, vi } from 'vitest';
import { absoluteTime, relativeTime } from '../../shared/time';
import { warmTimeFormats } from './warm-formats';

afterEach(() => vi.unstubAllGlobals());

describe('warmTimeFormats', () => {
  it('builds the formatters the rows use, so rendering rows builds none', () => {
    const built = { relative: 0, absolute: 0 };
    class Relative extends Intl.RelativeTimeFormat {
      constructor(...args: ConstructorParameters<typeof Intl.RelativeTimeFormat>) {
        super(...args);
        built.relative++;
      }
    }
    class Absolute extends Intl.DateTimeFormat {
      constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        super(...args);
        built.absolute++;
      }
    }
    vi.stubGlobal(
      'Intl',
      Object.create(Intl, { RelativeTimeFormat: { value: Relative }, DateTimeFormat: { value: Absolute } }),
    );
    const now = Date.parse('2026-04-10T12:00:00Z');
    warmTimeFormats(now);
    expect(built).toEqual({ relative: 1, absolute: 1 });
    expect(relativeTime('2026-04-09T12:00:00Z', now)).toBe('yesterday');
    expect(absoluteTime('2026-04-09T12:00:00Z')).not.toBe('');
    expect(built).toEqual({ relative: 1, absolute: 1 });
  });
});

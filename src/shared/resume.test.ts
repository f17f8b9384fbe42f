// Resume commands per agent, the folder quoted for the shell, hostile folders left out.
import { describe, expect, it } from 'vitest';
import { noResumeReason, resumeCommand, shellQuote } from './resume';

describe('resumeCommand', () => {
  it('gives each agent its own command, none for ggcode', () => {
    expect(resumeCommand({ id: 'a1', source: 'claude-code' })).toBe('claude --resume a1');
    expect(resumeCommand({ id: 'a1', source: 'Claude' })).toBe('claude --resume a1');
    expect(resumeCommand({ id: 'b2', source: 'codex' })).toBe('codex resume b2');
    // Our ids carry the source's name in front; the agent knows its own.
    expect(resumeCommand({ id: 'claude-0b7c2a9e', source: 'claude' })).toBe('claude --resume 0b7c2a9e');
    expect(resumeCommand({ id: 'codex-5973b6c0', source: 'codex' })).toBe('codex resume 5973b6c0');
    expect(resumeCommand({ id: 'c3' })).toBeNull();
    expect(resumeCommand({ id: 'c3', source: 'ggcode' })).toBeNull();
    expect(noResumeReason(undefined)).toBe('ggcode sessions have no resume command');
  });

  it('goes to the session folder first, quoted so that nothing in it runs', () => {
    expect(resumeCommand({ id: 'a1', source: 'codex', workspace: "/home/dev/it's; rm -rf ~" })).toBe(
      `cd '/home/dev/it'\\''s; rm -rf ~' && codex resume a1`,
    );
    expect(shellQuote('$(x) `y`')).toBe("'$(x) `y`'");
  });

  it('leaves out a folder with control or bidi characters', () => {
    for (const workspace of ['/tmp/a\nrm -rf ~', '/tmp/\u001b]0;x\u0007', '/tmp/\u202eevil'])
      expect(resumeCommand({ id: 'a1', source: 'claude', workspace })).toBe('claude --resume a1');
  });
});

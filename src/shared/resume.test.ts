// Resume commands per agent, the folder quoted for the shell, hostile folders left out.
import { describe, expect, it } from 'vitest';
import type { SourceInfo } from './contract';
import { noResumeReason, resumeCommand, shellQuote } from './resume';

const info = (name: string, resume?: string): SourceInfo => ({
  name,
  label: name,
  roots: [],
  read_only: true,
  resume,
});
// As the catalog states them (src/core/sources/*/index.ts).
const SOURCES = [info('ggcode'), info('claude', 'claude --resume {id}'), info('codex', 'codex resume {id}')];

describe('resumeCommand', () => {
  it('gives each agent its own command, none for ggcode', () => {
    expect(resumeCommand({ id: 'b2', source: 'codex' }, SOURCES)).toBe('codex resume b2');
    // Our ids carry the source's name in front; the agent knows its own.
    expect(resumeCommand({ id: 'claude-0b7c2a9e', source: 'claude' }, SOURCES)).toBe(
      'claude --resume 0b7c2a9e',
    );
    expect(resumeCommand({ id: 'codex-5973b6c0', source: 'codex' }, SOURCES)).toBe('codex resume 5973b6c0');
    expect(resumeCommand({ id: 'c3' }, SOURCES)).toBeNull();
    expect(resumeCommand({ id: 'c3', source: 'ggcode' }, SOURCES)).toBeNull();
    // A source the store did not name (or no store info yet) has no command.
    expect(resumeCommand({ id: 'a1', source: 'claude' }, undefined)).toBeNull();
    expect(resumeCommand({ id: 'a1', source: 'gemini' }, SOURCES)).toBeNull();
    // A fifth source brings its own form.
    expect(
      resumeCommand({ id: 'gemini-x1', source: 'gemini' }, [info('gemini', 'gemini --resume={id}')]),
    ).toBe('gemini --resume=x1');
    expect(noResumeReason(undefined)).toBe('ggcode sessions have no resume command');
  });

  it('goes to the session folder first, quoted so that nothing in it runs', () => {
    expect(resumeCommand({ id: 'a1', source: 'codex', workspace: "/home/dev/it's; rm -rf ~" }, SOURCES)).toBe(
      `cd '/home/dev/it'\\''s; rm -rf ~' && codex resume a1`,
    );
    expect(shellQuote('$(x) `y`')).toBe("'$(x) `y`'");
  });

  it('leaves out a folder with control or bidi characters', () => {
    for (const workspace of ['/tmp/a\nrm -rf ~', '/tmp/\u001b]0;x\u0007', '/tmp/\u202eevil'])
      expect(resumeCommand({ id: 'a1', source: 'claude', workspace }, SOURCES)).toBe('claude --resume a1');
  });
});

// The built CLI on a real pseudo-terminal (util-linux `script`): a transcript's escape sequences
// reach the terminal as visible text, never raw; a pipe or -o FILE still gets the exact export.
import { execFile } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN, corpusCopy, tempDir } from '../support/fixtures';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/sessions.cjs');
const TERMINAL_FIXTURES = join(__dirname, '../fixtures/terminal');
const ID = '20261201-120000-00000000000e5c01';
const GOLDEN_EXPORT = readFileSync(join(TERMINAL_FIXTURES, `${ID}.md`));
// The launcher keeps its code cache (and search its index) here, never in the user's cache folder.
const CACHE = tempDir('transcripts-cache-');

// What a terminal would act on, as bytes: ESC and other C0 but tab, newline and the CR the
// terminal's own line discipline adds before each newline; DEL; C1 in UTF-8 (C2 80-C2 9F); the
// bidi controls in UTF-8.
function rawControls(bytes: Buffer): string[] {
  const text = bytes.toString('utf8').replace(/\r\n/g, '\n');
  const found = text.match(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
  );
  return (found ?? []).map((ch) => `U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** Runs `sessions <args>` with its stdout on a pseudo-terminal and returns what the terminal got. */
async function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Buffer> {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const { stdout } = await run('script', ['-qfec', command, '/dev/null'], {
    encoding: 'buffer',
    env: { ...process.env, SHELL: '/bin/sh', TRANSCRIPTS_CACHE_DIR: CACHE, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Runs `sessions <args>` with its stdout on a pipe. */
/** A private copy of the terminal fixture's session folder (tests never use the original). */
function terminalCorpus(): string {
  const dir = join(tempDir(), 'sessions');
  cpSync(join(TERMINAL_FIXTURES, 'corpus'), dir, { recursive: true });
  return dir;
}

async function piped(args: string[]): Promise<Buffer> {
  const { stdout } = await run(process.execPath, [BIN, ...args], {
    encoding: 'buffer',
    env: { ...process.env, TRANSCRIPTS_CACHE_DIR: CACHE },
  });
  return stdout;
}

beforeAll(async () => {
  await run(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
});

describe('sessions on a terminal', () => {
  const dir = terminalCorpus();

  it('the fixture really carries the sequences (the export keeps them raw)', () => {
    const text = GOLDEN_EXPORT.toString('utf8');
    for (const sequence of [
      '\u001b]52;c;',
      '\u001b]0;',
      '\u001b[2J',
      '\u001b[H',
      '\u001b[3A',
      '\u001b[8m',
      '\u202e',
    ])
      expect(text).toContain(sequence);
  });

  it.each([['show'], ['export']])(
    '%s escapes OSC 52, OSC 0, CSI 2J, cursor moves and SGR 8',
    async (command) => {
      const screen = await onTerminal(['--dir', dir, command, ID]);
      expect(rawControls(screen)).toEqual([]);
      const text = screen.toString('utf8');
      for (const visible of [
        '# Deploy \\x1b]0;owned\\x07notes \\x1b[8mhidden\\x1b[0m \\u202etxt.exe',
        'Print the deploy log.\\x1b]52;c;cm0gLXJmIH4K\\x07 clipboard written',
        'Done.\\x1b[2J\\x1b[H screen cleared, cursor home\\x1b[3A\\x1b[2K line erased\\x0d overwritten',
        'ok \\x1b[8mSGR 8 hidden text\\x1b[0m; 8-bit CSI \\x9b2J; 8-bit OSC \\x9d0;title\\x9c; DEL \\x7f',
        'isolate \\u2066abc\\u2069 override \\u202eevil\\u202c; mark \\u200f.',
      ])
        expect(text).toContain(visible);
    },
  );

  it('prints an ordinary export unchanged', async () => {
    const id = '20261124-135052-d23db7e55539ac33';
    const screen = await onTerminal(['--dir', corpusCopy(), 'export', id]);
    expect(screen.toString('utf8')).toBe(
      readFileSync(join(GOLDEN, `${id}.md`), 'utf8').replace(/\n/g, '\r\n'),
    );
  });

  it('list and search show titles and snippets escaped', async () => {
    const list = await onTerminal(['--dir', dir, 'list']);
    expect(rawControls(list)).toEqual([]);
    expect(list.toString('utf8')).toContain('Deploy \\x1b]0;owned\\x07notes \\x1b[8mhidden');
    const search = await onTerminal(['--dir', dir, 'search', 'clipboard']);
    expect(rawControls(search)).toEqual([]);
    expect(search.toString('utf8')).toContain('\\x1b]52;c;');
    const json = await onTerminal(['--dir', dir, 'show', ID, '--json']);
    expect(rawControls(json)).toEqual([]);
    expect(JSON.parse(json.toString('utf8')).title).toContain('\u001b]0;owned\u0007');
  });
});

describe('sessions on a pipe', () => {
  it('export and show are byte for byte the export, raw sequences included', async () => {
    const dir = terminalCorpus();
    expect((await piped(['--dir', dir, 'export', ID])).equals(GOLDEN_EXPORT)).toBe(true);
    expect((await piped(['--dir', dir, 'show', ID])).equals(GOLDEN_EXPORT)).toBe(true);
    const id = '20261124-135052-b415e622ad0f2d67';
    const golden = readFileSync(join(GOLDEN, `${id}.md`));
    expect((await piped(['--dir', corpusCopy(), 'export', id])).equals(golden)).toBe(true);
  });

  it('-o FILE writes the exact export even from a terminal', async () => {
    const file = join(tempDir(), 'out.md');
    const screen = await onTerminal(['--dir', terminalCorpus(), 'export', ID, '-o', file]);
    expect(readFileSync(file).equals(GOLDEN_EXPORT)).toBe(true);
    expect(rawControls(screen)).toEqual([]);
  });
});

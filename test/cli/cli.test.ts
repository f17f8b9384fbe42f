// The `sessions` CLI: output shapes, exit codes, one-line errors, and the built binary.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { AnnotationStore } from '../../src/core/app-data/annotation-store';
import { parseDuration } from '../../src/cli/duration';
import type { SearchResults } from '../../src/shared/types';
import { corpusCopy, GOLDEN, snapshot, tempDir } from '../support/fixtures';
import { holdFlock } from '../support/foreign-lock';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/sessions.cjs');
let built: Promise<unknown> | undefined;
/** Bundles the CLI into out/cli once for the tests of the built binary. */
const buildCli = () =>
  (built ??= run(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT }));

// A home folder of its own: the sources found at their defaults (~/.claude, ~/.codex) are the
// test's, never the machine's.
const HOME = tempDir('transcripts-cli-home-');

async function cli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  // The cache (list summaries, search index) and the app's data (stars, tags) go to temp folders
  // unless a test names them.
  const withCache = { HOME, TRANSCRIPTS_CACHE_DIR: tempDir(), TRANSCRIPTS_DATA_DIR: tempDir(), ...env };
  const code = await main(args, { out: (t) => (out += t), err: (l) => err.push(l) }, withCache);
  return { code, out, err };
}

describe('sessions CLI', () => {
  it('list says on stderr how many unreadable entries it skipped, and still lists the rest', async () => {
    const dir = corpusCopy();
    mkdirSync(join(dir, '20260101-000000-0000000000000d1e.jsonl'));
    const { code, out, err } = await cli(['--dir', dir, 'list', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveLength(JSON.parse(readFileSync(join(GOLDEN, 'list.json'), 'utf8')).length);
    expect(err).toEqual([`sessions: 1 unreadable file skipped in ${dir}`]);
    const clean = await cli(['--dir', corpusCopy(), 'list']);
    expect(clean.err).toEqual([]);
  });

  it('list --json gives the documented fields, newest first, times as stored', async () => {
    const dir = corpusCopy();
    const { code, out } = await cli(['--dir', dir, 'list', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    const golden = JSON.parse(readFileSync(join(GOLDEN, 'list.json'), 'utf8')) as {
      id: string;
      updated_at: string;
    }[];
    expect(rows.map((r) => r.id)).toEqual(golden.map((g) => g.id));
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'title',
      'created_at',
      'updated_at',
      'msg_count',
      'vendor',
      'endpoint',
      'model',
      'source',
    ]);
    expect(rows.at(-1)).toMatchObject({
      created_at: '2026-03-01T10:10:10.123456789+08:00',
      updated_at: '2026-03-02T09:00:00.987-05:00',
      msg_count: 2,
    });
  });

  it('list --starred and --tag T keep what the app starred and tagged, and show its names', async () => {
    const dir = corpusCopy();
    const data = tempDir();
    const env = { TRANSCRIPTS_DATA_DIR: data };
    const notes = new AnnotationStore(data);
    const [a, b, c] = [
      '20261124-135052-b3bc2eebd2d250e8',
      '20261124-135052-d23db7e55539ac33',
      '20260301-101010-00000000000000a6',
    ];
    await notes.update(a!, { starred: true, tags: ['ui', 'Bug'], name: 'Parser, renamed' });
    await notes.update(b!, { tags: ['ui'] });
    await notes.update(c!, { starred: true, note: 'look again' });
    const ids = async (...args: string[]) =>
      (JSON.parse((await cli(['--dir', dir, 'list', '--json', ...args], env)).out) as { id: string }[]).map(
        (r) => r.id,
      );
    expect((await ids('--starred')).sort()).toEqual([a, c].sort());
    expect((await ids('--tag', 'UI')).sort()).toEqual([a, b].sort());
    expect(await ids('--tag', 'ui', '--tag', 'bug')).toEqual([a]);
    expect(await ids('--starred', '--tag', 'ui')).toEqual([a]);
    const rows = JSON.parse((await cli(['--dir', dir, 'list', '--json', '--starred'], env)).out) as Record<
      string,
      unknown
    >[];
    expect(rows.find((r) => r.id === a)).toMatchObject({
      starred: true,
      tags: ['ui', 'Bug'],
      name: 'Parser, renamed',
    });
    expect(rows.find((r) => r.id === c)).toMatchObject({ note: 'look again' });
    const table = (await cli(['--dir', dir, 'list', '--tag', 'bug'], env)).out;
    expect(table).toContain('★ Parser, renamed');
    expect(table.trim().split('\n')).toHaveLength(2);
    const none = await cli(['--dir', dir, 'list', '--tag', 'nothing'], env);
    expect(none).toMatchObject({ code: 0, out: '', err: [`no sessions in ${dir} are tagged "nothing"`] });
    expect((await cli(['--dir', dir, 'list', '--tag', ' '], env)).code).toBe(2);
    expect((await cli(['--dir', dir, 'show', a!, '--starred'], env)).code).toBe(2);

    // A damaged annotations file: a plain list still lists (and says why stars are missing),
    // a filtered one fails in one line, and the file is left as it was.
    writeFileSync(join(data, 'annotations.json'), '{ broken');
    const plain = await cli(['--dir', dir, 'list'], env);
    expect(plain.code).toBe(0);
    expect(plain.err).toEqual([
      expect.stringMatching(/^sessions: stars and tags not shown: .*not valid JSON/),
    ]);
    const filtered = await cli(['--dir', dir, 'list', '--starred'], env);
    expect(filtered.code).toBe(1);
    expect(filtered.err).toHaveLength(1);
    expect(readFileSync(join(data, 'annotations.json'), 'utf8')).toBe('{ broken');
  });

  it('reads SESSIONS_DIR when --dir is absent', async () => {
    const dir = corpusCopy();
    const { out } = await cli(['list'], { HOME, SESSIONS_DIR: dir });
    expect(out.split('\n')[0]).toMatch(/^UPDATED\s+MSGS\s+MODEL\s+ID\s+TITLE$/);
    expect(out).toContain('Refactor the alpha parser');
  });

  it('export prints the reference export byte for byte, and -o writes it', async () => {
    const dir = corpusCopy();
    const id = '20261124-135052-b3bc2eebd2d250e8';
    const golden = readFileSync(join(GOLDEN, `${id}.md`), 'utf8');
    expect((await cli(['--dir', dir, 'export', id])).out).toBe(golden);
    const file = join(tempDir(), 'out.md');
    expect((await cli(['--dir', dir, 'export', id, '-o', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(golden);
  });

  it('show --json keeps file field names and input as a JSON value', async () => {
    const { out } = await cli(['--dir', corpusCopy(), 'show', '20261124-135052-d23db7e55539ac33', '--json']);
    const s = JSON.parse(out) as {
      messages: { content: { input?: unknown; is_error?: boolean }[] }[];
      cost: unknown;
    };
    expect(s.messages[1]!.content[1]!.input).toEqual({
      path: 'src/main.go',
      opts: { recursive: true, depth: 3 },
      list: [1, 2, 3],
      html: '<b>x</b>',
    });
    expect(s.messages[2]!.content[1]!.is_error).toBe(true);
    expect(s.cost).toMatchObject({ total_cost_usd: 0.0421 });
  });

  it('search finds tool output and tool input, case-insensitively, grouped and paged', async () => {
    const dir = corpusCopy();
    const env = { TRANSCRIPTS_CACHE_DIR: tempDir() };
    const results = JSON.parse(
      (await cli(['--dir', dir, 'search', 'PERMISSION denied', '--json'], env)).out,
    ) as SearchResults;
    expect(results.groups.map((g) => g.id)).toEqual(['20261124-135052-d23db7e55539ac33']);
    expect(results.groups[0]!.matches[0]).toMatchObject({ message: 2, field: 'tools' });
    const input = JSON.parse(
      (await cli(['--dir', dir, 'search', 'recursive', '--json'], env)).out,
    ) as SearchResults;
    expect(input.groups[0]!.matches.map((m) => m.field)).toEqual(['tools']);
    const page2 = JSON.parse(
      (await cli(['--dir', dir, 'search', 'alpha', '--json', '--limit', '2', '--page', '2'], env)).out,
    ) as SearchResults;
    expect(page2).toMatchObject({ page: 1, page_size: 2, total_sessions: 8 });
    expect(page2.groups).toHaveLength(2);
    const human = await cli(['--dir', dir, 'search', 'stale cache'], env);
    expect(human.out).toMatch(/20261124-135052-642d08901e4b0349\s+1 match\s+Why does the alpha/);
    expect(human.out).toMatch(/#2 text\s+Likely a stale cache key\./);
    expect(human.err.at(-1)).toBe('1 session(s), 1 match(es); page 1 of 1');
    expect(readdirSync(dir).some((n) => n.endsWith('.sqlite'))).toBe(false);
  });

  it('search answers a long first build with the results so far, and carries on the next time', async () => {
    const dir = corpusCopy();
    const env = { TRANSCRIPTS_CACHE_DIR: tempDir(), TRANSCRIPTS_SEARCH_WAIT_MS: '1' };
    const first = await cli(['--dir', dir, 'search', 'alpha'], env);
    expect(first.code).toBe(0);
    expect(first.err.at(-1)).toMatch(
      /^Indexing… results so far( \(\d of 9 sessions indexed\))?; search again/,
    );
    const json = JSON.parse(
      (await cli(['--dir', dir, 'search', 'alpha', '--json'], env)).out,
    ) as SearchResults;
    expect(json.partial).toBe(true);
    const whole = await cli(['--dir', dir, 'search', 'alpha', '--json', '--wait'], env);
    expect(JSON.parse(whole.out)).toMatchObject({ partial: false, total_sessions: 8 });
    const again = await cli(['--dir', dir, 'search', 'alpha'], {
      TRANSCRIPTS_CACHE_DIR: env.TRANSCRIPTS_CACHE_DIR,
    });
    expect(again.err.at(-1)).toBe('8 session(s), 12 match(es); page 1 of 1');
  });

  it('delete removes a session; a missing or in-use one is a one-line error with exit 1', async () => {
    const dir = corpusCopy();
    const id = '20261124-135052-b3bc2eebd2d250e8';
    expect((await cli(['--dir', dir, 'delete', id])).code).toBe(0);
    expect(existsSync(join(dir, `${id}.jsonl`))).toBe(false);
    expect(await cli(['--dir', dir, 'delete', id])).toMatchObject({
      code: 1,
      err: [`sessions: session ${id} not found`],
    });
    const busy = '20261124-135052-d23db7e55539ac33';
    writeFileSync(join(dir, `${busy}.lock`), String(process.pid));
    const refused = await cli(['--dir', dir, 'delete', busy]);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([
      `sessions: session ${busy} is in use by process ${process.pid}; stop it first`,
    ]);
  });

  it('cleanup --dry-run changes nothing; cleanup deletes what is old', async () => {
    const dir = corpusCopy();
    const before = snapshot(dir);
    const dry = await cli(['--dir', dir, 'cleanup', '--older-than', '1d', '--dry-run']);
    expect(dry.out).toContain('20260301-101010-00000000000000a6');
    expect(snapshot(dir)).toEqual(before);
    const real = await cli(['--dir', dir, 'cleanup', '--older-than', '30d']);
    expect(real.code).toBe(0);
    expect(existsSync(join(dir, '20260301-101010-00000000000000a6.jsonl'))).toBe(false);
  });

  it.each([
    [['bogus'], /unknown command "bogus"/],
    [['show'], /show needs exactly 1 argument/],
    [['list', '--nope'], /Unknown option '--nope'/],
    [['cleanup'], /cleanup needs --older-than/],
    [['cleanup', '--older-than', '30 days'], /not a duration/],
    [['search', 'x', '--limit', '0'], /--limit must be a whole number/],
    [['list', '--wait'], /list does not take --wait/],
  ])('usage error %j: one line, exit 2', async (args, pattern) => {
    const { code, err } = await cli(['--dir', tempDir(), ...args]);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(pattern);
  });

  it('rejects invalid ids with exit 1 and changes nothing', async () => {
    const dir = corpusCopy();
    const before = snapshot(dir);
    for (const cmd of ['show', 'export', 'delete']) {
      const { code, err } = await cli(['--dir', dir, cmd, '../../etc/passwd']);
      expect(code).toBe(1);
      expect(err[0]).toMatch(/^sessions: invalid session id/);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('parses durations', () => {
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration('1d12h')).toBe(36 * 3_600_000);
    expect(parseDuration('0d')).toBeNull();
    expect(parseDuration('-1d')).toBeNull();
  });

  it('the built binary runs as `sessions` with a clean error and no stack trace', async () => {
    await buildCli();
    const dir = corpusCopy();
    const { stdout } = await run(process.execPath, [BIN, '--dir', dir, 'list', '--json']);
    expect(JSON.parse(stdout)).toHaveLength(9);
    const failed = await run(process.execPath, [BIN, '--dir', dir, 'show', 'nope']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1, stderr: 'sessions: session nope not found\n' });
  });

  it('the launcher writes its code cache once and removes earlier builds’ caches a week old', async () => {
    await buildCli();
    const cache = tempDir();
    const stale = join(cache, 'cli-v0.0.0-1-1.v8cache');
    const recent = join(cache, 'cli-v0.0.0-2-2.v8cache');
    const unrelated = join(cache, 'summaries.json');
    for (const file of [stale, recent, unrelated]) writeFileSync(file, 'x');
    const weekAndADay = (Date.now() - 8 * 86_400_000) / 1000;
    for (const file of [stale, unrelated]) utimesSync(file, weekAndADay, weekAndADay);
    const env = { ...process.env, TRANSCRIPTS_CACHE_DIR: cache };
    const args = [BIN, '--help'];
    await run(process.execPath, args, { env });
    const written = readdirSync(cache).filter((n) => n.startsWith(`cli-${process.version}-`));
    expect(written).toHaveLength(1);
    expect(readdirSync(cache).sort()).toEqual([basename(recent), ...written, basename(unrelated)].sort());
    // A start that finds its cache writes nothing.
    const before = statSync(join(cache, written[0]!)).mtimeMs;
    await run(process.execPath, args, { env });
    expect(statSync(join(cache, written[0]!)).mtimeMs).toBe(before);
  });

  it.skipIf(process.platform === 'win32')(
    'the built binary loads the flock binding and waits for ggcode’s index lock to delete',
    async () => {
      await buildCli();
      const dir = corpusCopy();
      const id = '20261124-135052-b3bc2eebd2d250e8';
      const holder = await holdFlock(join(dir, 'index.json.flock'));
      try {
        const child = spawn(process.execPath, [BIN, '--dir', dir, 'delete', id], { stdio: 'ignore' });
        const exit = once(child, 'exit');
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(child.exitCode).toBeNull();
        expect(readFileSync(join(dir, 'index.json'), 'utf8')).toContain(id);
        await holder.release();
        expect(await exit).toEqual([0, null]);
        expect(readFileSync(join(dir, 'index.json'), 'utf8')).not.toContain(id);
      } finally {
        await holder.release();
      }
    },
  );
});

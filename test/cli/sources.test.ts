// The CLI over every source: found in a home folder, chosen with --source / --no-source and
// TRANSCRIPTS_SOURCES, shown with their source, searched together, and never deleted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { ADAPTERS } from '../../src/core/sources/registry';
import type { SearchResults } from '../../src/shared/types';
import { fixtureIds, snapshot, tempDir } from '../support/fixtures';
import { sourcesHome } from '../support/source-home';
import { CLAUDE_FIXTURES, CODEX_FIXTURES } from '../support/sources';

const CLAUDE_ID = 'claude-0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61';
const CODEX_ID = 'codex-5973b6c0-94b8-487b-a530-2aeb6098ae0e';

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  let out = '';
  const err: string[] = [];
  // The cache (list summaries, the search index) in a temp folder unless a test names one.
  const withCache = { TRANSCRIPTS_CACHE_DIR: tempDir(), ...env };
  const code = await main(args, { out: (t) => (out += t), err: (l) => err.push(l) }, withCache);
  return { code, out, err };
}

const sourcesOf = (out: string) => new Set((JSON.parse(out) as { source: string }[]).map((r) => r.source));

describe('sessions CLI over every source', () => {
  it('lists every source found in the home folder, with source, folder and branch', async () => {
    const home = sourcesHome();
    const { code, out } = await cli(['list', '--json'], { HOME: home, TRANSCRIPTS_CACHE_DIR: tempDir() });
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    expect(rows).toHaveLength(fixtureIds().length + 3 + 5);
    expect(rows.find((r) => r.id === CLAUDE_ID)).toMatchObject({
      source: 'claude',
      title: 'Fix login redirect loop',
      workspace: '/home/dev/webapp',
      git_branch: 'fix/login-redirect',
    });
    const table = await cli(['list'], { HOME: home });
    expect(table.out.split('\n')[0]).toMatch(/^UPDATED\s+SOURCE\s+MSGS\s+MODEL\s+ID\s+TITLE$/);
    expect(table.out).toMatch(/codex\s+18\s+gpt-5-codex\s+codex-5973b6c0/);
  });

  it('reads only the sources named, leaves out others, and takes a folder for one', async () => {
    const home = sourcesHome();
    const env = { HOME: home };
    expect(sourcesOf((await cli(['list', '--json', '--source', 'claude'], env)).out)).toEqual(
      new Set(['claude']),
    );
    expect(sourcesOf((await cli(['--no-source', 'codex', 'list', '--json'], env)).out)).toEqual(
      new Set(['ggcode', 'claude']),
    );
    const elsewhere = { HOME: tempDir() };
    const pointed = await cli(
      [
        '--source',
        `claude=${CLAUDE_FIXTURES}`,
        '--source',
        `codex=${join(CODEX_FIXTURES, 'home')}`,
        'list',
        '--json',
      ],
      elsewhere,
    );
    expect(sourcesOf(pointed.out)).toEqual(new Set(['claude', 'codex']));
    expect(
      sourcesOf((await cli(['list', '--json'], { HOME: home, TRANSCRIPTS_SOURCES: 'codex,ggcode' })).out),
    ).toEqual(new Set(['ggcode', 'codex']));
  });

  it('names each source and where it is read from in --help, from the adapters', async () => {
    const { out } = await cli(['--help'], {});
    const text = out.replace(/\s+/g, ' ');
    for (const a of ADAPTERS) expect(text).toContain(`${a.name} (`);
    expect(text).toContain('claude (Claude Code: $CLAUDE_CONFIG_DIR, else ~/.claude and ~/.config/claude)');
    expect(text).toContain('codex (Codex CLI: $CODEX_HOME, else ~/.codex)');
    expect(text).toContain('--source NAME=DIR reads NAME from DIR');
  });

  it.each([
    [
      ['--source', 'gemini', 'list'],
      'sessions: unknown source "gemini" (sources: ggcode, claude, codex) (see sessions --help)',
    ],
    [
      ['--no-source', 'nope', 'list'],
      'sessions: unknown source "nope" (sources: ggcode, claude, codex) (see sessions --help)',
    ],
    [
      ['--source', 'claude', '--no-source', 'claude', 'list'],
      'sessions: --source claude and --no-source claude contradict each other (see sessions --help)',
    ],
    [['--source', 'claude=', 'list'], 'sessions: --source claude= needs a directory (see sessions --help)'],
  ])('refuses %j with one line, exit 2', async (args, line) => {
    const { code, err, out } = await cli(args, { HOME: sourcesHome() });
    expect([code, err, out]).toEqual([2, [line], '']);
  });

  it("shows and exports other agents' sessions; refuses to delete them and changes nothing", async () => {
    const home = sourcesHome();
    const env = { HOME: home };
    const shown = await cli(['show', CLAUDE_ID, '--json'], env);
    expect(JSON.parse(shown.out)).toMatchObject({ id: CLAUDE_ID, source: 'claude', read_only: true });
    const exported = await cli(['export', CODEX_ID], env);
    expect(exported.out).toBe(readFileSync(join(CODEX_FIXTURES, 'golden', `${CODEX_ID}.md`), 'utf8'));
    // The other formats, and redaction, load the session through the same catalog.
    const html = await cli(['export', CLAUDE_ID, '--format', 'html'], env);
    expect(html.code).toBe(0);
    expect(html.out).toMatch(/^<!doctype html>/i);
    expect(html.out).toContain('Fix login redirect loop');
    const json = await cli(['export', CODEX_ID, '--format', 'json', '--redact'], env);
    expect(JSON.parse(json.out)).toMatchObject({ id: CODEX_ID, source: 'codex' });
    const before = [snapshot(join(home, '.claude')), snapshot(join(home, '.codex'))];
    for (const id of [CLAUDE_ID, CODEX_ID]) {
      const refused = await cli(['delete', id], env);
      expect(refused.code).toBe(1);
      expect(refused.err).toHaveLength(1);
      expect(refused.err[0]).toMatch(
        /^sessions: session \S+ belongs to .+, whose files Transcripts only reads: it was not deleted$/,
      );
    }
    await cli(['cleanup', '--older-than', '1s'], env);
    expect([snapshot(join(home, '.claude')), snapshot(join(home, '.codex'))]).toEqual(before);
  });

  it('searches every source at once, and one with source:', async () => {
    const env = { HOME: sourcesHome(), TRANSCRIPTS_CACHE_DIR: tempDir() };
    const all = JSON.parse((await cli(['search', 'cookie', '--json'], env)).out) as SearchResults;
    expect(all.groups.map((g) => g.id)).toContain(CLAUDE_ID);
    expect(all.groups.find((g) => g.id === CLAUDE_ID)).toMatchObject({ source: 'claude' });
    const users = JSON.parse((await cli(['search', 'list_users', '--json'], env)).out) as SearchResults;
    expect(new Set(users.groups.map((g) => g.source))).toEqual(new Set(['codex']));
    // Snippets of other sources come from the session loaded (its messages span several lines).
    const snippets = users.groups[0]!.matches.map((m) => m.snippet).join('\n');
    expect(snippets).toContain('list_users');
    const none = JSON.parse(
      (await cli(['search', 'list_users source:claude', '--json'], env)).out,
    ) as SearchResults;
    expect(none.groups).toEqual([]);
    const alpha = JSON.parse(
      (await cli(['search', 'alpha source:ggcode', '--json'], env)).out,
    ) as SearchResults;
    expect(alpha.groups.length).toBeGreaterThan(0);
    expect(alpha.groups.every((g) => g.source === undefined)).toBe(true);
  });

  it("adds up every source's tokens and estimated cost by source, and resumes in each agent", async () => {
    const env = { HOME: sourcesHome(), TRANSCRIPTS_CACHE_DIR: tempDir() };
    const usage = await cli(['usage', '--by', 'source', '--json'], env);
    expect(usage.code).toBe(0);
    const report = JSON.parse(usage.out) as {
      rows: { key: string; sessions: number; estimated_cost_usd: number; input_tokens: number }[];
    };
    const bySource = new Map(report.rows.map((r) => [r.key, r]));
    expect([...bySource.keys()].sort()).toEqual(['claude', 'codex', 'ggcode']);
    expect(bySource.get('claude')!.estimated_cost_usd).toBeGreaterThan(0);
    expect(bySource.get('codex')!.input_tokens).toBeGreaterThan(0);
    expect(bySource.get('ggcode')!.estimated_cost_usd).toBe(0);

    const resumed = await cli(['resume', CLAUDE_ID], env);
    expect(resumed).toMatchObject({
      code: 0,
      out: "cd '/home/dev/webapp' && claude --resume 0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61\n",
    });
    expect((await cli(['resume', CODEX_ID], env)).out).toMatch(
      /codex resume 5973b6c0-94b8-487b-a530-2aeb6098ae0e\n$/,
    );
  });
});

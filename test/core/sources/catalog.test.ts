// The catalog: every source's sessions in one list, routed by id, other agents' read-only; and
// which sources are read from where (defaults, environment, choices).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Catalog,
  catalogInfo,
  indexFileForCatalog,
  ReadOnlySourceError,
} from '../../../src/core/sources/catalog';
import {
  choicesFromEnv,
  mergeChoices,
  resolveSources,
  sourceContext,
} from '../../../src/core/sources/selection';
import { indexFileFor } from '../../../src/core/search/cache-dir';
import { JsonlStore } from '../../../src/core/store';
import { corpusCopy, fixtureIds, snapshot } from '../../support/fixtures';
import { sourcesHome } from '../../support/source-home';

const CLAUDE_ID = 'claude-0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61';
const CODEX_ID = 'codex-5973b6c0-94b8-487b-a530-2aeb6098ae0e';

function homeCatalog(home = sourcesHome()): Catalog {
  return Catalog.open(resolveSources({}, sourceContext({ HOME: home })));
}

describe('Catalog', () => {
  it('lists every source newest first, ggcode rows exactly as the store gives them', async () => {
    const home = sourcesHome();
    const catalog = homeCatalog(home);
    const { sessions, unreadable } = await catalog.listing();
    expect(unreadable).toBe(0);
    expect(new Set(sessions.map((s) => s.source ?? 'ggcode'))).toEqual(
      new Set(['ggcode', 'claude', 'codex']),
    );
    const times = sessions.map((s) => Date.parse(s.updated_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const own = (await new JsonlStore(join(home, '.ggcode', 'sessions')).listing()).sessions;
    expect(sessions.filter((s) => s.source === undefined)).toEqual(own);
  });

  it('routes loads and exports by id; ggcode exports stay byte for byte the store export', async () => {
    const home = sourcesHome();
    const catalog = homeCatalog(home);
    const store = new JsonlStore(join(home, '.ggcode', 'sessions'));
    for (const id of fixtureIds())
      expect(await catalog.exportMarkdown(id)).toBe(await store.exportMarkdown(id));
    expect((await catalog.load(CLAUDE_ID)).source).toBe('claude');
    expect(await catalog.exportMarkdown(CODEX_ID)).toMatch(
      /^# Fix 500 on GET \/users\n\n\*\*Session:\*\* codex-5973b6c0/,
    );
    await expect(catalog.load('../etc/passwd')).rejects.toThrow(/^invalid session id/);
    await expect(catalog.load('claude-00000000-0000-0000-0000-000000000000')).rejects.toThrow(/not found/);
  });

  it("refuses to delete another agent's session with one line, and changes nothing", async () => {
    const home = sourcesHome();
    const catalog = homeCatalog(home);
    const before = snapshot(join(home, '.claude'));
    for (const id of [CLAUDE_ID, CODEX_ID]) {
      const error = await catalog.delete(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReadOnlySourceError);
      expect((error as Error).message).toMatch(
        /^session \S+ belongs to (Claude Code|Codex CLI), whose files Transcripts only reads: it was not deleted$/,
      );
    }
    expect(snapshot(join(home, '.claude'))).toEqual(before);
    expect(await catalog.cleanupOlderThan(new Date(Date.now() + 86_400_000))).toBe(fixtureIds().length);
    expect(existsSync(join(home, '.claude', 'projects'))).toBe(true);
    expect(readdirSync(join(home, '.codex', 'sessions', '2025', '09', '20'))).toHaveLength(2);
  });

  it('tells the renderer every source when more than ggcode is read, and nothing new otherwise', async () => {
    const info = await catalogInfo(homeCatalog(), 'browser');
    expect(info.sources?.map((s) => [s.name, s.label, s.read_only])).toEqual([
      ['ggcode', 'ggcode', false],
      ['claude', 'Claude Code', true],
      ['codex', 'Codex CLI', true],
    ]);
    const dir = corpusCopy();
    await expect(catalogInfo(Catalog.of(new JsonlStore(dir)), 'browser')).resolves.toEqual({
      dir,
      exists: true,
      mode: 'browser',
    });
  });

  it("keeps ggcode's own index file, and gives every other set of sources its own", () => {
    expect(indexFileForCatalog('/c', [{ name: 'ggcode', roots: ['/s'] }])).toBe(indexFileFor('/c', '/s'));
    const a = indexFileForCatalog('/c', [
      { name: 'ggcode', roots: ['/s'] },
      { name: 'claude', roots: ['/p'] },
    ]);
    const b = indexFileForCatalog('/c', [
      { name: 'ggcode', roots: ['/s'] },
      { name: 'claude', roots: ['/q'] },
    ]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\/c\/search\/[0-9a-f]{16}\.sqlite$/);
  });
});

describe('which sources are read', () => {
  it('reads each at its default place when it exists (ggcode always)', () => {
    const home = sourcesHome();
    expect(resolveSources({}, sourceContext({ HOME: home }))).toEqual([
      { name: 'ggcode', roots: [join(home, '.ggcode', 'sessions')] },
      { name: 'claude', roots: [join(home, '.claude', 'projects')] },
      { name: 'codex', roots: [join(home, '.codex', 'sessions'), join(home, '.codex', 'archived_sessions')] },
    ]);
    const empty = join(home, 'nobody');
    expect(resolveSources({}, sourceContext({ HOME: empty }))).toEqual([
      { name: 'ggcode', roots: [join(empty, '.ggcode', 'sessions')] },
    ]);
  });

  it('follows the agents own variables, TRANSCRIPTS_SOURCES, and choices layered over them', () => {
    const home = sourcesHome();
    const env = {
      HOME: '/nowhere',
      CLAUDE_CONFIG_DIR: join(home, '.claude'),
      CODEX_HOME: join(home, '.codex'),
    };
    expect(resolveSources({}, sourceContext(env)).map((s) => s.name)).toEqual(['ggcode', 'claude', 'codex']);
    const only = choicesFromEnv({ TRANSCRIPTS_SOURCES: 'codex' });
    expect(resolveSources(only, sourceContext(env)).map((s) => s.name)).toEqual(['codex']);
    const pointed = mergeChoices(only, { claude: { enabled: true, dir: join(home, '.claude') } });
    expect(resolveSources(pointed, sourceContext(env))).toEqual([
      { name: 'claude', roots: [join(home, '.claude', 'projects')] },
      { name: 'codex', roots: [join(home, '.codex', 'sessions'), join(home, '.codex', 'archived_sessions')] },
    ]);
    expect(() => choicesFromEnv({ TRANSCRIPTS_SOURCES: 'ggcode,gemini' })).toThrow(
      'unknown source "gemini" (sources: ggcode, claude, codex)',
    );
  });
});

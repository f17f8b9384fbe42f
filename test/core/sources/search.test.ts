// Full-text search over every source: one index, `source:` and `model:` filters, snippets of
// messages spread over several lines, subagent threads searchable, and changes picked up.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../../src/core/sources/catalog';
import { parseQuery } from '../../../src/shared/search/query';
import { SearchIndex } from '../../../src/core/search/search-index';
import { SearchService } from '../../../src/core/search/search-service';
import { resolveSources, sourceContext } from '../../../src/core/sources/selection';
import { tempDir } from '../../support/fixtures';
import { sourcesHome } from '../../support/source-home';

const CLAUDE = 'claude-0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61';
const CODEX = 'codex-5973b6c0-94b8-487b-a530-2aeb6098ae0e';
let services: SearchService[] = [];

afterEach(async () => {
  for (const s of services) await s.close();
  services = [];
});

async function indexedHome(home = sourcesHome()) {
  const catalog = Catalog.open(resolveSources({}, sourceContext({ HOME: home })));
  const service = new SearchService(catalog, join(tempDir(), 'index.sqlite'));
  services.push(service);
  await service.refresh();
  const ids = async (query: string) => (await service.search({ query })).groups.map((g) => g.id);
  return { home, catalog, service, ids };
}

describe('search over every source', () => {
  it('reads source: filters (any of several), lower-cased, and leaves the words alone', () => {
    const q = parseQuery('login source:Claude source:codex');
    expect(q.sources).toEqual(['claude', 'codex']);
    expect(q.terms.map((t) => t.word)).toEqual(['login']);
    expect(parseQuery('login').sources).toBeUndefined();
  });

  it('finds each source in one index, and narrows with source: and model:', async () => {
    const { ids } = await indexedHome();
    expect(await ids('redirect')).toContain(CLAUDE);
    expect(await ids('list_users')).toEqual(expect.arrayContaining([CODEX]));
    expect(await ids('redirect source:codex')).toEqual([]);
    expect(await ids('alpha source:claude')).toEqual([]);
    expect((await ids('alpha source:ggcode')).length).toBeGreaterThan(0);
    // model: looks at every model a session used (this one switched from gpt-5-codex to gpt-5).
    expect(await ids('test model:gpt-5-codex')).toContain(CODEX);
    expect(await ids('cookie model:claude-haiku')).toContain(CLAUDE);
  });

  it('makes snippets of messages written over several lines, and searches subagent threads', async () => {
    const { service } = await indexedHome();
    const results = await service.search({ query: 'auth guard' });
    const group = results.groups.find((g) => g.id === CLAUDE)!;
    expect(group.source).toBe('claude');
    expect(group.matches.some((m) => m.snippet.includes('auth guard') && m.highlights.length > 0)).toBe(true);
    // "output_mode" is only in the Grep call the subagent made.
    expect((await service.search({ query: 'output_mode' })).groups.map((g) => g.id)).toEqual([CLAUDE]);
  });

  it('reads again only the sessions that changed', async () => {
    const home = sourcesHome();
    const { catalog, ids } = await indexedHome(home);
    const index = new SearchIndex(join(tempDir(), 'second.sqlite'));
    try {
      expect((await index.update(catalog)).added).toBeGreaterThan(0);
      expect(await index.update(catalog)).toMatchObject({ added: 0, rebuilt: 0, appended: 0 });
      const line = {
        timestamp: '2025-09-20T11:00:00.000Z',
        type: 'response_item',
        payload: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'zeppelin' }] },
      };
      appendFileSync(
        join(
          home,
          '.codex/sessions/2025/09/20/rollout-2025-09-20T10-11-12-5973b6c0-94b8-487b-a530-2aeb6098ae0e.jsonl',
        ),
        '\n' + JSON.stringify(line) + '\n',
      );
      expect(await index.update(catalog)).toMatchObject({ added: 0, rebuilt: 1 });
    } finally {
      index.close();
    }
    expect(await ids('zeppelin')).toEqual([]); // the first service has not refreshed yet
  });
});

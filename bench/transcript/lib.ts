// What the transcript benchmark needs from the TypeScript sources, in one entry that run.mjs
// bundles with esbuild: the store, the server with a search that does nothing (so no index build
// competes for the two cores), and the session writers of the e2e tests.
import type { SearchHandle } from '../../src/core/search/search-handle';
import { JsonlStore } from '../../src/core/store';
import { startServer } from '../../src/server/server';
import { noResults } from '../../src/shared/search/no-results';

export { JsonlStore };
export { addToIndex, writeSession } from '../../e2e/support/sessions';
export { CHROMIUM_LAUNCH_OPTIONS } from '../../e2e/support/chromium';

/** A search backend with nothing in it. */
export const NO_SEARCH: SearchHandle = {
  search: async (request) => noResults(request.query),
  sessionMatches: () => [],
  usage: async () => {
    throw new Error('no usage in this benchmark');
  },
  progress: () => ({ state: 'ready', done: 0, total: 0 }),
  refresh: () => undefined,
  onProgress: () => () => undefined,
  close: async () => undefined,
};

/** Serves `dir` with the built renderer and no search. */
export function serve(dir: string, rendererDir: string) {
  return startServer({ store: new JsonlStore(dir), rendererDir, search: NO_SEARCH });
}

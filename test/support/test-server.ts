// A `sessions serve` server for the server's tests: a fresh copy of the fixture corpus, a fake
// built renderer, and a search cache and data folder of its own (never the user's).
import { copyCorpus, removeDir } from '../../e2e/support/corpus';
import { makeFakeRenderer, type FakeRenderer } from '../../e2e/support/fake-renderer';
import { JsonlStore } from '../../src/core/store';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/server';
import { tempDir } from './fixtures';

/** A running test server and what it serves. */
export interface TestServer {
  corpus: string;
  store: JsonlStore;
  renderer: FakeRenderer;
  server: RunningServer;
}

/** A search cache folder of its own, for a server a test starts itself. */
export const testCacheDir = (): string => tempDir('transcripts-cache-');

/** Starts a server over a fresh corpus copy; `options` override the defaults. */
export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const corpus = await copyCorpus();
  const renderer = await makeFakeRenderer();
  const store = new JsonlStore(corpus);
  const server = await startServer({
    store,
    rendererDir: renderer.root,
    cacheDir: testCacheDir(),
    dataDir: tempDir('transcripts-data-'),
    ...options,
  });
  return { corpus, store, renderer, server };
}

/** Closes the server and removes its corpus and renderer. */
export async function stopTestServer({ server, corpus, renderer }: TestServer): Promise<void> {
  await server.close();
  await removeDir(corpus);
  await removeDir(renderer.parent);
}

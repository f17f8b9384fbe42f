// The CLI's one way to open the search index of the sources read: brought up to date (or as far as
// the caller waits), saying how far a long build has come on stderr, closed after use. `sessions
// usage` waits for the whole of it (figures of a half-built index would mislead); `sessions search`
// stops waiting after a few seconds.
import { join } from 'node:path';
import { defaultCacheDir } from '../core/search/cache-dir';
import type { SearchService } from '../core/search/search-service';
import { indexFileForCatalog, type Catalog } from '../core/sources/catalog';
import type { Io } from './commands';

/** Runs `use` on the index of the sources read once `settle` says the refresh has gone far enough
 * (by default: once it is up to date), then closes it. */
export async function withFreshIndex<T>(
  store: Catalog,
  env: NodeJS.ProcessEnv,
  io: Io,
  use: (service: SearchService) => Promise<T>,
  settle: (refreshed: Promise<void>) => Promise<void> = (refreshed) => refreshed,
): Promise<T> {
  // Loaded here, not at start: SQLite's WebAssembly build would slow every other command's start.
  const { SearchService } = await import('../core/search/search-service');
  const service = new SearchService(
    store,
    indexFileForCatalog(env.TRANSCRIPTS_CACHE_DIR || defaultCacheDir(env), store.settings()),
    // The reader thread bundled beside the CLI (scripts/build-cli.mjs): both cores build.
    { readerFile: join(__dirname, 'search-reader.cjs') },
  );
  try {
    let shown = -1;
    service.onProgress(({ done, total }) => {
      const percent = total ? Math.floor((done / total) * 100) : 100;
      if (total > 200 && percent >= shown + 10)
        io.err(`indexing ${done}/${total} sessions (${(shown = percent)}%)`);
    });
    await settle(service.refresh());
    const progress = service.progress();
    if (progress.state === 'error') throw new Error(`search index: ${progress.error}`);
    return await use(service);
  } finally {
    await service.close();
  }
}

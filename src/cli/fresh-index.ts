// `sessions usage` reads the search index once it is up to date (the whole of it: figures of a
// half-built index would mislead), saying how far a long build has come on stderr.
import { join } from 'node:path';
import { defaultCacheDir } from '../core/search/cache-dir';
import type { SearchService } from '../core/search/service';
import { indexFileForCatalog, type Catalog } from '../core/sources/catalog';
import type { Io } from './commands';

/** Runs `use` on the index of the sources read once it is up to date, then closes it. */
export async function withFreshIndex<T>(
  store: Catalog,
  env: NodeJS.ProcessEnv,
  io: Io,
  use: (service: SearchService) => Promise<T>,
): Promise<T> {
  // Loaded here, not at start: SQLite's WebAssembly build would slow every other command's start.
  const { SearchService } = await import('../core/search/service');
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
    await service.refresh();
    const progress = service.progress();
    if (progress.state === 'error') throw new Error(`search index: ${progress.error}`);
    return await use(service);
  } finally {
    await service.close();
  }
}

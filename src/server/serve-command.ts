// `sessions serve`: starts the browser-mode server over a session directory, prints where, and
// runs until SIGINT or SIGTERM.
import type { EventEmitter } from 'node:events';
import { defaultCacheDir } from '../core/search/cache-dir';
import { Catalog, indexFileForCatalog } from '../core/sources/catalog';
import { loadPriceTable } from '../core/sources/pricing/pricing';
import type { SourceSetting } from '../core/sources/selection';
import { SearchWorkerClient } from '../core/search/worker-client';
import { startServer } from './server';

/** What `serveCommand` needs; `signals` defaults to the process (tests pass their own emitter). */
export interface ServeCommandOptions {
  /** The session directory (ggcode's), when `sources` is not given. */
  dir?: string;
  /** The sources to serve (the CLI's choice of folders). */
  sources?: SourceSetting[];
  /** Port to listen on; 0 or absent picks a free one. */
  port?: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The bundled search worker script; without it the index is built in-process. */
  searchWorker?: string;
  /** Where the search index lives (the platform cache folder when absent). */
  cacheDir?: string;
  /** Where the one "serving at" line goes (stdout in the CLI). */
  print: (line: string) => void;
  signals?: Pick<EventEmitter, 'once' | 'off'>;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Serves the sources (or `dir`) until SIGINT/SIGTERM, then closes the server and resolves. */
export async function serveCommand(options: ServeCommandOptions): Promise<void> {
  const signals = options.signals ?? process;
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const catalog = Catalog.open(
    options.sources ?? [{ name: 'ggcode', roots: [options.dir ?? '.'] }],
    loadPriceTable(),
    cacheDir,
  );
  const settings = catalog.settings();
  const indexFile = indexFileForCatalog(cacheDir, settings);
  const server = await startServer({
    store: catalog,
    port: options.port ?? 0,
    rendererDir: options.rendererDir,
    search: options.searchWorker
      ? new SearchWorkerClient(options.searchWorker, { dir: catalog.dir(), indexFile, sources: settings })
      : undefined,
    cacheDir: options.cacheDir,
  });
  const shown = options.sources ? settings.flatMap((s) => s.roots).join(', ') : options.dir;
  options.print(`Transcripts is serving ${shown} at ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      for (const signal of STOP_SIGNALS) signals.off(signal, stop);
      resolve();
    };
    for (const signal of STOP_SIGNALS) signals.once(signal, stop);
  });
  await server.close();
}

// `sessions serve`: starts the browser-mode server over a session directory, prints where, and
// runs until SIGINT or SIGTERM.
import type { EventEmitter } from 'node:events';
import { defaultCacheDir, indexFileFor, summaryFileFor } from '../core/search/cache-dir';
import { SearchWorkerClient } from '../core/search/worker-client';
import { JsonlStore } from '../core/store';
import { startServer } from './server';

/** What `serveCommand` needs; `signals` defaults to the process (tests pass their own emitter). */
export interface ServeCommandOptions {
  /** The session directory. */
  dir: string;
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

/** Serves `dir` until SIGINT/SIGTERM, then closes the server and resolves. */
export async function serveCommand(options: ServeCommandOptions): Promise<void> {
  const signals = options.signals ?? process;
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const store = new JsonlStore(options.dir, { summaryFile: summaryFileFor(cacheDir, options.dir) });
  const indexFile = indexFileFor(cacheDir, store.dir());
  const server = await startServer({
    store,
    port: options.port ?? 0,
    rendererDir: options.rendererDir,
    search: options.searchWorker
      ? new SearchWorkerClient(options.searchWorker, { dir: store.dir(), indexFile })
      : undefined,
    cacheDir: options.cacheDir,
  });
  options.print(`Transcripts is serving ${options.dir} at ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      for (const signal of STOP_SIGNALS) signals.off(signal, stop);
      resolve();
    };
    for (const signal of STOP_SIGNALS) signals.once(signal, stop);
  });
  await server.close();
}

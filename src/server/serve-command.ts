// `sessions serve`: starts the browser-mode server over a session directory, prints where, and
// runs until SIGINT or SIGTERM.
import type { EventEmitter } from 'node:events';
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
  /** Where the one "serving at" line goes (stdout in the CLI). */
  print: (line: string) => void;
  signals?: Pick<EventEmitter, 'once' | 'off'>;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Serves `dir` until SIGINT/SIGTERM, then closes the server and resolves. */
export async function serveCommand(options: ServeCommandOptions): Promise<void> {
  const signals = options.signals ?? process;
  const server = await startServer({
    store: new JsonlStore(options.dir),
    port: options.port ?? 0,
    rendererDir: options.rendererDir,
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

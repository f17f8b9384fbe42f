// `sessions`: the command-line tool over the session store. Errors are one line on stderr
// (exit 1; 2 for usage errors), never a stack trace.
import { join } from 'node:path';
import { defaultCacheDir, summaryFileFor } from '../core/search/cache-dir';
import { defaultDir, JsonlStore } from '../core/store';
import { parseCommandLine, USAGE, UsageError } from './args';
import { runCommand, type Io } from './commands';

/** Runs the CLI with `argv` (no node/script) and returns the exit code. */
export async function main(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const cmd = parseCommandLine(argv);
    if (cmd.name === 'help') {
      io.out(USAGE + '\n');
      return 0;
    }
    const dir = cmd.dir ?? (env.SESSIONS_DIR || defaultDir());
    if (cmd.name === 'serve') {
      // Loaded only for `serve`: the HTTP server and its routes would slow every other command's start.
      const { serveCommand } = await import('../server/serve-command');
      await serveCommand({
        dir,
        port: cmd.port,
        rendererDir: join(__dirname, '..', 'renderer'),
        // The index builds in the worker bundled beside this file, never on the serving thread.
        searchWorker: join(__dirname, 'search-worker.cjs'),
        cacheDir: env.TRANSCRIPTS_CACHE_DIR || undefined,
        print: (line) => io.out(line + '\n'),
      });
      return 0;
    }
    const summaryFile = summaryFileFor(env.TRANSCRIPTS_CACHE_DIR || defaultCacheDir(env), dir);
    await runCommand(new JsonlStore(dir, { summaryFile }), cmd, io, env);
    return 0;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    if (error instanceof UsageError) {
      io.err(`sessions: ${message} (see sessions --help)`);
      return 2;
    }
    io.err(`sessions: ${message}`);
    return 1;
  }
}

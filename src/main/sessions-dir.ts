// Which sessions folder to open at start-up.
import { resolve } from 'node:path';

/** Where the choice may come from, most specific first. */
export interface DirSources {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  remembered: string | undefined;
  fallback: string;
  cwd: string;
}

/** `--dir DIR` (or `--dir=DIR`), else SESSIONS_DIR, else the remembered folder, else the default. */
export function chooseSessionsDir({ argv, env, remembered, fallback, cwd }: DirSources): string {
  const fromArgs = dirArgument(argv);
  if (fromArgs !== undefined) return resolve(cwd, fromArgs);
  if (env.SESSIONS_DIR) return resolve(cwd, env.SESSIONS_DIR);
  return remembered ?? fallback;
}

/** The value of the last `--dir` option, if any. */
function dirArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--dir' && argv[i + 1] !== undefined) found = argv[i + 1];
    else if (arg.startsWith('--dir=')) found = arg.slice('--dir='.length);
  });
  return found === '' ? undefined : found;
}

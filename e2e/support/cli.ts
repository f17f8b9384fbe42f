// The built `sessions` CLI (bin/sessions.cjs, made by `npm run build`), run as a user runs it.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** `npm start`'s script. */
export const START_SCRIPT = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));

/** The CLI's launcher. */
export const SESSIONS_BIN = fileURLToPath(new URL('../../bin/sessions.cjs', import.meta.url));

/** Runs `sessions <args>` to completion (with `env` added to the environment) and returns its stdout. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SESSIONS_BIN, ...args], {
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  return stdout;
}

/** A running `sessions serve` (or `npm start` in browser mode). */
export interface ServeProcess {
  /** The URL it printed, token included. */
  url: string;
  /** The whole line it printed. */
  line: string;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/** Starts `sessions --dir <dir> serve --port 0` and waits for its "serving" line. */
export function startServeProcess(dir: string): Promise<ServeProcess> {
  return startServing([SESSIONS_BIN, '--dir', dir, 'serve', '--port', '0']);
}

/** Runs `node <args>` and waits for the first line it prints, which names the URL it serves. */
export async function startServing(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  let errors = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (errors += chunk));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const newline = output.indexOf('\n');
      if (newline !== -1) resolve(output.slice(0, newline));
    });
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited with ${code} before printing: ${errors}`)),
    );
  });
  const url = /(http:\/\/\S+)$/.exec(line)?.[1] ?? '';
  return {
    url,
    line,
    stderr: () => errors,
    async stop(signal) {
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

// The built `sessions` CLI (bin/sessions.cjs, made by `npm run build`), run as a user runs it.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The CLI's launcher. */
export const SESSIONS_BIN = fileURLToPath(new URL('../../bin/sessions.cjs', import.meta.url));

/** Runs `sessions <args>` to completion and returns its stdout. */
export async function runCli(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [SESSIONS_BIN, ...args], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

/** A running `sessions serve`. */
export interface ServeProcess {
  /** The URL it printed, token included. */
  url: string;
  /** The whole line it printed. */
  line: string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/** Starts `sessions --dir <dir> serve --port 0` and waits for its "serving" line. */
export async function startServeProcess(dir: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [SESSIONS_BIN, '--dir', dir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const newline = output.indexOf('\n');
      if (newline !== -1) resolve(output.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`sessions serve exited with ${code} before printing`)));
  });
  const url = /(http:\/\/\S+)$/.exec(line)?.[1] ?? '';
  return {
    url,
    line,
    async stop(signal) {
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

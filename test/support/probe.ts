// Builds hostile-probe.ts once per test file and runs it with a deadline (see that file).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { globPlugin } from '../../scripts/esbuild-glob.mjs';
import { tempDir } from './fixtures';

/** What one probe printed. */
export type ProbeResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Seconds a probe may take before it counts as hung (generous: the machine may be busy). */
export const PROBE_DEADLINE_MS = 20_000;

// The bundle lives in a temp folder; its one external module is found through NODE_PATH.
const env = { ...process.env, NODE_PATH: resolve(__dirname, '../../node_modules') };

/** Bundles the probe script; returns its path. */
export async function buildProbe(): Promise<string> {
  const out = join(tempDir('transcripts-probe-'), 'probe.cjs');
  await build({
    entryPoints: [join(__dirname, 'hostile-probe.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'silent',
    external: ['node-sqlite3-wasm'],
    plugins: [globPlugin],
  });
  return out;
}

/** Runs `op` over `dir`; rejects "... hung" if it does not finish by the deadline (and kills it). */
export function probe(script: string, op: string, dir: string, arg?: string): Promise<ProbeResult> {
  const args = [script, op, dir, ...(arg === undefined ? [] : [arg])];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { timeout: PROBE_DEADLINE_MS, killSignal: 'SIGKILL', maxBuffer: 1 << 20, env },
      (error, stdout, stderr) => {
        if (error) {
          const why = error.killed ? `hung (killed after ${PROBE_DEADLINE_MS} ms)` : stderr.trim();
          reject(new Error(`${op} ${arg ?? ''}: ${why}`));
        } else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as ProbeResult);
      },
    );
  });
}

/** Starts the probe's server over `dir`; resolves with it once it listens. */
export function probeServer(
  script: string,
  dir: string,
): Promise<{ child: ChildProcess; port: number; token: string }> {
  const child = spawn(process.execPath, [script, 'serve', dir], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const timer = setTimeout(() => child.kill('SIGKILL'), PROBE_DEADLINE_MS * 3);
  child.once('exit', () => clearTimeout(timer));
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => {
      const first = JSON.parse(chunk.toString().split('\n')[0]!) as {
        value: { port: number; token: string };
      };
      resolve({ child, ...first.value });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

// Test helpers: a private copy of the reference's fixture directory, and a snapshot of a
// directory's state to prove that reads change nothing.
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The fixtures written by ggcode v1.0.9 (read-only; kept in the repository under test/fixtures). */
export const FIXTURES = resolve(__dirname, '../fixtures/ggcode-v1.0.9');
export const CORPUS = join(FIXTURES, 'corpus');
export const GOLDEN = join(FIXTURES, 'golden');

/** A fresh temp directory. */
export function tempDir(prefix = 'transcripts-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A writable copy of the fixture corpus in a fresh temp directory. */
export function corpusCopy(): string {
  const dir = join(tempDir(), 'sessions');
  cpSync(CORPUS, dir, { recursive: true });
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o600);
  return dir;
}

/** Every entry of `dir` (recursively) with its size, mtime and content hash. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        out[prefix + name + '/'] = `dir ${st.mtimeMs}`;
        walk(p, prefix + name + '/');
      } else {
        const hash = createHash('sha256').update(readFileSync(p)).digest('hex');
        out[prefix + name] = `${st.size} ${st.mtimeMs} ${hash}`;
      }
    }
  };
  walk(dir, '');
  return out;
}

/** The fixture session ids (from the corpus file names). */
export function fixtureIds(): string[] {
  return readdirSync(CORPUS)
    .filter((n) => n.endsWith('.jsonl'))
    .map((n) => n.slice(0, -'.jsonl'.length));
}

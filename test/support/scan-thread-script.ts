// The scan threads' script, bundled as the build bundles it, for tests that list on threads.
import { join } from 'node:path';
import { build } from 'esbuild';
import { tempDir } from './fixtures';

/** Bundles src/core/scan-thread.ts into a fresh temp folder; resolves with the script's path. */
export async function buildScanThreadScript(): Promise<string> {
  const script = join(tempDir('transcripts-scan-thread-'), 'scan-thread.cjs');
  await build({
    entryPoints: ['src/core/scan-thread.ts'],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  return script;
}

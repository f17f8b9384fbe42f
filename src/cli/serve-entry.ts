// Entry of out/cli/cli-serve.cjs, the bundle `sessions serve` loads (scripts/build-cli.mjs): the
// server, its routes, the live watchers and the search client stay out of the bundle every other
// command starts with. The bundle has its own copy of the store, so it is told of the scan threads
// here, as entry.ts tells the main bundle's.
import { join } from 'node:path';
import { useScanThreads } from '../core/scan-threads';

useScanThreads(join(__dirname, 'scan-thread.cjs'));

export { serveCommand } from '../server/serve-command';

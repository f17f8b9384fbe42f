// Process entry of the bundled CLI: wires main() to stdout, stderr and the exit code.
import { join } from 'node:path';
import { useScanThreads } from '../core/scan-threads';
import { main } from './main';
import { processIo } from './process-io';

// A cold list of many files scans them on two threads running the script bundled beside this one.
useScanThreads(join(__dirname, 'scan-thread.cjs'));

// A closed pipe (sessions list | head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

main(
  process.argv.slice(2),
  processIo(process.stdout, () => process.stderr),
).then((code) => {
  process.exitCode = code;
});

// Starts one scan thread. Its own module, imported on first use (a static import of worker_threads
// here, as a dynamic import of a built-in would need a module loader the CLI's vm.Script lacks):
// a CLI start that scans nothing never loads worker_threads.
import { Worker } from 'node:worker_threads';

/** A scan thread running the bundled scan-thread script at `file`. */
export function startScanThread(file: string): Worker {
  return new Worker(file);
}

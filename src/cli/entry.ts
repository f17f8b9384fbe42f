// Process entry of the bundled CLI: wires main() to stdout, stderr and the exit code.
import { join } from 'node:path';
import { useScanThreads } from '../core/scan-threads';
import type { Io } from './commands';
import { main } from './main';
import { escapeForTerminal } from './terminal-safe';

// A cold list of many files scans them on two threads running the script bundled beside this one.
useScanThreads(join(__dirname, 'scan-thread.cjs'));

// A closed pipe (sessions list | head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

// A terminal gets transcript text with its escape sequences made visible; a pipe or a file the
// exact bytes (`sessions export ID > file` stays the export).
const forStdout = process.stdout.isTTY ? escapeForTerminal : (text: string) => text;
const forStderr = process.stderr.isTTY ? escapeForTerminal : (text: string) => text;
const io: Io = {
  out: (text) => void process.stdout.write(forStdout(text)),
  err: (line) => void process.stderr.write(forStderr(line) + '\n'),
};
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});

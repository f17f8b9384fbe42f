// Process entry of the bundled CLI: wires main() to stdout, stderr and the exit code.
import type { Io } from './commands';
import { main } from './main';

// A closed pipe (sessions list | head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
const io: Io = {
  out: (text) => void process.stdout.write(text),
  err: (line) => void process.stderr.write(line + '\n'),
};
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});

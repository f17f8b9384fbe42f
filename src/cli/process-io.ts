// The CLI's stdout and stderr as an Io: a terminal gets transcript text with its escape sequences
// made visible, a pipe or a file the exact bytes (`sessions export ID > file` stays the export).
import type { Io } from './commands';
import { escapeForTerminal } from './terminal-safe';

/** The part of a process stream the CLI writes through. */
export interface OutStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** An Io over `stdout` and the stream `stderr()` returns. stderr is asked for on the first error
 * only: creating process.stderr (a pipe's or a terminal's stream) costs a command that writes no
 * error about 2 ms of its start. */
export function processIo(stdout: OutStream, stderr: () => OutStream): Io {
  const forStdout = stdout.isTTY ? escapeForTerminal : (text: string) => text;
  return {
    out: (text) => void stdout.write(forStdout(text)),
    err: (line) => {
      const stream = stderr();
      stream.write((stream.isTTY ? escapeForTerminal(line) : line) + '\n');
    },
  };
}

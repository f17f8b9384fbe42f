// The index's reader thread: reads and prepares session files (reader.ts) while the thread that
// owns the index writes the ones before. Each answer's buffers are moved, not copied.
import { parentPort } from 'node:worker_threads';
import { errorLine } from '../../shared/api';
import { readForIndex } from './extract';
import type { ReaderReply, ReaderRequest } from './reader';

const port = parentPort!;

port.on('message', ({ id, job }: ReaderRequest) => {
  readForIndex(job).then(
    (result) => {
      const moved =
        result.kind === 'read'
          ? ([result.rows.buffer, result.bytes.buffer, result.spans.buffer] as ArrayBuffer[])
          : [];
      port.postMessage({ id, result } satisfies ReaderReply, moved);
    },
    (error: unknown) => port.postMessage({ id, error: errorLine(error) } satisfies ReaderReply),
  );
});

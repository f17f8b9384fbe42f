// The search worker: owns the index so that building it never blocks the process that serves
// the UI (Electron main, or `sessions serve`).
import { parentPort, workerData } from 'node:worker_threads';
import { errorLine } from '../../shared/api';
import { Catalog } from '../sources/catalog';
import { JsonlStore } from '../store';
import { throttledProgress } from './progress-throttle';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';
import { CancelledError } from './search-index';
import { SearchService } from './search-service';

const port = parentPort!;
const init = workerData as WorkerInit;
const service = new SearchService(
  init.sources ? Catalog.open(init.sources) : new JsonlStore(init.dir),
  init.indexFile,
  { readerFile: init.readerFile },
  init.progress,
);
const send = (message: FromWorker): void => port.postMessage(message);

service.onProgress(throttledProgress((progress) => send({ type: 'progress', progress })));

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'refresh':
      void service.refresh().then(() => service.updating() || send({ type: 'settled' }));
      break;
    case 'search':
      service.search(message.request).then(
        (value) => send({ type: 'result', id: message.id, ok: true, value }),
        (error: unknown) =>
          send({
            type: 'result',
            id: message.id,
            ok: false,
            error: errorLine(error),
            cancelled: error instanceof CancelledError,
          }),
      );
      break;
    case 'usage':
      service.usage(message.request).then(
        (value) => send({ type: 'result', id: message.id, ok: true, value }),
        (error: unknown) =>
          send({ type: 'result', id: message.id, ok: false, error: errorLine(error), cancelled: false }),
      );
      break;
    case 'matches':
      try {
        send({
          type: 'result',
          id: message.id,
          ok: true,
          value: service.sessionMatches(message.sessionId, message.query),
        });
      } catch (error) {
        send({ type: 'result', id: message.id, ok: false, error: errorLine(error), cancelled: false });
      }
      break;
    case 'close': {
      const interrupted = service.updating();
      void service.close().then(() => {
        send({ type: 'closed', interrupted });
        port.close();
      });
      break;
    }
  }
});

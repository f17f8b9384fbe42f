// The find worker: counts matches off the page's thread, so typing into Find stays responsive
// while a large session is searched.
import { FindHost } from './find-host';
import type { FromFindWorker, ToFindWorker } from './find-protocol';

const scope = self as unknown as {
  postMessage(message: FromFindWorker): void;
  onmessage: ((event: MessageEvent<ToFindWorker>) => void) | null;
};
const host = new FindHost((message) => scope.postMessage(message));
scope.onmessage = (event) => host.receive(event.data);

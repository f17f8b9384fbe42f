// Entry point: picks the transport first (in browser mode its client asks for the list at once),
// then loads the rest of the app, so the list's request and the app's code load side by side.
import { createClient } from './api/create-client';
import { loadSucceeded, recoverFromFailedLoad } from './app/load-recovery';
import { warmTimeFormats } from './app/warm-formats';

const api = createClient();
import('./boot').then(
  ({ boot }) => {
    boot(api);
    loadSucceeded(window);
  },
  (error: unknown) => recoverFromFailedLoad(window, error),
);
// The main thread is idle while the rest downloads (the requests above are already on their way).
setTimeout(warmTimeFormats, 0);

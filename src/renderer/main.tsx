// Entry point: picks the transport first (in browser mode its client asks for the list at once),
// then loads the rest of the app, so the list's request and the app's code load side by side.
import { createClient } from './api/create-client';
import { loadSucceeded, recoverFromFailedLoad } from './app/load-recovery';

const api = createClient();
import('./boot').then(
  ({ boot }) => {
    boot(api);
    loadSucceeded(window);
  },
  (error: unknown) => recoverFromFailedLoad(window, error),
);

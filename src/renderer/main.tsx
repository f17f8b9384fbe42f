// Entry point: picks the transport first (in browser mode its client asks for the list at once),
// then loads the rest of the app, so the list's request and the app's code load side by side.
import { createClient } from './api/create-client';

const api = createClient();
void import('./boot').then(({ boot }) => boot(api));

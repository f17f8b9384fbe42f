// The shared request handlers: one function per contract channel over a store. Electron main
// (IPC) and `sessions serve` (HTTP) both dispatch through `dispatch`, so they cannot drift apart.
import { errorLine, type Envelope } from '../shared/api';
import {
  validateRequest,
  type Channel,
  type Request,
  type Response,
  type StoreInfo,
} from '../shared/contract';
import { searchSessions } from './search';
import type { JsonlStore } from './store';
import { buildTranscript } from './transcript';

/** A handler per channel, already given a validated request. */
export type Handlers = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> };

/** Handlers over `store`; `info` describes the store for the renderer. */
export function createHandlers(store: JsonlStore, info: () => Promise<StoreInfo>): Handlers {
  return {
    'store:info': () => info(),
    'sessions:list': () => store.list(),
    'sessions:load': ({ id }) => store.load(id),
    'sessions:transcript': async ({ id }) => buildTranscript(await store.load(id)),
    'sessions:export': ({ id }) => store.exportMarkdown(id),
    'sessions:delete': async ({ id }) => {
      await store.delete(id);
      return { deleted: true };
    },
    'sessions:search': ({ query, limit }) => searchSessions(store, query, { limit }),
  };
}

/** Validates `raw` for `channel`, runs its handler and wraps the outcome in an envelope. */
export async function dispatch<C extends Channel>(
  handlers: Handlers,
  channel: C,
  raw: unknown,
): Promise<Envelope<Response<C>>> {
  try {
    const request = validateRequest(channel, raw);
    const value = await (handlers[channel] as (r: Request<C>) => Promise<Response<C>>)(request);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: errorLine(error) };
  }
}

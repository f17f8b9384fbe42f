// The renderer-facing API: the client methods built from the contract's channel list, and the
// result envelope both transports (IPC and HTTP) use, so that errors arrive as one clear line.
import { API_METHODS, type Channel, type Request, type Response } from './contract';

/** A window.api method that calls a shared channel. */
export type ApiMethod = keyof typeof API_METHODS;

/** The shared part of the API, as a client sees it: each method takes its channel's request. */
export type SharedApi = {
  [M in ApiMethod]: (request: Request<(typeof API_METHODS)[M]>) => Promise<Response<(typeof API_METHODS)[M]>>;
};

/** The shared half of a client, built from API_METHODS: each method hands its channel and request
 * to `call`. The one place the methods are made, so no client can miss a channel. */
export function sharedApi(
  call: (channel: Channel, method: ApiMethod, request: unknown) => Promise<unknown>,
): SharedApi {
  // Object.fromEntries loses the per-method types; the cast restores them from the same map.
  return Object.fromEntries(
    (Object.keys(API_METHODS) as ApiMethod[]).map((method) => [
      method,
      (request: unknown) => call(API_METHODS[method], method, request),
    ]),
  ) as SharedApi;
}

/** What a handler sends back over either transport. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Unwraps an envelope, throwing its one-line error. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new Error(envelope.error);
}

/** Turns any thrown value into the one line a user should see. */
export function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? 'unknown error';
}

// The renderer-facing API: method names mapped onto contract channels, and the result envelope
// both transports (IPC and HTTP) use so that errors arrive as one clear line, not a stack trace.
import type { Channel, Request, Response } from './contract';

/** window.api method name -> contract channel, for the channels every mode serves. */
export const API_METHODS = {
  storeInfo: 'store:info',
  listSessions: 'sessions:list',
  loadSession: 'sessions:load',
  openTranscript: 'sessions:transcript',
  transcriptMessages: 'sessions:messages',
  transcriptOutline: 'sessions:outline',
  transcriptImage: 'sessions:image',
  transcriptText: 'sessions:text',
  exportSession: 'sessions:export',
  redactPreview: 'sessions:redact-preview',
  deleteSession: 'sessions:delete',
  restoreSession: 'sessions:restore',
  searchSessions: 'sessions:search',
  searchMatches: 'search:matches',
  searchProgress: 'search:progress',
  usageReport: 'usage:report',
  listAnnotations: 'annotations:list',
  setAnnotation: 'annotations:set',
  watchSession: 'sessions:watch',
} as const satisfies Record<string, Channel>;

export type ApiMethod = keyof typeof API_METHODS;

/** The shared part of the API, as a client sees it: each method takes its channel's request. */
export type SharedApi = {
  [M in ApiMethod]: (request: Request<(typeof API_METHODS)[M]>) => Promise<Response<(typeof API_METHODS)[M]>>;
};

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

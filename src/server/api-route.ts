// POST /api/<channel>: reads the JSON body (at most 1 MB), refuses bad requests (400, 404, 413,
// 415) and otherwise hands the request to the shared dispatch, exactly as Electron's IPC does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorLine, type Envelope } from '../shared/api';
import { isChannel } from '../shared/contract';
import { validateRequest } from '../shared/validate-request';
import { SessionNotFoundError } from '../core/errors';
import { dispatch, type Handlers } from '../shared/dispatch';
import { refuseAndDrain, sendJson } from './respond';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Path prefix of API calls; the rest of the path is the channel name. */
export const API_PREFIX = '/api/';

/** A request the server refuses before any handler runs, with its HTTP status. */
class RefusedRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Answers one API call; `channelName` is the (decoded) path after /api/. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: Handlers,
  channelName: string,
): Promise<void> {
  const refuse = (status: number, error: string) =>
    sendJson(res, status, { ok: false, error } satisfies Envelope<never>);
  if (!isChannel(channelName)) {
    refuse(404, `unknown channel "${channelName.slice(0, 60)}"`);
    return;
  }
  // A page on another site can POST text/plain or a form without asking first (no CORS
  // preflight); only JSON, which needs a preflight cross-origin, is let through.
  if (hasBody(req) && !isJson(req.headers['content-type'])) {
    refuse(415, 'request body must be sent as Content-Type: application/json');
    return;
  }
  let body: unknown;
  try {
    body = parseJson(await readBody(req, MAX_BODY_BYTES));
    validateRequest(channelName, body);
  } catch (error) {
    if (error instanceof RefusedRequest && error.status === 413) {
      refuseAndDrain(req, res, 413, { ok: false, error: error.message } satisfies Envelope<never>);
      return;
    }
    refuse(error instanceof RefusedRequest ? error.status : 400, errorLine(error));
    return;
  }
  let status = 200;
  const envelope = await dispatch(handlers, channelName, body, (error) => {
    if (error instanceof SessionNotFoundError) status = 404;
  });
  sendJson(res, status, envelope);
}

/** Whether the request carries a body (one announced by length, or chunked). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** True for `application/json`, parameters (`; charset=utf-8`) allowed. */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

// An empty body means "no fields", which the validators treat as {}.
function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new RefusedRequest(400, 'request body is not valid JSON');
  }
}

// Collects the body as UTF-8, counting bytes as they arrive whatever the framing (length or
// chunked), and refuses (413) at the first byte over `limit`, before buffering it. Events rather
// than `for await`, since leaving an async iterator destroys the socket before the refusal can be
// sent.
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new RefusedRequest(413, `request body is larger than ${limit} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      reject(tooLarge());
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

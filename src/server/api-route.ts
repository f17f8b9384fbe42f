// POST /api/<channel>: reads the JSON body (at most 1 MB), refuses bad requests with 400 and
// otherwise hands the request to the shared dispatch, exactly as Electron's IPC does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorLine, type Envelope } from '../shared/api';
import { isChannel, validateRequest } from '../shared/contract';
import { dispatch, type Handlers } from '../core/service';
import { sendJson } from './respond';

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
  let body: unknown;
  try {
    body = parseJson(await readBody(req, MAX_BODY_BYTES));
    validateRequest(channelName, body);
  } catch (error) {
    const status = error instanceof RefusedRequest ? error.status : 400;
    // An oversized body is not read to its end, so the connection cannot be reused.
    if (status === 413) res.setHeader('Connection', 'close');
    refuse(status, errorLine(error));
    return;
  }
  sendJson(res, 200, await dispatch(handlers, channelName, body));
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

// Collects the body as UTF-8, refusing (413) anything over `limit` bytes without buffering it.
// Events rather than `for await`, since leaving an async iterator destroys the socket before the
// refusal can be sent.
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

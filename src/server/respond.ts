// Response helpers: the security headers every response carries, the two body shapes the server
// sends (one-line text for refusals, JSON for API envelopes), and refusing an unread upload.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/** Headers set on every response, whatever it is. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Sends `line` as a one-line plain-text body with `status`. */
export function sendText(
  res: ServerResponse,
  status: number,
  line: string,
  extra: Record<string, string> = {},
): void {
  const body = `${line.split('\n')[0]}\n`;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Sends `value` as JSON with `status`. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** How long the rest of a refused upload is still read (and dropped) after the answer went out. */
export const DRAIN_MS = 5_000;

/** Sends `value` as JSON with `status` at once, then closes the connection when the client has
 * finished sending its body, or DRAIN_MS later. Until then the rest of the body is read and
 * dropped, never kept: closing with unread bytes makes the kernel reset the connection, and a
 * client that writes its whole body before reading would lose the answer to that reset. */
export function refuseAndDrain(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  value: unknown,
): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
  });
  // The whole answer is written now; ending the response is what closes the connection.
  res.write(body);
  const close = () => {
    clearTimeout(timer);
    req.off('end', close);
    req.off('close', close);
    res.end();
  };
  const timer = setTimeout(close, DRAIN_MS);
  if (req.readableEnded) return close();
  req.on('end', close);
  req.on('close', close);
  req.resume();
}

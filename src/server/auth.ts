// Who may talk to the server: a Host/Origin allow-list (against DNS rebinding and cross-site
// requests) and the per-run token, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Name of the cookie that carries the token after the first `/?token=` visit (HttpOnly: scripts
 * never see it). Cookies are shared by every port of a host, so the name carries the port: two
 * `sessions serve` on one machine keep a cookie each instead of overwriting one another's. */
export function tokenCookieName(port: number): string {
  return `transcripts_${port}`;
}

/** Header API clients may send the token in. */
export const TOKEN_HEADER = 'x-transcripts-token';

/** Query parameter the printed URL and export links carry the token in. */
export const TOKEN_PARAM = 'token';

// Tokens travel in URLs and cookies unescaped, so they must stay within URL-safe characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,256}$/;

/** A fresh random token: 32 bytes as hex. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/** True when `token` is usable as a server token (32-256 URL-safe characters). */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The Set-Cookie value that lets the page's later requests (assets, API) prove the token. */
export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** True when Host names this server and Origin, if sent, is this server's own origin. */
export function isOwnHostAndOrigin(req: IncomingMessage, port: number): boolean {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host?.toLowerCase();
  if (host === undefined || !hosts.includes(host)) return false;
  const origin = req.headers.origin?.toLowerCase();
  return origin === undefined || hosts.some((h) => origin === `http://${h}`);
}

/** Where a route accepts the token from; the cookie and header are accepted everywhere. */
export interface TokenSources {
  /** Whether `?token=` counts (only the entry page, the event stream and export links). */
  query: boolean;
  /** The server's port, which names its cookie. */
  port: number;
}

/** The token as sent in the `?token=` parameter, if any. */
export function queryToken(url: URL): string | undefined {
  return url.searchParams.get(TOKEN_PARAM) ?? undefined;
}

/** True when one of the allowed places holds `expected`. */
export function presentsToken(
  req: IncomingMessage,
  url: URL,
  expected: string,
  sources: TokenSources,
): boolean {
  const candidates = [headerToken(req), cookieToken(req, tokenCookieName(sources.port))];
  if (sources.query) candidates.push(queryToken(url));
  // Check every candidate so timing does not reveal which place held a token.
  return candidates.map((c) => c !== undefined && tokensEqual(c, expected)).includes(true);
}

/** Constant-time comparison; hashing first makes lengths equal, as timingSafeEqual requires. */
export function tokensEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function headerToken(req: IncomingMessage): string | undefined {
  const value = req.headers[TOKEN_HEADER];
  return typeof value === 'string' ? value : undefined;
}

function cookieToken(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

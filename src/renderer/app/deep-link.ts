// The deep link: location.hash "#session=<id>" names the open session, and "&msg=<n>" the message
// (its index in the session, from 0) to scroll it to.
import { isValidId } from '../../shared/ids';

/** What a hash names. */
export interface DeepLink {
  id: string;
  /** The message to scroll to, when the link names one. */
  message?: number;
}

/** Largest message index a link can name (nine digits). */
const MAX_MESSAGE = 999_999_999;

/** The session (and message) a hash names, or null when it names no valid session. */
export function linkFromHash(hash: string): DeepLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('session');
  if (!isValidId(id)) return null;
  const msg = params.get('msg');
  if (msg === null || !/^\d{1,9}$/.test(msg) || Number(msg) > MAX_MESSAGE) return { id };
  return { id, message: Number(msg) };
}

/** The session id a hash names, or null when it names none (or an invalid one). */
export function sessionIdFromHash(hash: string): string | null {
  return linkFromHash(hash)?.id ?? null;
}

/** The hash that names session `id`, and message `message` in it when given. */
export function hashForSession(id: string, message?: number): string {
  const base = `#session=${encodeURIComponent(id)}`;
  return message === undefined ? base : `${base}&msg=${message}`;
}

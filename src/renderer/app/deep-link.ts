// The deep link: location.hash "#session=<id>" names the open session.
import { isValidId } from '../../shared/ids';

/** The session id a hash names, or null when it names none (or an invalid one). */
export function sessionIdFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('session');
  return isValidId(id) ? id : null;
}

/** The hash that names session `id`. */
export function hashForSession(id: string): string {
  return `#session=${encodeURIComponent(id)}`;
}

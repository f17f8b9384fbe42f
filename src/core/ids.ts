// Session ids: validation at every entry point (new ids: new-session.ts).
import { isValidId } from '../shared/ids';
import { InvalidIdError } from './errors';

export { isValidId };

/** Throws InvalidIdError unless `id` is valid; returns it for chaining. */
export function assertValidId(id: unknown): string {
  if (!isValidId(id)) throw new InvalidIdError(String(id));
  return id;
}

// Session ids: validation (every entry point) and generation (ULIDs for sessions we create).
import { ulid } from 'ulid';
import { isValidId } from '../shared/ids';
import { InvalidIdError } from './errors';

export { isValidId };

/** Throws InvalidIdError unless `id` is valid; returns it for chaining. */
export function assertValidId(id: unknown): string {
  if (!isValidId(id)) throw new InvalidIdError(String(id));
  return id;
}

/** A new session id: a ULID, sortable by creation time. */
export function newId(): string {
  return ulid();
}

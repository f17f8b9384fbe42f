// The session id rule, shared by the store, every handler and the renderer.

/** 1 to 128 characters of A-Z a-z 0-9 - _, not starting with - (so never a path or an option). */
export const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$/;

/** True when `id` is a valid session id. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}

// The sessions named by the "Recent" ids, found without indexing the whole list.

/** The first `limit` sessions of `recent` (ids, newest first) that `sessions` still holds, in
 * `recent`'s order. One pass over the list with a lookup of the few recent ids: a map of every
 * session, built each time a session is opened, cost a 10,000-entry allocation per open. */
export function recentSessions<T extends { id: string }>(
  recent: readonly string[],
  sessions: readonly T[],
  limit: number,
): T[] {
  const found = new Map<string, T | null>(recent.map((id) => [id, null]));
  let left = found.size;
  for (const session of sessions) {
    if (left === 0) break;
    if (found.get(session.id) === null) {
      found.set(session.id, session);
      left--;
    }
  }
  return recent.flatMap((id) => found.get(id) ?? []).slice(0, limit);
}

// New sessions and their ids (ULIDs). Apart from the store and ids.ts: the ulid package loads
// node:crypto as it loads, which a command that creates nothing (`sessions export ID`) should not pay.
import { ulid } from 'ulid';
import type { Session } from '../shared/types';
import { nowGoTime } from '../shared/gotime';
import { emptySession } from './load';

/** A new session id: a ULID, sortable by creation time. */
export function newId(): string {
  return ulid();
}

/** A new, unsaved session with a ULID id, titled "New session", created and updated now. */
export function newSession(vendor: string, endpoint: string, model: string): Session {
  const now = nowGoTime();
  return {
    ...emptySession(newId()),
    title: 'New session',
    vendor,
    endpoint,
    model,
    created_at: now,
    updated_at: now,
  };
}

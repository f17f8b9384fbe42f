// The open session's reducer: each event's transition, and what a change the list sees leads to.
import { describe, expect, it } from 'vitest';
import {
  NO_OPEN_SESSION,
  nextOpenSession,
  onChangeSeen,
  type OpenEvent,
  type OpenSession,
} from './open-session';

const run = (...events: OpenEvent[]): OpenSession => events.reduce(nextOpenSession, NO_OPEN_SESSION);

describe('nextOpenSession', () => {
  it('makes every request, pick and close outdate the answers before it', () => {
    const state = run({ type: 'request' }, { type: 'pick', id: 'a', delayed: false }, { type: 'request' });
    expect(state.request).toBe(3);
    expect(state.waiting).toBeNull();
  });

  it('keeps a delayed pick waiting until its delay ends, and a later pick replaces it', () => {
    const waiting = run({ type: 'pick', id: 'a', delayed: true });
    expect(waiting).toMatchObject({ request: 1, waiting: 'a' });
    expect(nextOpenSession(waiting, { type: 'waited' })).toMatchObject({ request: 1, waiting: null });
    expect(nextOpenSession(waiting, { type: 'pick', id: 'b', delayed: false })).toMatchObject({
      request: 2,
      waiting: null,
    });
    expect(nextOpenSession(waiting, { type: 'pick', id: 'b', delayed: true }).waiting).toBe('b');
  });

  it('leaves a waiting pick alone on a reload', () => {
    expect(run({ type: 'pick', id: 'a', delayed: true }, { type: 'request' }).waiting).toBe('a');
  });

  it('counts follow requests and knows which follow is being set up until it is answered', () => {
    const asked = run({ type: 'follow', id: 'a' }, { type: 'follow', id: 'b' });
    expect(asked).toMatchObject({ followRequest: 2, settingUp: 'b' });
    expect(nextOpenSession(asked, { type: 'followed' })).toMatchObject({ followRequest: 2, settingUp: null });
    expect(run({ type: 'follow', id: null }).settingUp).toBeNull();
  });

  it('counts the appends applied, and nothing else changes them', () => {
    const state = run(
      { type: 'appended' },
      { type: 'request' },
      { type: 'appended' },
      { type: 'follow', id: 'a' },
    );
    expect(state.appends).toBe(2);
  });

  it('never changes the state it is given', () => {
    const before = run({ type: 'pick', id: 'a', delayed: true });
    const copy = structuredClone(before);
    nextOpenSession(before, { type: 'appended' });
    nextOpenSession(before, { type: 'waited' });
    expect(before).toEqual(copy);
  });
});

describe('onChangeSeen', () => {
  const seen = { selectedId: 'a', ready: true, followingId: 'a', mark: 0 };

  it('does nothing when no transcript is on screen', () => {
    expect(onChangeSeen(NO_OPEN_SESSION, { ...seen, selectedId: null })).toBe('nothing');
    expect(onChangeSeen(NO_OPEN_SESSION, { ...seen, ready: false })).toBe('nothing');
  });

  it('reloads an unfollowed session at once, unless its follow is being set up', () => {
    expect(onChangeSeen(NO_OPEN_SESSION, { ...seen, followingId: null })).toBe('reload');
    expect(onChangeSeen(NO_OPEN_SESSION, { ...seen, followingId: 'b' })).toBe('reload');
    expect(onChangeSeen(run({ type: 'follow', id: 'a' }), { ...seen, followingId: null })).toBe('nothing');
    expect(onChangeSeen(run({ type: 'follow', id: 'b' }), { ...seen, followingId: null })).toBe('reload');
  });

  it('gives a followed session the grace time when no append came since the mark', () => {
    expect(onChangeSeen(NO_OPEN_SESSION, seen)).toBe('grace');
    const appended = run({ type: 'appended' });
    expect(onChangeSeen(appended, seen)).toBe('nothing');
    expect(onChangeSeen(appended, { ...seen, mark: 1 })).toBe('grace');
  });
});

import { describe, expect, it } from 'vitest';
import { TailFollower } from './tail-follower';

/** A scroll box of messages 100 px tall each, with a 300 px viewport; no layout engine needed. */
function box(messages: number) {
  const state = { messages, scrollTop: 0 };
  const body = {
    clientHeight: 300,
    get scrollHeight() {
      return state.messages * 100;
    },
    get scrollTop() {
      return state.scrollTop;
    },
    set scrollTop(value: number) {
      state.scrollTop = Math.max(0, Math.min(value, state.messages * 100 - 300));
    },
  };
  /** Adds `n` messages; returns where the content ended before them. */
  const add = (n: number) => {
    const oldEnd = state.messages * 100;
    state.messages += n;
    return oldEnd;
  };
  return { body: body as unknown as HTMLElement, add, state };
}

describe('TailFollower', () => {
  it('keeps a reader who is scrolled up where they are and counts what arrived below', () => {
    const { body, add } = box(20);
    const follower = new TailFollower();
    body.scrollTop = 500;
    follower.scrolled(body);
    follower.appended(body, 20, 2, add(2));
    expect(body.scrollTop).toBe(500);
    expect(follower.snapshot()).toEqual({ first: 20, count: 2 });
    follower.appended(body, 22, 1, add(1));
    expect(follower.snapshot()).toEqual({ first: 20, count: 3 });
  });

  it('takes a reader at the bottom down to the new messages, and keeps them there as they render', () => {
    const { body, add, state } = box(20);
    const follower = new TailFollower();
    body.scrollTop = 1700;
    follower.scrolled(body);
    follower.appended(body, 20, 1, add(1));
    expect(body.scrollTop).toBe(1800);
    expect(follower.snapshot()).toBeNull();
    // Its body rendered taller: still at the bottom.
    state.messages += 0.5;
    follower.contentChanged(body);
    expect(body.scrollTop).toBe(1850);
    // The follower's own scrolling is not the reader leaving the bottom.
    follower.scrolled(body);
    follower.appended(body, 21, 1, add(1));
    expect(body.scrollTop).toBe(1950);
  });

  it('follows a short transcript that fits in the box', () => {
    const { body, add } = box(2);
    const follower = new TailFollower();
    follower.appended(body, 2, 3, add(3));
    expect(body.scrollTop).toBe(200);
    expect(follower.snapshot()).toBeNull();
  });

  it('stops following when the reader scrolls up, and clears the count at the bottom', () => {
    const { body, add } = box(20);
    const follower = new TailFollower();
    body.scrollTop = 1700;
    follower.scrolled(body);
    body.scrollTop = 900;
    follower.scrolled(body);
    follower.appended(body, 20, 1, add(1));
    expect(body.scrollTop).toBe(900);
    expect(follower.snapshot()?.count).toBe(1);
    body.scrollTop = 1800;
    follower.scrolled(body);
    expect(follower.snapshot()).toBeNull();
  });

  it('shows the first unseen message when asked, and tells its subscribers', () => {
    const { body, add } = box(20);
    const follower = new TailFollower();
    let changes = 0;
    follower.subscribe(() => changes++);
    follower.appended(body, 20, 3, add(3));
    const shown: number[] = [];
    follower.showUnseen((first) => shown.push(first));
    expect(shown).toEqual([20]);
    expect(follower.snapshot()).toBeNull();
    expect(changes).toBe(2);
  });
});

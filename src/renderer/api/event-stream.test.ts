import { describe, expect, it } from 'vitest';
import { EventStream, type EventSourceLike } from './event-stream';

/** An EventSource stand-in the test drives. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  fire(type: string, data?: unknown): void {
    this.dispatch(
      data === undefined ? new Event(type) : new MessageEvent(type, { data: JSON.stringify(data) }),
    );
  }

  dispatch(event: Event): void {
    for (const listener of this.listeners.get(event.type) ?? []) listener(event);
  }

  open(): void {
    this.readyState = 1;
    this.fire('open');
  }

  /** The server answered with an error status: the browser gives up. */
  refuse(): void {
    this.readyState = 2;
    this.fire('error');
  }
}

function setup() {
  const sources: FakeSource[] = [];
  const stream = new EventStream(
    (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    (watch) => (watch === null ? '/events?token=t' : `/events?token=t&watch=${watch}`),
  );
  return { stream, sources };
}

describe('EventStream', () => {
  it('connects on the first subscription and hands on parsed payloads by event name', () => {
    const { stream, sources } = setup();
    expect(sources).toHaveLength(0);
    const changed: unknown[] = [];
    const progress: unknown[] = [];
    stream.on('sessions:changed', (p) => changed.push(p));
    stream.on('search:progress', (p) => progress.push(p));
    expect(sources.map((s) => s.url)).toEqual(['/events?token=t']);
    sources[0]!.open();
    sources[0]!.fire('sessions:changed', { ids: ['a'] });
    sources[0]!.fire('search:progress', { state: 'ready', done: 1, total: 1 });
    expect(changed).toEqual([{ ids: ['a'] }]);
    expect(progress).toEqual([{ state: 'ready', done: 1, total: 1 }]);
  });

  it('reopens with the followed session, resolving once the new stream is open, then closes the old one', async () => {
    const { stream, sources } = setup();
    const appended: unknown[] = [];
    stream.on('session:appended', (p) => appended.push(p));
    sources[0]!.open();
    const following = stream.follow('s1');
    expect(sources[1]!.url).toBe('/events?token=t&watch=s1');
    // Until the new stream is open, the old one still carries changes.
    expect(sources[0]!.closed).toBe(false);
    sources[1]!.open();
    await expect(following).resolves.toBe(true);
    expect(sources[0]!.closed).toBe(true);
    sources[1]!.fire('session:appended', { id: 's1', from: 3 });
    expect(appended).toEqual([{ id: 's1', from: 3 }]);
  });

  it('answers false to a follow a newer one replaced, and keeps only the newest stream', async () => {
    const { stream, sources } = setup();
    stream.on('sessions:changed', () => {});
    const first = stream.follow('s1');
    const second = stream.follow('s2');
    sources[1]!.open();
    sources[2]!.open();
    await expect(second).resolves.toBe(true);
    await expect(first).resolves.toBe(false);
    expect(sources.map((s) => s.closed)).toEqual([true, true, false]);
  });

  it('holds two streams at most however fast sessions are switched', async () => {
    const { stream, sources } = setup();
    stream.on('sessions:changed', () => {});
    sources[0]!.open();
    const follows = ['s1', 's2', 's3', 's4', 's5'].map((id) => stream.follow(id));
    // The open stream stays until the newest opens; the ones it replaced before they opened are gone.
    expect(sources.filter((s) => !s.closed).map((s) => s.url)).toEqual([
      '/events?token=t',
      '/events?token=t&watch=s5',
    ]);
    sources[5]!.open();
    expect(await Promise.all(follows)).toEqual([false, false, false, false, true]);
    expect(sources.filter((s) => !s.closed).map((s) => s.url)).toEqual(['/events?token=t&watch=s5']);
  });

  it('falls back to a stream without the session when the server refuses to follow it', async () => {
    const { stream, sources } = setup();
    const following = stream.follow('gone');
    sources[0]!.refuse();
    await expect(following).resolves.toBe(false);
    expect(sources[1]!.url).toBe('/events?token=t');
    // A dropped connection that will be retried is not a refusal.
    const again = stream.follow('s1');
    sources[2]!.fire('error');
    expect(sources).toHaveLength(3);
    sources[2]!.open();
    await expect(again).resolves.toBe(true);
  });

  it('ignores events whose data is not JSON', () => {
    const { stream, sources } = setup();
    const heard: unknown[] = [];
    stream.on('sessions:changed', (p) => heard.push(p));
    sources[0]!.dispatch(new MessageEvent('sessions:changed', { data: 'not json' }));
    sources[0]!.fire('sessions:changed', { ids: [] });
    expect(heard).toEqual([{ ids: [] }]);
  });
});

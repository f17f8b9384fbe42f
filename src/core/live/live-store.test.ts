// LiveStore: the watcher and followers together, as main and the server use them.
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionAppended, SessionsChanged } from '../../shared/contract';
import { tempDir } from '../../../test/support/fixtures';
import { appendMessage, Received, sleep, writeSession } from '../../../test/support/live';
import { JsonlStore } from '../store';
import { LiveStore } from './live-store';

const FAST = { quietMs: 30, maxWaitMs: 100, pollMs: 50 };
let open: LiveStore[] = [];

afterEach(() => {
  for (const live of open) live.close();
  open = [];
});

async function liveStore(dir: string) {
  const live = new LiveStore(new JsonlStore(dir), FAST);
  open.push(live);
  await live.start();
  const changes = new Received<SessionsChanged>();
  live.onSessionsChanged(changes.push);
  return { live, changes };
}

describe('LiveStore', () => {
  it('announces changed ids and sends a followed session its new messages', async () => {
    const dir = tempDir();
    writeSession(dir, 'a', ['one']);
    writeSession(dir, 'b');
    const { live, changes } = await liveStore(dir);
    const appended = new Received<SessionAppended>();
    const { stop, count } = await live.follow('a', appended.push);
    expect(count).toBe(1);
    appendMessage(dir, 'a', 'two');
    expect((await appended.next()).from).toBe(1);
    expect(await changes.next()).toEqual({ ids: ['a'] });

    appendMessage(dir, 'b', 'elsewhere');
    expect(await changes.next()).toEqual({ ids: ['b'] });
    expect(appended.rest()).toEqual([]);

    stop();
    appendMessage(dir, 'a', 'three');
    await changes.next((c) => c.ids.includes('a'));
    await sleep(100);
    expect(appended.rest()).toEqual([]);
  });

  it('gives each follower of the same session its own stream', async () => {
    const dir = tempDir();
    writeSession(dir, 's', ['one']);
    const { live } = await liveStore(dir);
    const first = new Received<SessionAppended>();
    const second = new Received<SessionAppended>();
    await live.follow('s', first.push);
    appendMessage(dir, 's', 'two');
    await first.next();
    // The second viewer loaded two messages; it resumes from there.
    await live.follow('s', second.push, 2);
    appendMessage(dir, 's', 'three');
    expect((await first.next()).from).toBe(2);
    expect((await second.next()).from).toBe(2);
  });

  it('announces deletions, new sessions, and index changes (ids unknown)', async () => {
    const dir = tempDir();
    writeSession(dir, 'gone');
    const { changes } = await liveStore(dir);
    unlinkSync(join(dir, 'gone.jsonl'));
    expect(await changes.next()).toEqual({ ids: ['gone'] });
    writeSession(dir, 'fresh');
    expect(await changes.next()).toEqual({ ids: ['fresh'] });
    writeFileSync(join(dir, 'index.json'), '[]');
    expect(await changes.next()).toEqual({ ids: [] });
  });

  it('refuses an invalid id before touching the disk', async () => {
    const { live } = await liveStore(tempDir());
    await expect(live.follow('../x', () => undefined)).rejects.toThrow(/invalid session id/);
  });
});

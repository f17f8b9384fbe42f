import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionAppended } from '../../shared/contract';
import { messageExport } from '../../shared/message-export';
import { fakeApi, type FakeApi } from '../test-support/fake-api';
import { message, summary, transcript } from '../test-support/transcripts';
import { testStore } from '../test-support/test-store';
import type { AppStore } from './app-store';

const text = (t: string) => message('user', [{ type: 'text', text: t }]);

let api: FakeApi;
let store: AppStore;

beforeEach(async () => {
  vi.useFakeTimers();
  // The list (index.json) says 2 messages; the file, as the transcript reads it, has 3.
  api = fakeApi(
    [summary('s1', { msg_count: 2 }), summary('s2')],
    [transcript('s1', [text('a'), text('b'), text('c')]), transcript('s2', [text('x')])],
  );
  store = testStore(api, { appendGraceMs: 1000 });
  await store.getState().loadList();
  store.getState().select('s1');
  await vi.runAllTimersAsync();
});

afterEach(() => {
  vi.useRealTimers();
});

const state = () => store.getState();
const opened = (t: { id: string }) => api.calls.filter((c) => c === `open ${t.id}`).length;
/** The open transcript's messages as Markdown. */
const shown = () => state().transcript!.loaded().map(messageExport);
const markdown = (...texts: string[]) => texts.map((t) => messageExport(text(t)));

function appended(id: string, from: number, texts: string[], reset = false): SessionAppended {
  const { msg_count: _count, messages: _m, ...rest } = { ...transcript(id, []).session, messages: [] };
  return {
    id,
    reset,
    from,
    messages: texts.map((t, i) => ({ ...text(t), index: from + i })),
    session: { ...rest, msg_count: from + texts.length },
  };
}

describe('following the open session', () => {
  it('follows the session once its transcript is loaded', () => {
    expect(api.calls.filter((c) => c.startsWith('follow'))).toEqual(['follow s1']);
    expect(state().followingId).toBe('s1');
  });

  it('shows the transcript’s own message count in the open session’s row', () => {
    expect(state().sessions.find((s) => s.id === 's1')?.msg_count).toBe(3);
    expect(state().sessions.find((s) => s.id === 's2')?.msg_count).toBe(2);
  });

  it('appends pushed messages and counts them in the list', () => {
    const before = state().transcript!.get(0);
    state().applyAppended(appended('s1', 3, ['d', 'e']));
    expect(shown()).toEqual(markdown('a', 'b', 'c', 'd', 'e'));
    expect(state().transcript!.get(0)).toBe(before);
    expect(state().sessions.find((s) => s.id === 's1')?.msg_count).toBe(5);
    expect(state().visible.find((s) => s.id === 's1')?.msg_count).toBe(5);
  });

  it('ignores messages of a session that is not open', () => {
    const before = state().transcript;
    state().applyAppended(appended('s2', 1, ['y']));
    expect(state().transcript).toBe(before);
  });

  it('reloads the session when an append does not fit on (a gap, or a rewrite)', async () => {
    const t = state().transcript!;
    api.transcripts.set('s1', transcript('s1', [text('a'), text('b'), text('c'), text('d'), text('e')]));
    state().applyAppended(appended('s1', 4, ['e']));
    await vi.runAllTimersAsync();
    expect(opened(t)).toBe(2);
    expect(state().transcript!.total).toBe(5);
    api.transcripts.set('s1', transcript('s1', [text('new')]));
    state().applyAppended(appended('s1', 0, ['new'], true));
    await vi.runAllTimersAsync();
    expect(shown()).toEqual(markdown('new'));
  });
});

describe('changes the list sees in the open session', () => {
  const grow = () => {
    api.sessions = api.sessions.map((s) => (s.id === 's1' ? { ...s, size: s.size + 100 } : s));
    api.transcripts.set('s1', transcript('s1', [text('a'), text('b'), text('c'), text('d')]));
  };

  it('leave a followed session alone when its appends explain them', async () => {
    const t = state().transcript!;
    grow();
    const loading = state().loadList();
    state().applyAppended(appended('s1', 3, ['d']));
    await loading;
    await vi.advanceTimersByTimeAsync(2000);
    expect(opened(t)).toBe(1);
    expect(state().transcript!.total).toBe(4);
  });

  it('reload a followed session when no append came within the grace time', async () => {
    const t = state().transcript!;
    grow();
    await state().loadList();
    await vi.advanceTimersByTimeAsync(999);
    expect(opened(t)).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(opened(t)).toBe(2);
    expect(state().transcript!.total).toBe(4);
  });

  it('tells the follow how many messages the page has', () => {
    expect(api.followKnown).toEqual([3]);
  });

  it('does not reload for changes while a follow is set up: the follow sends them', async () => {
    let finish: (ok: boolean) => void = () => undefined;
    api.followSession = (id, known) => {
      api.calls.push(`follow ${id}`);
      api.followKnown.push(known);
      return new Promise<boolean>((resolve) => (finish = resolve));
    };
    state().select('s2');
    await vi.runAllTimersAsync();
    state().select('s1');
    await vi.runAllTimersAsync();
    const t = state().transcript!;
    expect(opened(t)).toBe(2);
    expect(api.followKnown.at(-1)).toBe(3);
    grow();
    await state().loadList();
    await state().loadList();
    await vi.advanceTimersByTimeAsync(5000);
    // What the file gained since the page's 3 messages comes with the follow, as the backend does.
    state().applyAppended(appended('s1', 3, ['d']));
    finish(true);
    await vi.runAllTimersAsync();
    expect(opened(t)).toBe(2);
    expect(state().followingId).toBe('s1');
    expect(state().transcript!.total).toBe(4);
  });

  it('reload an unfollowed session at once', async () => {
    api.followResult = false;
    state().select('s2');
    await vi.runAllTimersAsync();
    state().select('s1');
    await vi.runAllTimersAsync();
    expect(state().followingId).toBeNull();
    const t = state().transcript!;
    grow();
    await state().loadList();
    expect(opened(t)).toBe(3);
    expect(state().transcript!.total).toBe(4);
  });
});

describe('list reloads', () => {
  it('run once more when a change is announced during a load', async () => {
    // Each load reads the folder when it starts and answers when the test says.
    let release: () => void = () => {};
    const list = api.listSessions;
    api.listSessions = (request) => {
      const read = list(request);
      return new Promise((resolve) => (release = () => resolve(read)));
    };
    const first = state().loadList();
    api.sessions = [...api.sessions, summary('s3')];
    const second = state().loadList();
    const third = state().loadList();
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await Promise.all([first, second, third]);
    expect(state().sessions.map((s) => s.id)).toContain('s3');
    expect(api.calls.filter((c) => c === 'list')).toHaveLength(3);
  });
});

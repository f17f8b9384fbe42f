import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, type FakeApi } from '../test-support/fake-api';
import { message, summary, transcript } from '../test-support/transcripts';
import { testStore } from '../test-support/test-store';
import type { AppStore } from './app-store';

const ids = ['s1', 's2', 's3'];

let api: FakeApi;
let store: AppStore;
let clipboard: string[];

beforeEach(async () => {
  vi.useFakeTimers();
  api = fakeApi(
    ids.map((id, i) =>
      summary(id, { updated_at: `2026-04-1${5 - i}T00:00:00Z`, vendor: i === 2 ? 'zai' : 'openai' }),
    ),
    ids.map((id) => transcript(id, [message('user', [{ type: 'text', text: `hello from ${id}` }])])),
  );
  clipboard = [];
  store = testStore(api, { writeClipboard: async (text) => void clipboard.push(text), selectDelayMs: 100 });
  await store.getState().loadList();
});

afterEach(() => {
  vi.useRealTimers();
});

const state = () => store.getState();

describe('the list', () => {
  it('loads info and sessions, newest first', () => {
    expect(state().info?.dir).toBe('/home/me/.ggcode/sessions');
    expect(state().visible.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(state().listState).toBe('ready');
  });

  it('applies filter, chips and sort as they change', () => {
    state().toggleChip('vendors', 'zai');
    expect(state().visible.map((s) => s.id)).toEqual(['s3']);
    state().toggleChip('vendors', 'zai');
    state().setFilter('S2');
    expect(state().visible.map((s) => s.id)).toEqual(['s2']);
  });

  it('clears the filter text first, then chips and range', () => {
    state().setFilter('s2');
    state().toggleChip('vendors', 'openai');
    state().setDateRange('7d');
    expect(state().clearFilter()).toBe(true);
    expect(state().view).toMatchObject({ filter: '', vendors: ['openai'], dateRange: '7d' });
    expect(state().clearFilter()).toBe(true);
    expect(state().view).toMatchObject({ vendors: [], dateRange: 'any' });
    expect(state().clearFilter()).toBe(false);
  });

  it('reports a failed load in the list and the status line', async () => {
    api.listSessions = async () => {
      throw new Error('EACCES: permission denied\n    at stack');
    };
    const fresh = testStore(api, { now: () => new Date() });
    await fresh.getState().loadList();
    expect(fresh.getState().listError).toBe('EACCES: permission denied');
    expect(fresh.getState().status).toMatchObject({ text: 'EACCES: permission denied', tone: 'error' });
  });
});

describe('selection', () => {
  it('opens a selected session', async () => {
    state().select('s2');
    expect(state().selectedId).toBe('s2');
    expect(state().transcriptState).toBe('loading');
    await vi.runAllTimersAsync();
    expect(state().transcript?.session.id).toBe('s2');
  });

  it('moves through the visible rows and opens after a short pause', async () => {
    state().moveSelection(1);
    expect(state().selectedId).toBe('s1');
    state().moveSelection(1);
    state().moveSelection(1);
    state().moveSelection(1);
    expect(state().selectedId).toBe('s3');
    state().moveSelection(-1);
    expect(state().selectedId).toBe('s2');
    await vi.advanceTimersByTimeAsync(99);
    expect(api.calls.filter((c) => c.startsWith('open'))).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.calls.filter((c) => c.startsWith('open'))).toEqual(['open s2']);
    expect(state().transcript?.session.id).toBe('s2');
  });

  it('starts from the last row when moving up with nothing selected', () => {
    state().moveSelection(-1);
    expect(state().selectedId).toBe('s3');
  });

  it('opens at once on Enter, skipping the pause', async () => {
    state().moveSelection(1);
    state().openSelected();
    await Promise.resolve();
    await Promise.resolve();
    expect(api.calls.filter((c) => c.startsWith('open'))).toEqual(['open s1']);
    await vi.runAllTimersAsync();
    expect(api.calls.filter((c) => c.startsWith('open'))).toEqual(['open s1']);
  });

  it('ignores a late answer for a session no longer selected', async () => {
    let release: () => void = () => {};
    const slow = api.openTranscript;
    api.openTranscript = (request) =>
      request.id === 's1'
        ? new Promise((resolve) => (release = () => resolve(slow(request))))
        : slow(request);
    state().select('s1');
    state().select('s2');
    await vi.runAllTimersAsync();
    release();
    await vi.runAllTimersAsync();
    expect(state().transcript?.session.id).toBe('s2');
  });

  it('shows a load error for the session and in the status line', async () => {
    state().select('missing');
    await vi.runAllTimersAsync();
    expect(state().transcriptState).toBe('error');
    expect(state().status?.text).toBe('session missing not found');
  });
});

describe('session actions', () => {
  it('copies the export to the clipboard and confirms', async () => {
    state().select('s1');
    await state().copyMarkdown();
    expect(clipboard).toEqual(['# Session s1\n\n---\n\n## User\n\nhello from s1\n\n---\n\n']);
    expect(state().status).toMatchObject({ text: 'Copied', tone: 'info', place: 'copy' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(state().status).toBeNull();
  });

  it('saves through the export dialog with the session title and the choices made', async () => {
    state().select('s2');
    await vi.runAllTimersAsync();
    await state().saveMarkdown();
    expect(state().exportDialog?.ids).toEqual(['s2']);
    state().setExportChoices({ format: 'html', redact: false });
    await state().confirmExport();
    expect(state().exportDialog).toBeNull();
    expect(api.calls).toContain('save s2 Session s2 html');
    expect(state().status?.text).toBe('Saved Session s2');
    // The next export starts from the same choices.
    await state().saveMarkdown();
    expect(state().exportDialog?.choices).toMatchObject({ format: 'html', redact: false });
  });

  it('deletes after confirmation and opens the next row', async () => {
    state().select('s2');
    state().requestDelete();
    expect(state().confirmingDelete).toBe(true);
    await state().confirmDelete();
    expect(api.calls).toContain('delete s2');
    expect(state().visible.map((s) => s.id)).toEqual(['s1', 's3']);
    expect(state().selectedId).toBe('s3');
    expect(state().undoable).toMatchObject({ undo: 'undo-s2', id: 's2', title: 'Session s2' });
    await state().undoDelete();
    expect(state().visible.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(state().selectedId).toBe('s2');
    expect(state().undoable).toBeNull();
  });

  it('keeps the session and says why when the delete fails', async () => {
    api.deleteErrors.set('s1', 'session s1 is in use by process 4242');
    state().select('s1');
    state().requestDelete();
    await state().confirmDelete();
    expect(state().confirmingDelete).toBe(false);
    expect(state().visible.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(state().status).toMatchObject({
      text: 'Could not delete: session s1 is in use by process 4242',
      tone: 'error',
    });
  });

  it('reloads the open transcript at once when its session changed on disk and is not followed', async () => {
    api.followResult = false;
    state().select('s1');
    await vi.runAllTimersAsync();
    expect(state().followingId).toBeNull();
    api.sessions = api.sessions.map((s) => (s.id === 's1' ? { ...s, size: 5000 } : s));
    api.transcripts.set('s1', transcript('s1', [message('user', [{ type: 'text', text: 'grown' }])]));
    await state().loadList();
    expect(state().transcript?.get(0)?.blocks).toMatchObject([{ kind: 'text', text: 'grown' }]);
    expect(state().transcriptState).toBe('ready');
  });
});

describe('find', () => {
  it('steps through matches and wraps around', () => {
    state().openFind();
    state().setFindQuery('x');
    state().setFindProgress(3, true);
    expect(state().find).toMatchObject({ open: true, index: 0, count: 3 });
    state().findNext();
    state().findNext();
    state().findNext();
    expect(state().find.index).toBe(0);
    state().findPrev();
    expect(state().find.index).toBe(2);
  });

  it('keeps the position inside a shrinking count and resets on a new query', () => {
    state().setFindQuery('ab');
    state().setFindProgress(5, true);
    state().findPrev();
    state().setFindProgress(2, true);
    expect(state().find.index).toBe(1);
    state().setFindQuery('abc');
    expect(state().find).toMatchObject({ index: 0, count: 0 });
    state().closeFind();
    expect(state().find).toMatchObject({ open: false, query: '' });
  });
});

describe('theme', () => {
  it('cycles system, light, dark and saves the choice', () => {
    const saved: string[] = [];
    const themed = testStore(api, { now: () => new Date(), saveTheme: (t) => void saved.push(t) });
    themed.getState().cycleTheme();
    themed.getState().cycleTheme();
    themed.getState().cycleTheme();
    expect(saved).toEqual(['light', 'dark', 'system']);
    expect(themed.getState().theme).toBe('system');
  });
});

describe('copy resume command', () => {
  it('copies the agent command of a session whose source has one, and says why not otherwise', async () => {
    const clipboard: string[] = [];
    const api = fakeApi(
      [summary('claude-cc1', { source: 'claude', workspace: '/w/app' }), summary('gg1')],
      [],
    );
    // The resume form comes from the store's description of each source.
    api.info = {
      ...api.info,
      sources: [
        { name: 'ggcode', label: 'ggcode', roots: [], read_only: false },
        { name: 'claude', label: 'Claude Code', roots: [], read_only: true, resume: 'claude --resume {id}' },
      ],
    };
    const store = testStore(api, { writeClipboard: async (text) => void clipboard.push(text) });
    await store.getState().loadList();
    await store.getState().copyResumeCommand('claude-cc1');
    expect(clipboard).toEqual(["cd '/w/app' && claude --resume cc1"]);
    await store.getState().copyResumeCommand('gg1');
    expect(clipboard).toHaveLength(1);
    expect(store.getState().status?.text).toBe('ggcode sessions have no resume command');
  });
});

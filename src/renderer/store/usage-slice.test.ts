// The usage slice over a fake backend: it asks for the span and interval chosen, and clicking in
// the view narrows the session list (start days, model and vendor chips, folder).
import { describe, expect, it } from 'vitest';
import type { UsageGrouping, UsageReport, UsageRow } from '../../shared/usage';
import { fakeApi } from '../test-support/fake-api';
import { TEST_NOW, testStore } from '../test-support/test-store';
import { summary } from '../test-support/transcripts';

const row = (key: string): UsageRow => ({
  key,
  sessions: 1,
  input_tokens: 10,
  output_tokens: 1,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  cost_usd: 0.1,
  estimated_cost_usd: 0,
});

function report(by: UsageGrouping, keys: string[]): UsageReport {
  const names = { model: [row('x')], vendor: [row('x')], workspace: [row('x')], source: [row('x')] };
  return {
    breakdowns: names,
    by,
    since: null,
    until: null,
    rows: keys.map(row),
    totals: row(''),
    top: [],
    took_ms: 1,
    progress: { state: 'ready', done: 1, total: 1 },
  };
}

function setup() {
  const api = fakeApi(
    [
      summary('a', {
        created_at: '2026-04-06T10:00:00Z',
        model: 'gpt-5',
        vendor: 'openai',
        workspace: '/w/one',
      }),
      summary('b', { created_at: '2026-04-12T23:00:00-05:00', model: 'claude-sonnet-4' }),
      summary('c', { created_at: '2026-04-13T01:00:00Z', model: 'gpt-5', vendor: 'openai' }),
    ],
    [],
  );
  for (const by of ['day', 'week', 'month'] as const) api.usage.set(by, report(by, ['2026-04-06']));
  const store = testStore(api);
  return { api, store, state: () => store.getState() };
}

describe('usage slice', () => {
  it('loads the chart and the four breakdowns for the past year by default', async () => {
    const { api, state } = setup();
    state().openUsage();
    await state().loadUsage();
    expect(state().usage).toMatchObject({ open: true, state: 'ready', span: '365d', interval: 'day' });
    expect(state().usage.time?.by).toBe('day');
    expect(Object.keys(state().usage.time?.breakdowns ?? {})).toEqual([
      'model',
      'vendor',
      'workspace',
      'source',
    ]);
    expect(TEST_NOW.toISOString().slice(0, 10)).toBe('2026-04-20');
    expect(api.calls).toContain('usage day breakdowns since 2025-04-21');
    state().setUsageSpan('all');
    state().setUsageInterval('week');
    await state().loadUsage();
    expect(api.calls.at(-1)).toBe('usage week breakdowns');
  });

  it('narrows the list to the start days of a clicked bar', async () => {
    const { state } = setup();
    await state().loadList();
    state().setUsageInterval('week');
    state().showPeriodSessions('2026-04-06');
    expect(state().view.period).toEqual({ from: '2026-04-06', to: '2026-04-12' });
    // b started on the 12th in its own offset (the 13th in UTC); c on the 13th.
    expect(
      state()
        .visible.map((s) => s.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(state().clearFilter()).toBe(true);
    expect(state().view.period).toBeNull();
    expect(state().visible).toHaveLength(3);
  });

  it('narrows the list to a clicked model, vendor or folder', async () => {
    const { state } = setup();
    await state().loadList();
    state().showNamedSessions('model', 'gpt-5');
    state().showNamedSessions('model', 'gpt-5');
    expect(state().view.models).toEqual(['gpt-5']);
    expect(state().visible.map((s) => s.id)).toEqual(
      ['a', 'c'].filter((id) => state().visible.some((s) => s.id === id)),
    );
    state().clearFilter();
    state().showNamedSessions('workspace', '/w/one');
    expect(state().visible.map((s) => s.id)).toEqual(['a']);
    state().clearFilter();
    // A source picks it in the Source menu, ggcode's being '' there.
    state().showNamedSessions('source', 'ggcode');
    expect(state().view.sources).toEqual(['']);
    state().showNamedSessions('source', 'claude');
    expect(state().view.sources).toEqual(['', 'claude']);
  });

  it('closes when a session is opened, and reports a failed load', async () => {
    const { api, state } = setup();
    state().openUsage();
    state().select('a');
    expect(state().usage.open).toBe(false);
    api.usage.delete('day');
    await state().loadUsage();
    expect(state().usage).toMatchObject({ state: 'error', error: 'no usage for day' });
  });
});

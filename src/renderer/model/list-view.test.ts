import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTime } from '../../shared/time';
import { summary } from '../test-support/transcripts';
import {
  DEFAULT_VIEW,
  applyListView,
  isNarrowed,
  matchesFilter,
  rangeStart,
  dateCounts,
  facetChoices,
  hasFacet,
  type ListView,
} from './list-view';

const NOW = new Date(2026, 3, 10, 15, 0, 0);

const sessions = [
  summary('a1', {
    title: 'Fix the parser',
    model: 'gpt-5',
    vendor: 'openai',
    updated_at: '2026-04-10T09:00:00Z',
    created_at: '2026-01-01T00:00:00Z',
    size: 10,
  }),
  summary('b2', {
    title: 'alpha release notes',
    model: 'claude-opus-4',
    vendor: 'anthropic',
    updated_at: '2026-04-01T09:00:00Z',
    created_at: '2026-03-01T00:00:00Z',
    size: 300,
    workspace: '/home/me/projects/widget',
  }),
  summary('c3', {
    title: 'Beta build failing',
    model: 'glm-5-turbo',
    vendor: 'zai',
    updated_at: '2025-06-01T09:00:00Z',
    created_at: '2025-06-01T00:00:00Z',
    size: 200,
  }),
  summary('d4', {
    title: 'Refactor store',
    model: 'gpt-5-mini',
    vendor: 'openai',
    updated_at: '2026-04-10T10:30:00.123456789+02:00',
    created_at: '2026-04-09T00:00:00Z',
    size: 50,
  }),
];

const view = (change: Partial<ListView>): ListView => ({ ...DEFAULT_VIEW, ...change });
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('matchesFilter', () => {
  it('matches title, id, model, vendor and workspace, case-insensitively', () => {
    expect(matchesFilter(sessions[0]!, 'PARSER')).toBe(true);
    expect(matchesFilter(sessions[0]!, 'a1')).toBe(true);
    expect(matchesFilter(sessions[2]!, 'glm')).toBe(true);
    expect(matchesFilter(sessions[2]!, 'ZAI')).toBe(true);
    expect(matchesFilter(sessions[1]!, 'widget')).toBe(true);
    expect(matchesFilter(sessions[0]!, 'widget')).toBe(false);
  });

  it('needs every word, in any field', () => {
    expect(matchesFilter(sessions[0]!, 'openai parser')).toBe(true);
    expect(matchesFilter(sessions[0]!, 'openai store')).toBe(false);
    expect(matchesFilter(sessions[0]!, '   ')).toBe(true);
  });
});

describe('applyListView', () => {
  it('sorts by updated time, newest first, whatever the offset', () => {
    expect(ids(applyListView(sessions, view({ sort: 'updated' }), NOW))).toEqual(['a1', 'd4', 'b2', 'c3']);
  });

  it('sorts by created time, title (A-Z, ignoring case) and size (largest first)', () => {
    expect(ids(applyListView(sessions, view({ sort: 'created' }), NOW))).toEqual(['d4', 'b2', 'a1', 'c3']);
    expect(ids(applyListView(sessions, view({ sort: 'title' }), NOW))).toEqual(['b2', 'c3', 'a1', 'd4']);
    expect(ids(applyListView(sessions, view({ sort: 'size' }), NOW))).toEqual(['b2', 'c3', 'd4', 'a1']);
  });

  it('keeps only the vendors whose chips are on', () => {
    expect(ids(applyListView(sessions, view({ vendors: ['openai'] }), NOW))).toEqual(['a1', 'd4']);
    expect(ids(applyListView(sessions, view({ vendors: ['openai', 'zai'] }), NOW))).toEqual([
      'a1',
      'd4',
      'c3',
    ]);
  });

  it('keeps only sessions updated inside the date range', () => {
    expect(ids(applyListView(sessions, view({ dateRange: '7d' }), NOW))).toEqual(['a1', 'd4']);
    expect(ids(applyListView(sessions, view({ dateRange: '30d' }), NOW))).toEqual(['a1', 'd4', 'b2']);
    expect(ids(applyListView(sessions, view({ dateRange: '365d' }), NOW))).toEqual(['a1', 'd4', 'b2', 'c3']);
  });

  it('combines filter, chips and range', () => {
    expect(
      ids(applyListView(sessions, view({ filter: 'gpt', vendors: ['openai'], dateRange: '30d' }), NOW)),
    ).toEqual(['a1', 'd4']);
    expect(ids(applyListView(sessions, view({ filter: 'refactor', vendors: ['zai'] }), NOW))).toEqual([]);
  });

  it('puts sessions with unreadable times last instead of failing', () => {
    const odd = summary('z9', { updated_at: 'not a time' });
    expect(ids(applyListView([odd, ...sessions], view({}), NOW)).at(-1)).toBe('z9');
  });

  it('returns a subset, sorted, for any filter (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 6 }),
        fc.constantFrom('updated', 'created', 'title', 'size' as const),
        (filter, sort) => {
          const rows = applyListView(sessions, view({ filter, sort }), NOW);
          expect(rows.every((row) => sessions.includes(row) && matchesFilter(row, filter))).toBe(true);
          expect(rows.length).toBe(sessions.filter((s) => matchesFilter(s, filter)).length);
          if (sort === 'size')
            expect(rows.map((r) => r.size)).toEqual([...rows.map((r) => r.size)].sort((a, b) => b - a));
        },
      ),
    );
  });

  it('orders by time as comparing the parsed times pairwise does, ties and unreadable times by id (property)', () => {
    const time = fc.oneof(
      fc.constantFrom('', 'not a time', '2026-04-10T09:00:00Z', '2026-04-10T11:00:00+02:00'),
      fc
        .date({ min: new Date(2020, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true })
        .map((d) => d.toISOString()),
    );
    const row = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      updated_at: time,
      created_at: time,
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.constantFrom('updated', 'created' as const),
        (rows, sort) => {
          const list = rows.map((r) => summary(r.id, r));
          const field = sort === 'updated' ? 'updated_at' : 'created_at';
          const pairwise = [...list].sort(
            (a, b) => parseTime(b[field]) - parseTime(a[field]) || a.id.localeCompare(b.id),
          );
          expect(applyListView(list, view({ sort }), NOW)).toEqual(pairwise);
        },
      ),
    );
  });

  it('filters 10,000 sessions', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      summary(`s${i}`, { title: `Session number ${i}`, size: i }),
    );
    const rows = applyListView(many, view({ filter: 'NUMBER 4242', sort: 'title' }), NOW);
    expect(ids(rows)).toEqual(['s4242']);
  });
});

describe('rangeStart', () => {
  it('starts "today" at local midnight', () => {
    expect(rangeStart('today', NOW)).toBe(new Date(2026, 3, 10).getTime());
    expect(rangeStart('any', NOW)).toBe(-Infinity);
  });
});

describe('facet menus and isNarrowed', () => {
  it('counts sessions per vendor, most first', () => {
    expect(facetChoices(sessions, 'vendors', DEFAULT_VIEW, NOW)).toEqual([
      { value: 'openai', count: 2 },
      { value: 'anthropic', count: 1 },
      { value: 'zai', count: 1 },
    ]);
  });

  it('counts sessions per model, and keeps only the models chosen', () => {
    const chips = facetChoices(sessions, 'models', DEFAULT_VIEW, NOW);
    expect(chips.reduce((n, c) => n + c.count, 0)).toBe(sessions.length);
    const model = chips[0]!.value;
    const kept = applyListView(sessions, view({ models: [model] }), NOW);
    expect(kept.length).toBe(chips[0]!.count);
    expect(kept.every((s) => s.model === model)).toBe(true);
    expect(isNarrowed(view({ models: [model] }))).toBe(true);
  });

  it('counts what the other filters leave, and still lists a chosen value with none left', () => {
    const chosen = view({ vendors: ['zai'], filter: 'parser' });
    expect(facetChoices(sessions, 'vendors', chosen, NOW)).toEqual([
      { value: 'openai', count: 1 },
      { value: 'anthropic', count: 0 },
      { value: 'zai', count: 0 },
    ]);
    // The menu's own choices do not narrow its counts; the others' do.
    expect(facetChoices(sessions, 'models', view({ vendors: ['openai'] }), NOW).map((c) => c.count)).toEqual([
      1, 1, 0, 0,
    ]);
  });

  it('filters by workspace and by source, "" standing for none', () => {
    const mixed = [...sessions, summary('e5', { source: 'claude-code', workspace: '/w' })];
    expect(hasFacet(sessions, 'sources')).toBe(false);
    expect(hasFacet(mixed, 'sources')).toBe(true);
    expect(ids(applyListView(mixed, view({ sources: ['claude-code'] }), NOW))).toEqual(['e5']);
    expect(ids(applyListView(mixed, view({ workspaces: ['/home/me/projects/widget', '/w'] }), NOW))).toEqual([
      'e5',
      'b2',
    ]);
    expect(facetChoices(mixed, 'sources', DEFAULT_VIEW, NOW)).toEqual([
      { value: '', count: 4 },
      { value: 'claude-code', count: 1 },
    ]);
  });

  it('counts each date range', () => {
    expect(dateCounts(sessions, DEFAULT_VIEW, NOW)).toEqual({
      any: 4,
      today: 2,
      '7d': 2,
      '30d': 3,
      '365d': 4,
    });
    expect(dateCounts(sessions, view({ vendors: ['zai'], dateRange: 'today' }), NOW).any).toBe(1);
  });

  it('says when anything narrows the list', () => {
    expect(isNarrowed(DEFAULT_VIEW)).toBe(false);
    expect(isNarrowed(view({ filter: ' x ' }))).toBe(true);
    expect(isNarrowed(view({ vendors: ['zai'] }))).toBe(true);
    expect(isNarrowed(view({ dateRange: 'today' }))).toBe(true);
    expect(isNarrowed(view({ sort: 'size' }))).toBe(false);
  });
});

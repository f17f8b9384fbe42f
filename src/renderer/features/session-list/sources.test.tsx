// Sessions of several sources in the app: each row says whose it is (and its branch), source
// menu narrows the list, another agent's session has no Delete, and its header says what it is.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourceInfo } from '../../../shared/contract';
import { fakeApi } from '../../test-support/fake-api';
import { mountApp } from '../../test-support/mount-app';
import { message, summary, transcript } from '../../test-support/transcripts';
import { sessionFacts } from '../transcript/session-facts';
import { applyListView, DEFAULT_VIEW, facetChoices } from '../../model/list-view';

const SOURCES: SourceInfo[] = [
  { name: 'ggcode', label: 'ggcode', roots: ['/g'], read_only: false },
  { name: 'claude', label: 'Claude Code', roots: ['/c'], read_only: true },
  { name: 'codex', label: 'Codex CLI', roots: ['/x'], read_only: true },
];

const sessions = [
  summary('g1', { title: 'Own session', updated_at: '2026-04-19T10:00:00Z' }),
  summary('claude-1', {
    title: 'Fix login',
    source: 'claude',
    read_only: true,
    git_branch: 'fix/login',
    workspace: '/home/dev/webapp',
    updated_at: '2026-04-19T09:00:00Z',
    cost: { total_cost_usd: 0.1982, estimated: true, prices_as_of: '2025-11-15' },
  }),
  summary('codex-1', {
    title: 'Fix 500',
    source: 'codex',
    read_only: true,
    updated_at: '2026-04-19T08:00:00Z',
  }),
];

function mount() {
  const command = message('user', [{ type: 'text', text: '/model opus' }], { kind: 'command' });
  const task = message('assistant', [
    { type: 'tool_use', id: 'toolu_1', name: 'Task', input: '{"prompt":"find it"}' },
  ]);
  const call = task.blocks[0]!;
  if (call.kind === 'tool_call')
    call.subagent = {
      agent_id: 'a1',
      messages: [
        message('user', [{ type: 'text', text: 'find it' }]),
        { ...message('assistant', [{ type: 'text', text: 'Found in src/auth.ts' }]), index: 1 },
      ],
    };
  const claude = transcript('claude-1', [command, task], {
    title: 'Fix login',
    source: 'claude',
    read_only: true,
    model: 'claude-opus-4-1',
    models: ['claude-opus-4-1', 'claude-haiku-4-5'],
    git_branch: 'fix/login',
    notices: ['1 subagent thread could not be matched to the call that started it'],
    cost: { total_cost_usd: 0.1982, estimated: true, prices_as_of: '2025-11-15' },
  });
  const api = fakeApi(sessions, [transcript('g1', []), claude, transcript('codex-1', [])]);
  api.info = { ...api.info, sources: SOURCES };
  mountApp(api);
  return api;
}

const rows = () => screen.queryAllByTestId('session-row');
const rowOf = (id: string) => rows().find((r) => r.getAttribute('data-session-id') === id)!;

// jsdom has no layout; the virtual list needs a viewport height to show rows.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
});
afterEach(cleanup);

describe('several sources in the list', () => {
  it('shows each row with its source, branch and an estimated cost marked as such', async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows().map((r) => within(r).getByTestId('session-row-source').textContent)).toEqual([
      'ggcode',
      'Claude Code',
      'Codex CLI',
    ]);
    expect(within(rowOf('claude-1')).getByTestId('session-row-branch').textContent).toBe('fix/login');
    expect(within(rowOf('claude-1')).getByTestId('session-row-cost').textContent).toBe('≈ $0.1982');
  });

  it('narrows the list with the Source menu, which names each source by its label', async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getByTestId('filter-sources'));
    const choices = screen.getAllByTestId('filter-sources-choice');
    expect(choices.map((c) => c.textContent)).toEqual(['ggcode1', 'Claude Code1', 'Codex CLI1']);
    fireEvent.click(choices.find((c) => c.getAttribute('data-value') === 'claude')!);
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-session-id'))).toEqual(['claude-1']));
    expect(screen.getByTestId('session-count').textContent).toBe('1 of 3 sessions');
    expect(screen.getByTestId('active-filter').textContent).toBe('SourceClaude Code✕');
  });

  it('has no Source menu while only ggcode sessions are listed', async () => {
    const api = fakeApi([summary('g1')], [transcript('g1', [])]);
    mountApp(api);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.queryByTestId('filter-sources')).toBeNull();
    expect(screen.queryByTestId('session-row-source')).toBeNull();
  });

  it("offers no Delete for another agent's session, and says whose it is and what was estimated", async () => {
    mount();
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(rowOf('g1'));
    expect(await screen.findByTestId('delete-session')).toBeTruthy();
    fireEvent.click(rowOf('claude-1'));
    await waitFor(() => expect(screen.getByTestId('transcript-meta').textContent).toContain('Claude Code'));
    expect(screen.queryByTestId('delete-session')).toBeNull();
    // Nor does the Delete key ask.
    fireEvent.keyDown(document.body, { key: 'Delete' });
    expect(screen.queryByTestId('delete-dialog')).toBeNull();
    const meta = screen.getByTestId('transcript-meta').textContent ?? '';
    expect(meta).toContain('Cost (estimated)≈ $0.1982 · prices of 2025-11-15');
    expect(meta).toContain('Branchfix/login');
    expect(meta).toContain('Alsoclaude-haiku-4-5');
    expect(screen.getByTestId('source-notice').textContent).toBe(
      '1 subagent thread could not be matched to the call that started it.',
    );
    // A command shows as one; a subagent's thread folds under the call that started it.
    expect((await screen.findByTestId('message-kind')).textContent).toBe('Command');
    const thread = screen.getByTestId('subagent-thread');
    expect(thread.textContent).toBe('Subagent thread · 2 messages');
    (thread as HTMLDetailsElement).open = true;
    fireEvent(thread, new Event('toggle'));
    await waitFor(() => expect(within(thread).getAllByTestId('subagent-message')).toHaveLength(2));
    expect(thread.textContent).toContain('Found in src/auth.ts');
  });
});

describe('list view and facts of sources', () => {
  it("filters by source ('' standing for ggcode, whose rows carry none) and counts each", () => {
    const view = { ...DEFAULT_VIEW, sources: ['', 'codex'] };
    expect(applyListView(sessions, view, new Date()).map((s) => s.id)).toEqual(['g1', 'codex-1']);
    expect(facetChoices(sessions, 'sources', DEFAULT_VIEW, new Date())).toEqual([
      { value: '', count: 1 },
      { value: 'claude', count: 1 },
      { value: 'codex', count: 1 },
    ]);
    expect(
      applyListView(sessions, { ...DEFAULT_VIEW, filter: 'fix/login' }, new Date()).map((s) => s.id),
    ).toEqual(['claude-1']);
  });

  it("leaves a ggcode session's facts as they were", () => {
    const own = transcript('g1', [], { model: 'gpt-5', cost: { total_cost_usd: 0.5 } }).session;
    expect(sessionFacts(own, SOURCES)).toEqual(sessionFacts(own));
    expect(sessionFacts(own).map((f) => f.label)).not.toContain('Source');
  });
});

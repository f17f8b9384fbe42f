// The Codex CLI adapter against its fixtures: golden transcripts, what a list says of each
// rollout (the same as a full load), and each messy case of the format on its own.
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapter as codexAdapter } from '../../../src/core/sources/codex/index';
import { defaultCodexRoots } from '../../../src/core/sources/codex/files';
import { rawInputText } from '../../../src/core/raw';
import type { ContentBlock, Session } from '../../../src/shared/types';
import { snapshot } from '../../support/fixtures';
import { addSpecialFiles } from '../../support/special-files';
import { expectGolden, goldenJson } from '../../support/goldens';
import { CODEX_FIXTURES, copyOf, exportOf, openSource } from '../../support/sources';

const HOME = join(CODEX_FIXTURES, 'home');
const GOLDEN = join(CODEX_FIXTURES, 'golden');
const MAIN = 'codex-5973b6c0-94b8-487b-a530-2aeb6098ae0e';
const FORK = 'codex-0199a213-81c0-7800-8aa1-bbab2a035a53';
const ORPHAN = 'codex-0199a300-0000-7000-8000-00000000beef';
const LEGACY = 'codex-1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b';
const ARCHIVED = 'codex-7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const ALL = [MAIN, FORK, ORPHAN, LEGACY, ARCHIVED];
const MAIN_FILE =
  'sessions/2025/09/20/rollout-2025-09-20T10-11-12-5973b6c0-94b8-487b-a530-2aeb6098ae0e.jsonl';

const rootsOf = (home: string) => [join(home, 'sessions'), join(home, 'archived_sessions')];
const source = (home = HOME) => openSource(codexAdapter, rootsOf(home));
const blocks = (s: Session): ContentBlock[] => s.messages.flatMap((m) => m.content);

describe('Codex goldens', () => {
  it('lists the rollouts of both folders', async () => {
    const listed = (await source().list()).sessions.sort((a, b) => a.id.localeCompare(b.id));
    expectGolden(join(GOLDEN, 'list.json'), goldenJson(listed));
    expect(listed.map((s) => s.id)).toEqual([...ALL].sort());
  });

  it.each(ALL)('loads %s as the golden model and export', async (id) => {
    const session = await source().load(id);
    expectGolden(join(GOLDEN, `${id}.load.json`), goldenJson(session));
    expectGolden(join(GOLDEN, `${id}.md`), exportOf(session));
  });

  it('says in the list what a full load says', async () => {
    const src = source();
    for (const row of (await src.list()).sessions) {
      const s = await src.load(row.id);
      const { workspace, git_branch, cost } = s;
      expect(row).toEqual({
        ...row,
        msg_count: s.messages.length,
        title: s.title,
        created_at: s.created_at,
        updated_at: s.updated_at,
        model: s.model,
        models: s.models,
        ...(workspace !== undefined && { workspace }),
        ...(git_branch !== undefined && { git_branch }),
        ...(cost && { cost }),
      });
      expect(
        Object.keys(row)
          .filter((k) => ['workspace', 'git_branch', 'cost'].includes(k))
          .sort(),
      ).toEqual(['workspace', 'git_branch', 'cost'].filter((k) => s[k as keyof Session]).sort());
    }
  });
});

describe('Codex lines', () => {
  it('counts token totals re-emitted unchanged once, each growth to the model of its turn', async () => {
    const s = await source().load(MAIN);
    // Totals 5,000 (twice), 12,000 and 15,000 input of which 3,000, 8,000, 10,000 cached.
    expect(s.usage.map((u) => u.usage)).toEqual([
      { input_tokens: 2000, output_tokens: 200, cache_read_tokens: 3000, cache_write_tokens: 0 },
      { input_tokens: 2000, output_tokens: 700, cache_read_tokens: 5000, cache_write_tokens: 0 },
      { input_tokens: 1000, output_tokens: 200, cache_read_tokens: 2000, cache_write_tokens: 0 },
    ]);
    // gpt-5-codex: 4,000 in, 8,000 cached, 900 out; gpt-5: 1,000 in, 2,000 cached, 200 out.
    const expected = (4000 * 1.25 + 8000 * 0.125 + 900 * 10 + 1000 * 1.25 + 2000 * 0.125 + 200 * 10) / 1e6;
    expect(s.cost?.total_cost_usd).toBeCloseTo(expected, 9);
    expect(s.models).toEqual(['gpt-5-codex', 'gpt-5']);
  });

  it('groups the model items of a turn and the outputs answering them', async () => {
    const s = await source().load(MAIN);
    const roles = s.messages.map((m) => `${m.role}${m.kind ? `:${m.kind}` : ''}`);
    expect(roles.slice(0, 6)).toEqual(['system:meta', 'user:meta', 'user:meta', 'user', 'assistant', 'user']);
    expect(s.messages[4]!.content.map((b) => b.type)).toEqual(['reasoning', 'tool_use']);
    expect(s.messages[4]!.content[0]!.reasoning_content).toContain('Finding the handler');
    expect(s.messages[3]!.content.map((b) => b.type)).toEqual(['text', 'image']);
    const results = blocks(s).filter((b) => b.type === 'tool_result');
    expect(results.map((b) => [b.tool_id, b.is_error === true])).toEqual([
      ['call_A1', false],
      ['call_A2', false],
      ['call_A3', true],
      ['call_A4', false],
    ]);
    const patch = blocks(s).find((b) => b.tool_name === 'apply_patch')!;
    expect(patch.input).toMatch(/^\*\*\* Begin Patch/);
    const shell = blocks(s).find((b) => b.tool_id === 'call_A1')!;
    expect(rawInputText(shell)).toBe(
      '{"command":["bash","-lc","rg -n \\"fn list_users\\" src"],"workdir":"/home/dev/api"}',
    );
    expect(blocks(s).find((b) => b.tool_name === 'web_search')?.input).toEqual({
      type: 'search',
      query: 'axum 0.7 handler return Result IntoResponse',
    });
  });

  it('marks compaction, turn changes and aborted turns; skips duplicates, unknown lines and a torn one', async () => {
    const s = await source().load(MAIN);
    expect(s.checkpoints).toEqual([{ after_messages: 16 }]);
    expect(s.messages.slice(13).map((m) => [m.kind, m.content[0]!.text?.slice(0, 26)])).toEqual([
      ['notice', 'Working directory: /home/d'],
      [undefined, 'Also add a test for the er'],
      [undefined, 'Added `lists_users_maps_db'],
      ['compact_summary', 'The user fixed a 500 on GE'],
      ['notice', 'Turn aborted (interrupted)'],
    ]);
    // event_msg user_message and agent_message repeat response items: each said once.
    expect(s.messages.filter((m) => m.content.some((b) => b.text?.startsWith('Why does GET')))).toHaveLength(
      1,
    );
    expect(s.skipped).toEqual([{ line: 35, reason: 'torn last line (invalid JSON)' }]);
    expect(s.title).toBe('Fix 500 on GET /users');
  });

  it('leaves out the history a fork copied from its parent, counted and priced once', async () => {
    const fork = await source().load(FORK);
    expect(fork.messages.map((m) => m.content.map((b) => b.type))).toEqual([['text'], ['reasoning', 'text']]);
    expect(fork.parent_id).toBe(MAIN);
    expect(fork.notices).toEqual([
      `Forked from ${MAIN}: the 13 messages it copied from there are not repeated here`,
    ]);
    // Its running total starts at the parent's 12,000 / 8,000 / 900: only the growth is its own.
    expect(fork.usage.map((u) => u.usage)).toEqual([
      { input_tokens: 1000, output_tokens: 100, cache_read_tokens: 1000, cache_write_tokens: 0 },
    ]);
  });

  it('shows a fork whose parent is gone as copied, and says so', async () => {
    const home = copyOf(HOME);
    rmSync(join(home, MAIN_FILE));
    const fork = await source(home).load(FORK);
    expect(fork.messages).toHaveLength(15);
    expect(fork.notices?.[0]).toMatch(/which is not here/);
    const orphan = await source().load(ORPHAN);
    expect(orphan.messages.map((m) => m.content[0]!.text)).toEqual([
      'Review the users module',
      'Check error handling only',
      'Error handling looks right now.',
    ]);
  });

  it('reads the older format (bare meta and items, state lines) and archived rollouts', async () => {
    const src = source();
    const legacy = await src.load(LEGACY);
    expect(legacy.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect([legacy.created_at, legacy.git_branch]).toEqual(['2025-05-07T17:24:21.123Z', 'legacy']);
    const archived = (await src.list()).sessions.find((r) => r.id === ARCHIVED)!;
    expect(archived).toMatchObject({
      title: '検索が遅い理由を調べて',
      workspace: '/home/dev/données/検索',
      git_branch: '機能/検索',
      model: 'o4-mini',
    });
  });

  it('finds its folders from CODEX_HOME or the home folder', () => {
    expect(defaultCodexRoots({ env: { CODEX_HOME: '/c' }, home: '/h' })).toEqual([
      '/c/sessions',
      '/c/archived_sessions',
    ]);
    expect(defaultCodexRoots({ env: {}, home: '/h' })).toEqual([
      '/h/.codex/sessions',
      '/h/.codex/archived_sessions',
    ]);
  });

  it('never opens what is not a regular file, and writes nothing', async () => {
    const home = copyOf(HOME);
    addSpecialFiles(join(home, 'sessions/2025/12/01'), {
      fifo: 'rollout-2025-12-01T00-00-00-00000000-0000-4000-8000-000000000001.jsonl',
      dir: 'rollout-2025-12-01T00-00-00-00000000-0000-4000-8000-000000000002.jsonl',
    });
    const before = snapshot(join(home, 'sessions/2025/09'));
    const src = source(home);
    const listed = await src.list();
    expect(listed.sessions.map((r) => r.id).sort()).toEqual([...ALL].sort());
    expect(listed.unreadable).toBe(2);
    await expect(src.load('codex-00000000-0000-4000-8000-000000000001')).rejects.toThrow(/not found/);
    for (const id of ALL) await src.load(id);
    expect(snapshot(join(home, 'sessions/2025/09'))).toEqual(before);
  });
});

describe('Codex live', () => {
  const line = (type: string, payload: Record<string, unknown>) =>
    JSON.stringify({ timestamp: '2025-09-20T11:00:00.000Z', type, payload }) + '\n';

  it('sends new messages and a grown one again from where it changed', async () => {
    const home = copyOf(HOME);
    const file = join(home, MAIN_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n[^\n]*$/, '\n'));
    const follower = source(home).follow!(MAIN);
    expect((await follower.read()).count).toBe(18);
    appendFileSync(
      file,
      line('response_item', {
        type: 'message',
        role: 'user',
        content: [{ type: 'input_text', text: 'go on' }],
      }),
    );
    appendFileSync(
      file,
      line('response_item', { type: 'reasoning', summary: [{ type: 'summary_text', text: 'Thinking' }] }),
    );
    expect(await follower.read()).toMatchObject({ from: 18, count: 20 });
    appendFileSync(
      file,
      line('response_item', { type: 'function_call', name: 'shell', arguments: '{}', call_id: 'c9' }),
    );
    const grown = await follower.read();
    expect([grown.from, grown.count]).toEqual([19, 20]);
    expect(grown.messages[0]!.content.map((b) => b.type)).toEqual(['reasoning', 'tool_use']);
  });
});

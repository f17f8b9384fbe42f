// The Claude Code adapter against its fixtures: golden transcripts (model JSON and Markdown
// export), what a list says of each session (the same as a full load), and each messy case of
// the format on its own.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapter as claudeAdapter } from '../../../src/core/sources/claude/index';
import { fullPage } from '../../../src/core/transcript/full-page';
import { defaultClaudeRoots } from '../../../src/core/sources/claude/files';
import type { ContentBlock, Session } from '../../../src/shared/types';
import { snapshot } from '../../support/fixtures';
import { addSpecialFiles } from '../../support/special-files';
import { expectGolden, goldenJson } from '../../support/goldens';
import { CLAUDE_FIXTURES, copyOf, exportOf, openSource } from '../../support/sources';

const PROJECTS = join(CLAUDE_FIXTURES, 'projects');
const GOLDEN = join(CLAUDE_FIXTURES, 'golden');
const MODERN = 'claude-0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61';
const OLDER = 'claude-5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
const CYRILLIC = 'claude-9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const MODERN_FILE = join('-home-dev-webapp', '0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61.jsonl');

const source = () => openSource(claudeAdapter, [PROJECTS]);
const blocks = (s: Session): ContentBlock[] => s.messages.flatMap((m) => m.content);
const call = (s: Session, name: string) =>
  blocks(s).find((b) => b.type === 'tool_use' && b.tool_name === name)!;

describe('Claude Code goldens', () => {
  it('lists the sessions there are (files of bookkeeping only are not sessions)', async () => {
    const listed = (await source().list()).sessions.sort((a, b) => a.id.localeCompare(b.id));
    expectGolden(join(GOLDEN, 'list.json'), goldenJson(listed));
    expect(listed.map((s) => s.id)).toEqual([MODERN, OLDER, CYRILLIC]);
  });

  it.each([MODERN, OLDER, CYRILLIC])('loads %s as the golden model and export', async (id) => {
    const session = await source().load(id);
    expectGolden(join(GOLDEN, `${id}.load.json`), goldenJson(session));
    expectGolden(join(GOLDEN, `${id}.md`), exportOf(session));
  });

  it('says in the list what a full load says', async () => {
    const src = source();
    for (const row of (await src.list()).sessions) {
      const s = await src.load(row.id);
      expect(row).toMatchObject({
        msg_count: s.messages.length,
        title: s.title,
        created_at: s.created_at,
        updated_at: s.updated_at,
        model: s.model,
        models: s.models,
        workspace: s.workspace,
        git_branch: s.git_branch,
        cost: s.cost,
      });
    }
  });
});

describe('Claude Code lines', () => {
  it('merges one response written over several lines, and counts its usage once', async () => {
    const s = await source().load(MODERN);
    const first = s.messages.find((m) => m.id === 'msg_01LoginA')!;
    expect(first.content.map((b) => b.type)).toEqual(['reasoning', 'text', 'tool_use']);
    expect(first.content[0]!.reasoning_content).toContain('stale cookie');
    expect(s.messages.filter((m) => m.id === 'msg_01LoginA')).toHaveLength(1);
    expect(s.usage.filter((u) => u.timestamp === '2025-10-14T09:00:09.000Z')).toHaveLength(1);
    // Opus: 12 in, 310 out, 4,200 written to the 5-minute cache, counted once, not three times.
    expect(s.usage[0]!.usage).toEqual({
      input_tokens: 12,
      output_tokens: 310,
      cache_read_tokens: 0,
      cache_write_tokens: 4200,
    });
  });

  it('shows a line written twice once', async () => {
    const s = await source().load(MODERN);
    const parallel = s.messages.find((m) => m.id === 'msg_01LoginB')!;
    expect(parallel.content.map((b) => b.tool_name)).toEqual(['mcp__browser__screenshot', 'Bash']);
  });

  it('keeps tool results as text with their images, errors and an edit patch', async () => {
    const s = await source().load(MODERN);
    const results = blocks(s).filter((b) => b.type === 'tool_result');
    const shot = results.find((b) => b.tool_id === 'toolu_01Shot')!;
    expect(shot.output).toBe('Screenshot of http://localhost:3000/login');
    expect(shot.images).toEqual([{ mime: 'image/png', data: expect.stringMatching(/^iVBOR/) }]);
    expect(results.find((b) => b.tool_id === 'toolu_01Bash')!.is_error).toBe(true);
    expect(results.find((b) => b.tool_id === 'toolu_01Edit')!.patch).toEqual({
      file_path: '/home/dev/webapp/src/auth/guard.ts',
      hunks: [
        {
          old_start: 1,
          old_lines: 4,
          new_start: 1,
          new_lines: 4,
          lines: [
            ' export function guard(req) {',
            "-  if (!req.cookies.session) return redirect('/login');",
            "+  if (!req.cookies.sid) return redirect('/login');",
            '   return next();',
            ' }',
          ],
        },
      ],
    });
  });

  it('attaches each subagent thread to the call that started it, counted once', async () => {
    const src = source();
    const modern = await src.load(MODERN);
    const task = call(modern, 'Task');
    expect(task.subagent?.agent_id).toBe('a1b2c3d');
    expect(task.subagent?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(task.subagent?.models).toEqual(['claude-haiku-4-5-20251001']);
    // Not among the session's messages; its two responses are in the totals once.
    expect(modern.messages.some((m) => m.id === 'msg_01AgentA')).toBe(false);
    expect(modern.usage.filter((u) => u.usage?.input_tokens === 900)).toHaveLength(1);
    expect(modern.notices).toBeUndefined(); // the compaction agent is not a thread to attach
    // Sidechain lines of an older version, in the session's own file: matched by the prompt.
    const older = await src.load(OLDER);
    expect(call(older, 'Task').subagent?.messages.map((m) => m.content[0]!.text)).toEqual([
      'Which file renders the settings page?',
      'src/pages/Settings.tsx renders it.',
    ]);
    expect(older.messages).toHaveLength(4);
    // An old-style agent-<id>.jsonl beside the sessions, named by the result's agentId.
    const cyrillic = await src.load(CYRILLIC);
    expect(call(cyrillic, 'Task').subagent?.agent_id).toBe('5e6f7a8b');
  });

  it('gives the viewer each message kind and the subagent thread under its call', async () => {
    const page = fullPage(await source().load(MODERN));
    expect(page.messages.slice(0, 4).map((m) => m.kind)).toEqual([
      'command',
      'command_output',
      'meta',
      undefined,
    ]);
    const call = page.messages.flatMap((m) => m.blocks).find((b) => b.kind === 'tool_call' && b.subagent);
    expect(
      call?.kind === 'tool_call' && [call.id, call.subagent?.agent_id, call.subagent?.messages.length],
    ).toEqual(['toolu_01Task', 'a1b2c3d', 4]);
    const thread = call?.kind === 'tool_call' ? call.subagent!.messages : [];
    // The subagent's own call and result are paired inside its thread.
    const grep = thread[1]!.blocks.find((b) => b.kind === 'tool_call');
    expect(grep?.kind === 'tool_call' && grep.result).toEqual({ message: 2, block: 0 });
    const edit = page.messages.flatMap((m) => m.blocks).find((b) => b.kind === 'tool_result' && b.patch);
    expect(edit?.kind === 'tool_result' && edit.patch?.file_path).toBe('/home/dev/webapp/src/auth/guard.ts');
  });

  it('marks compaction and keeps its summary as what it is', async () => {
    const s = await source().load(MODERN);
    expect(s.checkpoints).toEqual([{ after_messages: 13, tokens: 48211 }]);
    expect(s.messages[13]!.kind).toBe('compact_summary');
    expect(s.metrics).toEqual([
      { timestamp: '2025-10-14T09:01:11.000Z', type: 'turn_duration', duration: 70_000_000_000 },
    ]);
    expect(s.messages.find((m) => m.role === 'system')).toMatchObject({ kind: 'error' });
  });

  it('shows command wrappers as commands, not prompts', async () => {
    const s = await source().load(MODERN);
    expect(s.messages.slice(0, 3).map((m) => [m.kind, m.content[0]!.text])).toEqual([
      ['command', '/model opus'],
      ['command_output', 'Set model to opus (claude-opus-4-1-20250805)'],
      ['meta', expect.stringContaining('Caveat:')],
    ]);
    expect(s.messages[3]!.kind).toBeUndefined();
  });

  it('skips bookkeeping and unknown lines silently and counts a torn last line', async () => {
    const s = await source().load(MODERN);
    expect(s.skipped_lines).toBe(1);
    expect(s.skipped).toEqual([{ line: 33, reason: 'torn last line (invalid JSON)' }]);
  });

  it('keeps a title the user gave over the first prompt, and a summary only of its own session', async () => {
    const rows = (await source().list()).sessions;
    expect(rows.find((r) => r.id === MODERN)?.title).toBe('Fix login redirect loop');
    expect(rows.find((r) => r.id === OLDER)?.title).toBe('Add a dark mode toggle');
    expect(rows.find((r) => r.id === CYRILLIC)).toMatchObject({
      title: 'Сборка падает на «ё»',
      workspace: '/home/dev/проект café',
      git_branch: 'главная',
    });
  });

  it('estimates cost from tokens with the price table, and says so', async () => {
    const row = (await source().list()).sessions.find((r) => r.id === CYRILLIC)!;
    // Haiku 4.5 at $1 in and $5 out per million: 510 in, 75 out.
    expect(row.cost).toMatchObject({ total_cost_usd: 0.000885, estimated: true, prices_as_of: '2026-12-01' });
  });

  it('lists and loads a session with a huge tool output', async () => {
    const root = copyOf(PROJECTS);
    const output = 'x'.repeat(6 << 20);
    const line = {
      parentUuid: null,
      isSidechain: false,
      type: 'user',
      message: {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'toolu_big', content: output }],
      },
      uuid: 'big',
      timestamp: '2025-07-02T15:00:00.000Z',
    };
    appendFileSync(
      join(root, '-home-dev-webapp', '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a.jsonl'),
      JSON.stringify(line) + '\n',
    );
    const src = openSource(claudeAdapter, [root]);
    const row = (await src.list()).sessions.find((r) => r.id === OLDER)!;
    const s = await src.load(OLDER);
    expect([row.msg_count, row.updated_at]).toEqual([5, '2025-07-02T15:00:00.000Z']);
    expect(s.messages.at(-1)!.content[0]!.output).toHaveLength(6 << 20);
  });

  it('never opens what is not a regular file, and writes nothing', async () => {
    const root = copyOf(PROJECTS);
    // In a folder of their own: the snapshot below would block reading a FIFO itself.
    addSpecialFiles(join(root, '-tmp-special'), {
      fifo: 'fifo0000-0000-4000-8000-000000000000.jsonl',
      dir: 'dir00000-0000-4000-8000-000000000000.jsonl',
    });
    const project = join(root, '-home-dev-webapp');
    const before = snapshot(project);
    const src = openSource(claudeAdapter, [root]);
    const listed = await src.list();
    expect(listed.sessions.map((r) => r.id).sort()).toEqual([MODERN, OLDER, CYRILLIC].sort());
    expect(listed.unreadable).toBe(2);
    await expect(src.load('claude-fifo0000-0000-4000-8000-000000000000')).rejects.toThrow(/not found/);
    await expect(src.load('claude-nothing')).rejects.toThrow('session claude-nothing not found');
    await src.load(MODERN);
    expect(snapshot(project)).toEqual(before);
  });

  it('finds its folders from CLAUDE_CONFIG_DIR (several, comma-separated) or the home folder', () => {
    expect(defaultClaudeRoots({ env: { CLAUDE_CONFIG_DIR: '/a, /b/c' }, home: '/h' })).toEqual([
      '/a/projects',
      '/b/c/projects',
    ]);
    expect(defaultClaudeRoots({ env: {}, home: '/h' })).toEqual([
      '/h/.claude/projects',
      '/h/.config/claude/projects',
    ]);
  });
});

describe('Claude Code live', () => {
  const lineOf = (o: Record<string, unknown>) => JSON.stringify(o) + '\n';
  const assistant = (uuid: string, id: string, text: string) => ({
    type: 'assistant',
    isSidechain: false,
    message: { id, role: 'assistant', model: 'claude-sonnet-4-5', content: [{ type: 'text', text }] },
    requestId: `req-${id}`,
    uuid,
    timestamp: '2025-10-14T10:00:00.000Z',
  });

  it('sends new messages, a grown response again from where it changed, and holds a torn line', async () => {
    const root = copyOf(PROJECTS);
    const file = join(root, MODERN_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n[^\n]*$/, '\n')); // drop the torn line
    const follower = openSource(claudeAdapter, [root]).follow!(MODERN);
    const first = await follower.read();
    expect([first.from, first.count]).toEqual([0, 19]);
    appendFileSync(file, lineOf(assistant('live-1', 'msg_live', 'Part one.')));
    expect(await follower.read()).toMatchObject({ reset: false, from: 19, count: 20 });
    appendFileSync(file, lineOf(assistant('live-2', 'msg_live', 'Part two.')));
    const grown = await follower.read();
    expect([grown.from, grown.count]).toEqual([19, 20]);
    expect(grown.messages[0]!.content.map((b) => b.text)).toEqual(['Part one.', 'Part two.']);
    appendFileSync(file, lineOf(assistant('live-3', 'msg_next', 'Done.')).slice(0, 40));
    expect(await follower.read()).toMatchObject({ from: 20, count: 20, messages: [] });
    appendFileSync(file, lineOf(assistant('live-3', 'msg_next', 'Done.')).slice(40));
    expect(await follower.read()).toMatchObject({ from: 20, count: 21 });
  });
});

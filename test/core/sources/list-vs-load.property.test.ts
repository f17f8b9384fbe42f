// Differential property: what the list's cheap scan of a Claude Code or Codex CLI file says
// (message count, title, times, workspace, branch, models, usage and cost) is what a full load of
// the same file says, on generated files with the formats' messy cases: responses over several
// lines with repeated ids, sidechains, system subtypes, titles and summaries of other sessions,
// bookkeeping lines that nest conversation-like records, strings that look like keys, missing
// or broken times, a torn last line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adapter as claudeAdapter } from '../../../src/core/sources/claude/index';
import { adapter as codexAdapter } from '../../../src/core/sources/codex/index';
import type { SessionSource } from '../../../src/core/sources/source';
import { tempDir } from '../../support/fixtures';
import { openSource } from '../../support/sources';

type Obj = Record<string, unknown>;
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** Text that tries to look like structure to a byte scan (keys, braces, quotes, escapes). */
const tricky = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '"type":"assistant"',
    ',"isSidechain":true',
    '"usage":{"input_tokens":999}',
    '"requestId":"req_x","type":"user"',
    '{"message":{"id":"msg_1"}}',
    '\\"',
    '"uuid":"u1"',
    'Привет, мир',
    '<command-name>/clear</command-name>',
    '',
  ),
);
const at = (n: number) => new Date(Date.UTC(2025, 9, 1) + n * 1000).toISOString();
const time = fc.oneof(
  { weight: 8, arbitrary: fc.nat(100_000).map(at) },
  { weight: 1, arbitrary: fc.constantFrom('not a time', '', 12) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

// --- Claude Code -------------------------------------------------------------------------------

const claudeUsage = fc.option(
  fc.record(
    {
      input_tokens: fc.nat(5000),
      cache_creation_input_tokens: fc.nat(5000),
      cache_read_input_tokens: fc.nat(50_000),
      // Before the output count, as Claude Code writes it: a scan must read on past an object.
      cache_creation: fc.record({
        ephemeral_5m_input_tokens: fc.nat(900),
        ephemeral_1h_input_tokens: fc.nat(900),
      }),
      output_tokens: fc.nat(5000),
      service_tier: fc.constant('standard'),
    },
    { requiredKeys: ['input_tokens', 'output_tokens'] },
  ),
  { nil: undefined },
);
const claudeBlock = fc.oneof(
  fc.record({ type: fc.constant('text'), text: tricky }),
  fc.record({ type: fc.constant('thinking'), thinking: tricky, signature: fc.constant('EqQB') }),
  fc.record({
    type: fc.constant('tool_use'),
    id: fc.constantFrom('toolu_1', 'toolu_2'),
    name: fc.constantFrom('Bash', 'Task'),
    input: fc.record({ command: tricky }),
  }),
);
/** One line's kind and its own values; the session's common members are added by the file. */
const claudeRecord = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('user'),
      content: fc.oneof(
        tricky,
        fc.array(fc.record({ type: fc.constant('text'), text: tricky }), { maxLength: 2 }),
        fc.constant([
          { type: 'tool_result', tool_use_id: 'toolu_1', content: 'x'.repeat(3000), is_error: false },
        ]),
      ),
      isMeta: fc.option(fc.boolean(), { nil: undefined }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('assistant'),
      id: fc.option(fc.constantFrom('msg_a', 'msg_b', 'msg_c'), { nil: undefined }),
      requestId: fc.option(fc.constantFrom('req_1', 'req_2'), { nil: undefined }),
      model: fc.option(fc.constantFrom('claude-sonnet-4-5-20250929', 'claude-opus-4-1', '<synthetic>'), {
        nil: undefined,
      }),
      block: claudeBlock,
      usage: claudeUsage,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('system'),
      subtype: fc.constantFrom(
        'api_error',
        'compact_boundary',
        'turn_duration',
        'local_command',
        'informational',
      ),
      content: tricky,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('summary', 'custom-title', 'ai-title'),
      text: tricky,
      ownLeaf: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('file-history-snapshot', 'progress', 'queue-operation', 'x-new'),
    }),
  },
);
const claudeLine = fc.record({
  record: claudeRecord,
  sidechain: fc.boolean(),
  timestamp: time,
  branch: fc.constantFrom('main', 'feature/ü', ''),
  cwd: fc.constantFrom('/home/dev/app', '/home/dev/проект', '/tmp/{odd} [dir]'),
});
const claudeFile = fc.record({
  lines: fc.array(claudeLine, { minLength: 1, maxLength: 14 }),
  torn: fc.boolean(),
});

function claudeText(sessionId: string, file: ValueOf<typeof claudeFile>): string {
  const uuids: string[] = [];
  const out = file.lines.map(({ record: r, sidechain, timestamp, branch, cwd }, i) => {
    const uuid = `u${i}-${sessionId.slice(0, 4)}`;
    const common: Obj = {
      parentUuid: uuids.at(-1) ?? null,
      isSidechain: sidechain,
      userType: 'external',
      cwd,
      sessionId,
      version: '2.0.14',
      gitBranch: branch,
    };
    const tail: Obj = { uuid, ...(timestamp !== undefined && { timestamp }) };
    uuids.push(uuid);
    switch (r.kind) {
      case 'user':
        return {
          ...common,
          type: 'user',
          message: { role: 'user', content: r.content },
          ...tail,
          ...(r.isMeta !== undefined && { isMeta: r.isMeta }),
          // A nested record naming the first line: a summary of it is not this session's by that.
          toolUseResult: { stdout: 'y', nested: { type: 'assistant', uuid: `u0-${sessionId.slice(0, 4)}` } },
        };
      case 'assistant':
        return {
          ...common,
          message: {
            ...(r.id !== undefined && { id: r.id }),
            type: 'message',
            role: 'assistant',
            ...(r.model !== undefined && { model: r.model }),
            content: [r.block],
            stop_reason: null,
            ...(r.usage !== undefined && { usage: r.usage }),
          },
          ...(r.requestId !== undefined && { requestId: r.requestId }),
          type: 'assistant',
          ...tail,
        };
      case 'system':
        return {
          ...common,
          type: 'system',
          subtype: r.subtype,
          content: r.content,
          ...(r.subtype === 'compact_boundary' && { compactMetadata: { trigger: 'auto', preTokens: 1234 } }),
          ...(r.subtype === 'turn_duration' && { durationMs: 1500 }),
          level: 'info',
          ...tail,
        };
      case 'summary':
        return { type: 'summary', summary: r.text, leafUuid: r.ownLeaf ? (uuids[0] ?? 'none') : 'elsewhere' };
      case 'custom-title':
        return { type: 'custom-title', customTitle: r.text, sessionId };
      case 'ai-title':
        return { type: 'ai-title', aiTitle: r.text, sessionId };
      case 'progress':
        return {
          ...common,
          type: 'progress',
          data: { message: { type: 'user', message: { role: 'user', content: 'nested' } } },
          ...tail,
        };
      default:
        return { type: r.kind, messageId: uuid, snapshot: { trackedFileBackups: {} } };
    }
  });
  const lines = out.map((o) => JSON.stringify(o));
  const last = lines.at(-1)!;
  // A torn last line: cut inside, no newline (a load skips it).
  if (file.torn) return lines.slice(0, -1).join('\n') + (lines.length > 1 ? '\n' : '') + last.slice(0, -3);
  return lines.join('\n') + '\n';
}

// --- Codex CLI ---------------------------------------------------------------------------------

const codexItem = fc.oneof(
  fc.record({
    type: fc.constant('message'),
    role: fc.constantFrom('user', 'assistant', 'developer'),
    content: fc.array(fc.record({ type: fc.constantFrom('input_text', 'output_text'), text: tricky }), {
      maxLength: 2,
    }),
  }),
  fc.record({
    type: fc.constant('reasoning'),
    summary: fc.oneof(fc.constant([]), fc.constant([{ type: 'summary_text', text: 'thinking' }])),
    content: fc.oneof(
      fc.constant(null),
      fc.constant([]),
      fc.constant([{ type: 'reasoning_text', text: 'raw' }]),
    ),
    encrypted_content: fc.constant('gAAAA' + 'x'.repeat(500)),
  }),
  fc.record({
    type: fc.constant('function_call'),
    name: fc.constant('shell'),
    arguments: tricky.map((t) => JSON.stringify({ command: ['bash', '-lc', t] })),
    call_id: fc.constantFrom('call_1', 'call_2'),
  }),
  fc.record({
    type: fc.constant('function_call_output'),
    call_id: fc.constantFrom('call_1', 'call_2'),
    output: tricky,
  }),
  fc.record({ type: fc.constant('web_search_call'), status: fc.constant('completed') }),
);
const codexTokens = fc.record({
  input_tokens: fc.nat(90_000),
  cached_input_tokens: fc.nat(9000),
  output_tokens: fc.nat(9000),
  reasoning_output_tokens: fc.nat(900),
  total_tokens: fc.nat(99_000),
});
const codexRecord = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('response_item'), payload: codexItem }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('turn_context'),
      payload: fc.record(
        {
          cwd: fc.constantFrom('/home/dev/api', '/home/dev/ünï', '/home/dev/"q"', ''),
          approval_policy: fc.constant('on-request'),
          sandbox_policy: fc.constant({ mode: 'workspace-write', writable_roots: ['/tmp', { cwd: 'x' }] }),
          model: fc.constantFrom('gpt-5-codex', 'gpt-5', '', 5),
          summary: tricky,
        },
        { requiredKeys: ['cwd', 'model'] },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('event_msg'),
      payload: fc.oneof(
        fc.record({ type: fc.constant('user_message'), message: tricky }),
        fc.record({ type: fc.constant('agent_message'), message: tricky }),
        fc.record({
          type: fc.constant('token_count'),
          info: fc.option(fc.record({ total_token_usage: codexTokens, last_token_usage: codexTokens }), {
            nil: null,
          }),
          rate_limits: fc.constant({ primary: { used_percent: 4 } }),
        }),
        fc.record({ type: fc.constant('thread_name_updated'), name: tricky }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('compacted'), payload: fc.record({ message: tricky }) }),
  },
);
const codexFile = fc.record({
  records: fc.array(fc.record({ record: codexRecord, timestamp: time }), { minLength: 1, maxLength: 14 }),
  branch: fc.option(fc.constantFrom('main', 'feat/ä'), { nil: undefined }),
  torn: fc.boolean(),
});

function codexText(id: string, file: ValueOf<typeof codexFile>): string {
  const meta = {
    timestamp: at(0),
    type: 'session_meta',
    payload: {
      id,
      timestamp: at(0),
      cwd: '/home/dev/api',
      originator: 'codex_cli_rs',
      cli_version: '0.46.0',
      source: 'cli',
      ...(file.branch !== undefined && { git: { branch: file.branch } }),
    },
  };
  const lines = [meta, ...file.records.map(({ record, timestamp }) => ({ timestamp, ...record }))].map((o) =>
    JSON.stringify(o),
  );
  if (file.torn) return lines.slice(0, -1).join('\n') + '\n' + lines.at(-1)!.slice(0, -3);
  return lines.join('\n') + '\n';
}

// --- The property ------------------------------------------------------------------------------

/** Every listed row against the full load of its session. */
async function expectListIsLoad(source: SessionSource, ids: string[]): Promise<void> {
  const rows = (await source.list()).sessions;
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    const s = await source.load(id).catch(() => null);
    if (!s || s.messages.length === 0) {
      expect(row).toBeUndefined();
      continue;
    }
    expect(row).toBeDefined();
    expect({
      msg_count: row!.msg_count,
      title: row!.title,
      created_at: row!.created_at,
      updated_at: row!.updated_at,
      model: row!.model,
      models: row!.models,
      workspace: row!.workspace,
      git_branch: row!.git_branch,
      cost: row!.cost ?? undefined,
    }).toEqual({
      msg_count: s.messages.length,
      title: s.title,
      created_at: s.created_at,
      updated_at: s.updated_at,
      model: s.model,
      models: s.models,
      workspace: s.workspace,
      git_branch: s.git_branch,
      // No usage: a load says null, a list row leaves the cost out.
      cost: s.cost ?? undefined,
    });
  }
}

const uuidOf = (run: number, i: number) =>
  `${(run * 16 + i).toString(16).padStart(8, '0')}-1111-4222-8333-${i.toString(16).padStart(12, '0')}`;
let run = 0;

describe('list facts equal a full load (generated files)', () => {
  it('Claude Code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(claudeFile, { minLength: 1, maxLength: 3 }), async (files) => {
        const root = join(tempDir(), 'projects');
        const project = join(root, '-home-dev-app');
        mkdirSync(project, { recursive: true });
        const ids = files.map((f, i) => {
          const uuid = uuidOf(run, i);
          writeFileSync(join(project, `${uuid}.jsonl`), claudeText(uuid, f));
          return `claude-${uuid}`;
        });
        run++;
        await expectListIsLoad(openSource(claudeAdapter, [root]), ids);
      }),
      { numRuns: 150 },
    );
  });

  it('Codex CLI', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(codexFile, { minLength: 1, maxLength: 3 }), async (files) => {
        const home = tempDir();
        const day = join(home, 'sessions', '2025', '10', '01');
        mkdirSync(day, { recursive: true });
        const ids = files.map((f, i) => {
          const uuid = uuidOf(run, i);
          writeFileSync(join(day, `rollout-2025-10-01T00-00-00-${uuid}.jsonl`), codexText(uuid, f));
          return `codex-${uuid}`;
        });
        run++;
        await expectListIsLoad(openSource(codexAdapter, [join(home, 'sessions')]), ids);
      }),
      { numRuns: 150 },
    );
  });
});

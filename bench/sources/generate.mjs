// Generates a home folder with sessions of three sources where the agents keep them: ggcode's
// (~/.ggcode/sessions, no index.json), Claude Code's (~/.claude/projects/<project>/<uuid>.jsonl)
// and Codex CLI's (~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl), each shaped like the real files
// (one response over several lines, tool results, usage, token counts, encrypted reasoning).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { messageLine, metaLine } from '../generate.mjs';

const words =
  'the parser fails when the cache key is stale so we rebuild the lockfile and rerun tests against alpha beta gamma'.split(
    ' ',
  );
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const sentence = (n) => Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
/** A tool's output: mostly a few lines, sometimes a whole file (a read, a long log), as real
 * sessions have them: 70% of 0.5-3 KB, 30% of 10-40 KB (about 9 KB on average). */
const toolOutput = () =>
  rand() < 0.7 ? sentence(80 + Math.floor(rand() * 400)) : sentence(1600 + Math.floor(rand() * 4800));
const hex = (n, width) => n.toString(16).padStart(width, '0');
const uuid = (a, b) =>
  `${hex(a, 8)}-${hex(b & 0xffff, 4)}-4${hex(b % 4096, 3)}-8${hex(a % 4096, 3)}-${hex(a * 7919 + b, 12).slice(-12)}`;
const at = (base, s) => new Date(base + s * 1000).toISOString();

// ggcode's sessions as bench/generate.mjs writes them, with tool outputs as long as the others'.
function ggcodeSession(i) {
  const id = `bench-${String(i).padStart(6, '0')}`;
  let text = metaLine(id, i);
  const n = 10 + Math.floor(rand() * 40);
  for (let m = 0; m < n; m++) text += messageLine(id, m, toolOutput);
  return { id, text };
}

function claudeSession(i) {
  const sid = uuid(i + 1, i * 31 + 5);
  const cwd = `/home/dev/project-${i % 50}`;
  const base = Date.UTC(2025, 9, 1) + i * 600_000;
  const head = (uuidText, parent, s) => ({
    parentUuid: parent,
    isSidechain: false,
    userType: 'external',
    cwd,
    sessionId: sid,
    version: '2.0.14',
    gitBranch: 'main',
    uuid: uuidText,
    timestamp: at(base, s),
  });
  const lines = [
    JSON.stringify({
      type: 'file-history-snapshot',
      messageId: uuid(i, 1),
      snapshot: { messageId: uuid(i, 1), trackedFileBackups: {}, timestamp: at(base, 0) },
      isSnapshotUpdate: false,
    }),
  ];
  let parent = null;
  let s = 1;
  const turns = 5 + Math.floor(rand() * 12);
  for (let t = 0; t < turns; t++) {
    const u = uuid(i, t * 10 + 2);
    const h = head(u, parent, s++);
    lines.push(
      JSON.stringify({
        parentUuid: h.parentUuid,
        isSidechain: false,
        userType: 'external',
        cwd,
        sessionId: sid,
        version: '2.0.14',
        gitBranch: 'main',
        type: 'user',
        message: { role: 'user', content: sentence(20) },
        uuid: u,
        timestamp: h.timestamp,
      }),
    );
    parent = u;
    const mid = `msg_${hex(i, 8)}${hex(t, 4)}`;
    const usage = {
      input_tokens: 10 + t,
      cache_creation_input_tokens: 400,
      cache_read_input_tokens: 3000 + t * 100,
      output_tokens: 150,
      service_tier: 'standard',
    };
    for (const [k, block] of [
      { type: 'thinking', thinking: sentence(30), signature: 'EqQBCkYIBxgCKkBs' },
      { type: 'text', text: sentence(25) },
      {
        type: 'tool_use',
        id: `toolu_${hex(i, 6)}${hex(t, 4)}`,
        name: 'Bash',
        input: { command: `rg -n ${sentence(2)}`, description: sentence(4) },
      },
    ].entries()) {
      const a = uuid(i, t * 10 + 3 + k);
      const h2 = head(a, parent, s++);
      lines.push(
        JSON.stringify({
          parentUuid: parent,
          isSidechain: false,
          userType: 'external',
          cwd,
          sessionId: sid,
          version: '2.0.14',
          gitBranch: 'main',
          message: {
            id: mid,
            type: 'message',
            role: 'assistant',
            model: 'claude-sonnet-4-5-20250929',
            content: [block],
            stop_reason: null,
            stop_sequence: null,
            usage,
          },
          requestId: `req_${hex(i, 8)}${hex(t, 4)}`,
          type: 'assistant',
          uuid: a,
          timestamp: h2.timestamp,
        }),
      );
      parent = a;
    }
    const r = uuid(i, t * 10 + 7);
    const output = toolOutput();
    lines.push(
      JSON.stringify({
        parentUuid: parent,
        isSidechain: false,
        userType: 'external',
        cwd,
        sessionId: sid,
        version: '2.0.14',
        gitBranch: 'main',
        type: 'user',
        message: {
          role: 'user',
          content: [
            {
              tool_use_id: `toolu_${hex(i, 6)}${hex(t, 4)}`,
              type: 'tool_result',
              content: output,
              is_error: false,
            },
          ],
        },
        uuid: r,
        timestamp: at(base, s++),
        toolUseResult: { stdout: output, stderr: '', interrupted: false, isImage: false },
      }),
    );
    parent = r;
  }
  lines.push(JSON.stringify({ type: 'summary', summary: `Session ${i}: ${sentence(5)}`, leafUuid: parent }));
  return { dir: `-home-dev-project-${i % 50}`, file: `${sid}.jsonl`, text: lines.join('\n') + '\n' };
}

function codexSession(i) {
  const id = uuid(i + 100_000, i * 17 + 3);
  const base = Date.UTC(2025, 8, 1) + i * 600_000;
  const day = new Date(base);
  const ymd = [
    String(day.getUTCFullYear()),
    String(day.getUTCMonth() + 1).padStart(2, '0'),
    String(day.getUTCDate()).padStart(2, '0'),
  ];
  const stamp = day.toISOString().slice(0, 19).replace(/:/g, '-');
  let s = 0;
  const L = (type, payload) => JSON.stringify({ timestamp: at(base, s++), type, payload });
  const lines = [
    L('session_meta', {
      id,
      timestamp: at(base, 0),
      cwd: `/home/dev/api-${i % 40}`,
      originator: 'codex_cli_rs',
      cli_version: '0.46.0',
      instructions: null,
      source: 'cli',
      model_provider: 'openai',
      git: { commit_hash: hex(i, 40), branch: 'main', repository_url: 'git@github.com:dev/api.git' },
    }),
    L('response_item', {
      type: 'message',
      role: 'user',
      content: [
        {
          type: 'input_text',
          text: `<environment_context>\n  <cwd>/home/dev/api-${i % 40}</cwd>\n</environment_context>`,
        },
      ],
    }),
  ];
  let total = [0, 0, 0];
  const turns = 5 + Math.floor(rand() * 12);
  for (let t = 0; t < turns; t++) {
    lines.push(
      L('turn_context', {
        cwd: `/home/dev/api-${i % 40}`,
        approval_policy: 'on-request',
        sandbox_policy: { mode: 'workspace-write' },
        model: 'gpt-5-codex',
        effort: 'medium',
        summary: 'auto',
      }),
    );
    const prompt = sentence(20);
    lines.push(L('event_msg', { type: 'user_message', message: prompt, images: [] }));
    lines.push(
      L('response_item', { type: 'message', role: 'user', content: [{ type: 'input_text', text: prompt }] }),
    );
    lines.push(
      L('response_item', {
        type: 'reasoning',
        summary: [{ type: 'summary_text', text: sentence(12) }],
        content: null,
        encrypted_content: 'gAAAAAB' + 'x'.repeat(800 + Math.floor(rand() * 1500)),
      }),
    );
    const call = `call_${hex(i, 6)}${hex(t, 4)}`;
    lines.push(
      L('response_item', {
        type: 'function_call',
        name: 'shell',
        arguments: JSON.stringify({
          command: ['bash', '-lc', `rg -n ${sentence(2)}`],
          workdir: '/home/dev/api',
        }),
        call_id: call,
      }),
    );
    lines.push(
      L('response_item', {
        type: 'function_call_output',
        call_id: call,
        output: JSON.stringify({
          output: toolOutput(),
          metadata: { exit_code: 0, duration_seconds: 0.1 },
        }),
      }),
    );
    lines.push(
      L('response_item', {
        type: 'message',
        role: 'assistant',
        content: [{ type: 'output_text', text: sentence(30) }],
      }),
    );
    total = [total[0] + 3000, total[1] + 2000, total[2] + 300];
    const usage = {
      input_tokens: total[0],
      cached_input_tokens: total[1],
      output_tokens: total[2],
      reasoning_output_tokens: 64,
      total_tokens: total[0] + total[2],
    };
    const info = { total_token_usage: usage, last_token_usage: usage, model_context_window: 272000 };
    lines.push(
      L('event_msg', {
        type: 'token_count',
        info,
        rate_limits: { primary: { used_percent: 4, window_minutes: 300 } },
      }),
    );
    lines.push(
      L('event_msg', {
        type: 'token_count',
        info,
        rate_limits: { primary: { used_percent: 5, window_minutes: 300 } },
      }),
    );
  }
  return { dir: join(...ymd), file: `rollout-${stamp}-${id}.jsonl`, text: lines.join('\n') + '\n' };
}

/** Writes `count` sessions spread over the three sources under `home` (kept between runs). */
export function generateHome(home, count) {
  if (existsSync(join(home, '.done'))) return;
  const each = Math.floor(count / 3);
  const ggcode = join(home, '.ggcode', 'sessions');
  mkdirSync(ggcode, { recursive: true });
  for (let i = 0; i < count - 2 * each; i++) {
    const { id, text } = ggcodeSession(i);
    writeFileSync(join(ggcode, `${id}.jsonl`), text);
  }
  for (let i = 0; i < each; i++) {
    const { dir, file, text } = claudeSession(i);
    mkdirSync(join(home, '.claude', 'projects', dir), { recursive: true });
    writeFileSync(join(home, '.claude', 'projects', dir, file), text);
  }
  for (let i = 0; i < each; i++) {
    const { dir, file, text } = codexSession(i);
    mkdirSync(join(home, '.codex', 'sessions', dir), { recursive: true });
    writeFileSync(join(home, '.codex', 'sessions', dir, file), text);
  }
  writeFileSync(join(home, '.done'), '');
}

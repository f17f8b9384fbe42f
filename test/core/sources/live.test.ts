// Live updates of other sources through the LiveStore main and the server use: their folders are
// watched recursively (a change is told by session, a subagent's file as its session's), and a
// followed session's growth is sent, a grown message again at its index.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionAppended, SessionsChanged } from '../../../src/shared/contract';
import { LiveStore } from '../../../src/core/live/live-store';
import { Catalog } from '../../../src/core/sources/catalog';
import { resolveSources, sourceContext } from '../../../src/core/sources/selection';
import { Received } from '../../support/live';
import { sourcesHome } from '../../support/source-home';

const FAST = { quietMs: 30, maxWaitMs: 100, pollMs: 50 };
const CLAUDE = 'claude-0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61';
const CODEX = 'codex-5973b6c0-94b8-487b-a530-2aeb6098ae0e';
let open: LiveStore[] = [];

afterEach(() => {
  for (const live of open) live.close();
  open = [];
});

async function liveHome() {
  const home = sourcesHome();
  const claudeFile = join(
    home,
    '.claude/projects/-home-dev-webapp/0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61.jsonl',
  );
  // Without its torn last line, as a session an agent has just written a whole line to.
  writeFileSync(claudeFile, readFileSync(claudeFile, 'utf8').replace(/\n[^\n]*$/, '\n'));
  const live = new LiveStore(Catalog.open(resolveSources({}, sourceContext({ HOME: home }))), FAST);
  open.push(live);
  await live.start();
  const changes = new Received<SessionsChanged>();
  live.onSessionsChanged(changes.push);
  return { home, live, changes, claudeFile };
}

const claudeLine = (uuid: string, id: string, text: string) =>
  JSON.stringify({
    type: 'assistant',
    isSidechain: false,
    message: { id, role: 'assistant', model: 'claude-sonnet-4-5', content: [{ type: 'text', text }] },
    requestId: `req-${id}`,
    uuid,
    timestamp: '2025-10-14T10:00:00.000Z',
  }) + '\n';

describe('live updates of other sources', () => {
  it('follows a Claude Code session: new messages, then a grown one sent again at its index', async () => {
    const { live, changes, claudeFile } = await liveHome();
    const appended = new Received<SessionAppended>();
    const { count } = await live.follow(CLAUDE, appended.push, 19);
    expect(count).toBe(19);
    // The viewer's last message may have grown while it loaded: it is sent again, at its index
    // (the viewer keeps messages by index, so the new one takes the old one's place).
    expect(await appended.next()).toMatchObject({
      from: 18,
      messages: [{ index: 18, role: 'assistant' }],
    });
    appendFileSync(claudeFile, claudeLine('l1', 'msg_live', 'Part one.'));
    expect(await appended.next()).toMatchObject({ from: 19, messages: [{ index: 19, role: 'assistant' }] });
    expect(await changes.next((c) => c.ids.includes(CLAUDE))).toBeTruthy();
    appendFileSync(claudeFile, claudeLine('l2', 'msg_live', 'Part two.'));
    const grown = await appended.next();
    expect(grown).toMatchObject({ from: 19, session: { msg_count: 20 } });
    expect(grown.messages[0]!.blocks.map((b) => b.kind === 'text' && b.text)).toEqual([
      'Part one.',
      'Part two.',
    ]);
  });

  it("tells a change to a subagent's file as its session's", async () => {
    const { home, changes } = await liveHome();
    appendFileSync(
      join(
        home,
        '.claude/projects/-home-dev-webapp/0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61/subagents/agent-a1b2c3d.jsonl',
      ),
      claudeLine('s1', 'msg_sub', 'More.'),
    );
    expect(await changes.next((c) => c.ids.includes(CLAUDE))).toBeTruthy();
  });

  it('follows a Codex rollout in its dated folder', async () => {
    const { home, live, changes } = await liveHome();
    const file = join(
      home,
      '.codex/sessions/2025/09/20/rollout-2025-09-20T10-11-12-5973b6c0-94b8-487b-a530-2aeb6098ae0e.jsonl',
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n[^\n]*$/, '\n'));
    const appended = new Received<SessionAppended>();
    await live.follow(CODEX, appended.push);
    const line = {
      timestamp: '2025-09-20T11:00:00.000Z',
      type: 'response_item',
      payload: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'go on' }] },
    };
    appendFileSync(file, JSON.stringify(line) + '\n');
    expect(await appended.next()).toMatchObject({ from: 18, messages: [{ role: 'user' }] });
    expect(await changes.next((c) => c.ids.includes(CODEX))).toBeTruthy();
  });
});

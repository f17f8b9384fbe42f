// LiveSession: appended lines become exactly the transcript messages a fresh load would show,
// with the right indexes; torn lines wait, rewrites reset, resumed viewers catch up.
import { appendFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/fixtures';
import { appendMessage, textMessage, writeSession } from '../../../test/support/live';
import { costLine, messageLine } from '../serialize';
import { JsonlStore } from '../store';
import { fullPage } from '../transcript/full-page';
import { LiveSession } from './live-session';

const ID = 'live-1';

async function fresh(dir: string) {
  return fullPage(await new JsonlStore(dir).load(ID));
}

describe('LiveSession', () => {
  it('sends only what was appended since the viewer loaded, as a fresh load shows it', async () => {
    const dir = tempDir();
    const path = writeSession(dir, ID, ['one', 'two']);
    const live = new LiveSession(path, ID);
    expect(await live.start()).toBeNull();
    expect(await live.read()).toBeNull();
    appendMessage(dir, ID, 'three');
    appendFileSync(
      path,
      messageLine(ID, {
        role: 'user',
        content: [{ type: 'tool_result', tool_id: 't', output: 'boom', is_error: true }],
      }),
    );
    const appended = await live.read();
    const loaded = await fresh(dir);
    expect(appended).toEqual({
      id: ID,
      reset: false,
      from: 2,
      // A fresh load pairs calls with results; the tail sends results unpaired (none here).
      messages: loaded.messages.slice(2),
      session: loaded.session,
    });
    expect(appended!.messages[1]!.blocks).toMatchObject([{ kind: 'tool_result', is_error: true }]);
    expect(await live.read()).toBeNull();
  });

  it('holds back a torn last line and sends it once, when completed', async () => {
    const dir = tempDir();
    const path = writeSession(dir, ID, ['one']);
    const live = new LiveSession(path, ID);
    await live.start();
    const line = messageLine(ID, textMessage('slow'));
    appendFileSync(path, line.slice(0, 25));
    expect(await live.read()).toBeNull();
    appendFileSync(path, line.slice(25));
    const appended = await live.read();
    expect(appended?.from).toBe(1);
    expect(appended?.messages).toEqual([(await fresh(dir)).messages[1]]);
    expect(appended?.session.skipped_lines).toBe(0);
    expect(await live.read()).toBeNull();
  });

  it('sends header changes (a cost line) with no messages, from the current count', async () => {
    const dir = tempDir();
    const path = writeSession(dir, ID, ['one']);
    const live = new LiveSession(path, ID);
    await live.start();
    appendFileSync(path, costLine(ID, { cost: { provider: 'p', total_cost_usd: 0.5 } }));
    const appended = await live.read();
    expect(appended).toMatchObject({ reset: false, from: 1, messages: [] });
    expect(appended?.session.cost).toEqual({ provider: 'p', total_cost_usd: 0.5 });
    expect(appended?.session.msg_count).toBe(1);
  });

  it('starts over with reset when the file is rewritten, and waits out a deleted file', async () => {
    const dir = tempDir();
    const path = writeSession(dir, ID, ['a', 'b', 'c']);
    const live = new LiveSession(path, ID);
    await live.start();
    writeSession(dir, 'tmp', ['x']);
    renameSync(join(dir, 'tmp.jsonl'), path);
    const rewritten = await live.read();
    expect(rewritten).toMatchObject({ reset: true, from: 0 });
    expect(rewritten?.messages).toEqual((await fresh(dir)).messages);

    unlinkSync(path);
    expect(await live.read()).toBeNull();
    writeSession(dir, ID, ['back']);
    expect(await live.read()).toMatchObject({ reset: true, from: 0, session: { msg_count: 1 } });
  });

  it('follows a session whose file does not exist yet from its first message', async () => {
    const dir = tempDir();
    const live = new LiveSession(join(dir, `${ID}.jsonl`), ID);
    expect(await live.start()).toBeNull();
    writeSession(dir, ID, ['first']);
    expect(await live.read()).toMatchObject({ reset: false, from: 0, session: { msg_count: 1 } });
  });

  it('catches a resuming viewer up from the count it has', async () => {
    const dir = tempDir();
    const path = writeSession(dir, ID, ['a', 'b', 'c']);
    const all = (await fresh(dir)).messages;
    expect(await new LiveSession(path, ID).start(3)).toBeNull();
    const behind = await new LiveSession(path, ID).start(1);
    expect(behind).toMatchObject({ reset: false, from: 1, messages: all.slice(1) });
    const ahead = await new LiveSession(path, ID).start(5);
    expect(ahead).toMatchObject({ reset: true, from: 0, messages: all });
  });

  it('reports a file emptied in place as a reset with no messages', async () => {
    const dir = tempDir();
    const path = writeSession(dir, ID, ['a']);
    const live = new LiveSession(path, ID);
    await live.start();
    writeFileSync(path, '');
    expect(await live.read()).toMatchObject({ reset: true, messages: [] });
  });
});

// Following a growing session: only new bytes, torn lines retried, replaced files restarted.
import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionTail } from '../../src/core/tail';
import { tempDir } from '../support/fixtures';

const meta =
  JSON.stringify({
    type: 'meta',
    title: 'live',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  }) + '\n';
const msg = (text: string, id?: string): string =>
  JSON.stringify({
    type: 'message',
    message: { ...(id && { id }), role: 'user', content: [{ type: 'text', text }] },
  }) + '\n';
const texts = (u: Awaited<ReturnType<SessionTail['read']>>): string[] =>
  u.messages.map((m) => m.message.content[0]!.text!);

describe('SessionTail', () => {
  it('returns only messages appended since the last read, with indexes and line offsets', async () => {
    const path = join(tempDir(), 's.jsonl');
    writeFileSync(path, meta + msg('one'));
    const tail = new SessionTail(path, 's');
    const first = await tail.read();
    expect(texts(first)).toEqual(['one']);
    expect(first.session.title).toBe('live');
    expect(first.messages[0]!.span).toEqual({ offset: meta.length, length: msg('one').length - 1 });
    appendFileSync(path, msg('two') + msg('three'));
    const second = await tail.read();
    expect(second.reset).toBe(false);
    expect(second.messages.map((m) => [m.index, m.message.content[0]!.text])).toEqual([
      [1, 'two'],
      [2, 'three'],
    ]);
    expect(texts(await tail.read())).toEqual([]);
  });

  it('keeps back a torn last line and applies it once the writer completes it', async () => {
    const path = join(tempDir(), 's.jsonl');
    const line = msg('slow');
    writeFileSync(path, meta + line.slice(0, 20));
    const tail = new SessionTail(path, 's');
    const first = await tail.read();
    expect(texts(first)).toEqual([]);
    expect(first.session.skipped_lines).toBe(0);
    appendFileSync(path, line.slice(20));
    expect(texts(await tail.read())).toEqual(['slow']);
  });

  it('applies a complete record that merely lacks its newline, once', async () => {
    const path = join(tempDir(), 's.jsonl');
    writeFileSync(path, meta + msg('a').trimEnd());
    const tail = new SessionTail(path, 's');
    expect(texts(await tail.read())).toEqual(['a']);
    appendFileSync(path, '\n' + msg('b'));
    expect(texts(await tail.read())).toEqual(['b']);
  });

  it('starts over when the file is replaced (Save) or truncated', async () => {
    const dir = tempDir();
    const path = join(dir, 's.jsonl');
    writeFileSync(path, meta + msg('a') + msg('b'));
    const tail = new SessionTail(path, 's');
    await tail.read();
    writeFileSync(join(dir, 'tmp'), meta + msg('x'));
    renameSync(join(dir, 'tmp'), path);
    const replaced = await tail.read();
    expect(replaced.reset).toBe(true);
    expect(replaced.messages.map((m) => [m.index, m.message.content[0]!.text])).toEqual([[0, 'x']]);
    writeFileSync(path, meta);
    const truncated = await tail.read();
    expect(truncated.reset).toBe(true);
    expect(truncated.messages).toEqual([]);
  });

  it('drops messages repeated by id across reads', async () => {
    const path = join(tempDir(), 's.jsonl');
    writeFileSync(path, meta + msg('a', 'msg_1'));
    const tail = new SessionTail(path, 's');
    await tail.read();
    appendFileSync(path, msg('a', 'msg_1') + msg('b', 'msg_2'));
    const next = await tail.read();
    expect(texts(next)).toEqual(['b']);
    expect(next.session.duplicate_messages).toBe(1);
  });
});

describe('SessionTail resumed from a saved state', () => {
  it('continues where it stopped: same indexes, no re-read, dedupe kept', async () => {
    const path = join(tempDir(), 's.jsonl');
    writeFileSync(path, meta + msg('a', 'msg_1') + msg('b'));
    const first = new SessionTail(path, 's');
    await first.read();
    const state = JSON.parse(JSON.stringify(first.state())) as ReturnType<SessionTail['state']>;
    appendFileSync(path, msg('a', 'msg_1') + msg('c'));
    const resumed = new SessionTail(path, 's', state);
    const next = await resumed.read();
    expect(next.reset).toBe(false);
    expect(next.messages.map((m) => [m.index, m.message.content[0]!.text])).toEqual([[2, 'c']]);
  });

  it('starts over when the file was rewritten in place behind its back', async () => {
    const path = join(tempDir(), 's.jsonl');
    writeFileSync(path, meta + msg('a') + msg('b'));
    const first = new SessionTail(path, 's');
    await first.read();
    const state = first.state();
    writeFileSync(path, meta + msg('X') + msg('Y') + msg('Z'));
    const next = await new SessionTail(path, 's', state).read();
    expect(next.reset).toBe(true);
    expect(texts(next)).toEqual(['X', 'Y', 'Z']);
  });
});

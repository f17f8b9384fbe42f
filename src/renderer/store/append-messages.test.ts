import { describe, expect, it } from 'vitest';
import type { SessionAppended } from '../../shared/contract';
import { message, transcript } from '../test-support/transcripts';
import { appendMessages } from './append-messages';

const text = (t: string) => message('user', [{ type: 'text', text: t }]);
const base = transcript('s1', [text('zero'), text('one')]);

function appended(from: number, texts: string[], reset = false): SessionAppended {
  const { msg_count: _count, ...session } = base.session;
  return {
    id: 's1',
    reset,
    from,
    messages: texts.map(text),
    session: { ...session, msg_count: from + texts.length, title: 'Renamed' },
  };
}

describe('appendMessages', () => {
  it('adds messages that start where the transcript ends', () => {
    const next = appendMessages(base, appended(2, ['two', 'three']))!;
    expect(next.messages.map((m) => m.markdown)).toEqual(
      ['zero', 'one', 'two', 'three'].map((t) => text(t).markdown),
    );
    // The shown messages are kept as they are: the view re-renders only the new ones.
    expect(next.messages[0]).toBe(base.messages[0]);
    expect(next.session).toMatchObject({ title: 'Renamed', msg_count: 4 });
  });

  it('skips what the transcript already has when an append overlaps it', () => {
    const next = appendMessages(base, appended(1, ['one', 'two']))!;
    expect(next.messages).toHaveLength(3);
    expect(next.messages[2]!.markdown).toBe(text('two').markdown);
    expect(appendMessages(base, appended(0, ['zero']))!.messages).toBe(base.messages);
  });

  it('replaces the messages from `from` on when the append says so (a message that grew)', () => {
    const next = appendMessages(base, { ...appended(1, ['one, longer', 'two']), replace: true })!;
    expect(next.messages.map((m) => m.markdown)).toEqual(
      ['zero', 'one, longer', 'two'].map((t) => text(t).markdown),
    );
    expect(next.messages[0]).toBe(base.messages[0]);
    expect(next.session.msg_count).toBe(3);
  });

  it('refuses an append after a gap, and a rewrite', () => {
    expect(appendMessages(base, appended(3, ['three']))).toBeNull();
    expect(appendMessages(base, appended(0, ['other'], true))).toBeNull();
  });
});

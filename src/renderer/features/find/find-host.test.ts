import { describe, expect, it } from 'vitest';
import { message, transcript } from '../../test-support/transcripts';
import { FindHost } from './find-host';
import type { FromFindWorker } from './find-protocol';

const page = transcript(
  's',
  Array.from({ length: 600 }, (_, i) => message('user', [{ type: 'text', text: `message ${i}` }])),
);

/** A host whose fetches are answered from `page`, recording the ranges asked for. */
function host() {
  const asked: [number, number][] = [];
  const found: number[] = [];
  const post = (message: FromFindWorker): void => {
    if (message.type === 'fetch') {
      asked.push([message.from, message.to]);
      const messages = page.messages.slice(message.from, message.to);
      queueMicrotask(() =>
        target.receive({ type: 'page', request: message.request, page: { ...page, messages } }),
      );
    }
    if (message.type === 'progress' && message.done) found.push(message.count);
  };
  const target = new FindHost(post);
  return { target, asked, found };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('FindHost made ahead of find', () => {
  it('fetches only the first messages until find is opened, then all of them', async () => {
    const { target, asked } = host();
    target.receive({ type: 'session', total: page.total, checkpoints: [] });
    await settle();
    expect(asked).toEqual([[0, 250]]);
    target.receive({ type: 'open' });
    await settle();
    expect(asked).toEqual([
      [0, 250],
      [250, 500],
      [500, 600],
    ]);
  });

  it('loads everything for a query even when find was not opened', async () => {
    const { target, asked, found } = host();
    target.receive({ type: 'session', total: page.total, checkpoints: [] });
    target.receive({ type: 'query', run: 1, query: 'message 59', caseSensitive: false });
    await settle();
    expect(asked.at(-1)).toEqual([500, 600]);
    // "message 59" and "message 590" to "message 599".
    expect(found.at(-1)).toBe(11);
  });
});

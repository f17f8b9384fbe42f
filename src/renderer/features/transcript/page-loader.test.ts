// The page loader: a page that stops early (the next line is huge and comes as a page of its own)
// is followed by a request from where it stopped, never by the same request again.
import { describe, expect, it } from 'vitest';
import type { TranscriptPage } from '../../../shared/transcript';
import { message, transcript } from '../../test-support/transcripts';
import { PageLoader } from './page-loader';

describe('PageLoader', () => {
  it('asks for the rest of a window from its first missing message', async () => {
    const whole = transcript(
      'p',
      [0, 1, 2].map((i) => message('user', [{ type: 'text', text: `m${i}` }])),
    );
    const have = new Map<number, unknown>([[0, true]]);
    const asked: string[] = [];
    const sink = {
      addPage: (page: TranscriptPage) => (page.messages.forEach((m) => have.set(m.index, m)), true),
      has: (i: number) => have.has(i),
      total: 3,
      complete: true,
    };
    // Message 1 is "huge": a page holding it holds nothing else, and a page before it stops there.
    const fetch = async (from: number, to: number) => {
      asked.push(`${from}-${to}`);
      await new Promise((resolve) => setTimeout(resolve));
      const end = from === 1 ? 2 : Math.min(to, from < 1 ? 1 : to);
      return { ...whole, messages: whole.messages.slice(from, end) };
    };
    const loader = new PageLoader(sink, fetch, () => {
      throw new Error('lost');
    });
    loader.ensure(0, 3);
    await expect.poll(() => have.size).toBe(3);
    expect(asked).toEqual(['1-3', '2-3']);
  });
});

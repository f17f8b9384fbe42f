import { describe, expect, it } from 'vitest';
import { message } from '../../test-support/transcripts';
import { TranscriptRenderer, continues } from './transcript-renderer';

const text = (t: string) => message('user', [{ type: 'text', text: t }]);

/** Runs the renderer's slices until every message is rendered. */
async function renderAll(renderer: TranscriptRenderer, count: number) {
  renderer.start();
  for (let i = 0; i < 100 && [...Array(count).keys()].some((k) => renderer.htmlFor(k) === null); i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('continues', () => {
  const shown = [text('a'), text('b')];

  it('is true for the same messages with more at the end, by identity or by text', () => {
    expect(continues(shown, [...shown, text('c')])).toBe(true);
    expect(continues(shown, [text('a'), text('b'), text('c')])).toBe(true);
    expect(continues([], [text('a')])).toBe(true);
  });

  it('is false when a shown message changed or the list got shorter', () => {
    expect(continues(shown, [text('a'), text('B'), text('c')])).toBe(false);
    expect(continues(shown, [text('a')])).toBe(false);
  });
});

describe('TranscriptRenderer.extendTo', () => {
  it('renders appended messages and keeps what it had', async () => {
    const first = [text('extend one'), text('extend two')];
    const renderer = new TranscriptRenderer(first);
    await renderAll(renderer, 2);
    const kept = renderer.htmlFor(0);
    expect(renderer.extendTo([...first, text('extend **three**')])).toBe(true);
    expect(renderer.extendTo([...first, text('extend **three**')])).toBe(true);
    await renderAll(renderer, 3);
    expect(renderer.htmlFor(0)).toBe(kept);
    expect(renderer.htmlFor(2)).toContain('<strong>three</strong>');
    expect(renderer.htmlFor(3)).toBeNull();
    renderer.stop();
  });

  it('refuses messages that do not continue its own', () => {
    const renderer = new TranscriptRenderer([text('x one'), text('x two')]);
    expect(renderer.extendTo([text('x one'), text('changed'), text('x three')])).toBe(false);
    expect(renderer.htmlFor(2)).toBeNull();
  });
});

// A text too long to draw at once (megabytes of tool output): shown a page at a time with a pager,
// and each page drawn a chunk at a time over a few frames, so no giant string ever reaches the DOM
// in one go and the page stays responsive.
import { countText } from '../../../../shared/count-text';
import { useEffect, useMemo, useState } from 'react';
import { useViewState } from '../TranscriptContext';
import { pageStarts } from './page-starts';

/** Characters drawn per text node, and chunks added per animation frame. */
const CHUNK_CHARS = 16 * 1024;
const CHUNKS_PER_FRAME = 4;

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** `text` in a code block drawn a chunk at a time over a few frames. */
export function PageBody({ text, section, offset }: { text: string; section?: string; offset: number }) {
  const chunks = useMemo(() => {
    const pieces: string[] = [];
    for (let at = 0; at < text.length;) {
      let end = Math.min(text.length, at + CHUNK_CHARS);
      const code = text.charCodeAt(end - 1);
      if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
      pieces.push(text.slice(at, end));
      at = end;
    }
    return pieces;
  }, [text]);
  const [drawn, setDrawn] = useState(Math.min(chunks.length, CHUNKS_PER_FRAME));
  useEffect(() => {
    if (drawn >= chunks.length) return;
    const frame = requestAnimationFrame(() => setDrawn((n) => Math.min(chunks.length, n + CHUNKS_PER_FRAME)));
    return () => cancelAnimationFrame(frame);
  }, [drawn, chunks.length]);
  return (
    <pre>
      <code data-section={section} data-section-offset={offset} aria-busy={drawn < chunks.length}>
        {chunks.slice(0, drawn)}
      </code>
    </pre>
  );
}

/** `text` in pages; the page shown is part `viewKey` of the view state. */
export function PagedText({ text, viewKey, section }: { text: string; viewKey: string; section?: string }) {
  const view = useViewState();
  const starts = useMemo(() => pageStarts(text), [text]);
  const page = Math.min(view.page(viewKey), starts.length - 1);
  const start = starts[page]!;
  const end = starts[page + 1] ?? text.length;
  const pager = starts.length > 1 && (
    <div className="pager" data-find-skip="">
      <button
        type="button"
        className="pill-button pager-button"
        disabled={page === 0}
        onClick={() => view.setPage(viewKey, page - 1)}
      >
        ‹ Previous
      </button>
      <span className="pager-position" data-testid="pager-position">
        Part {countText(page + 1)} of {countText(starts.length)} · from line{' '}
        {countText(lineNumberAt(text, start))}
      </span>
      <button
        type="button"
        className="pill-button pager-button"
        data-testid="pager-next"
        disabled={page === starts.length - 1}
        onClick={() => view.setPage(viewKey, page + 1)}
      >
        Next ›
      </button>
    </div>
  );
  return (
    <>
      {pager}
      <PageBody key={page} text={text.slice(start, end)} section={section} offset={start} />
      {pager}
    </>
  );
}

// The rest of a string cut from a huge line (see CutText): how much of it was not sent, and "Show
// all", which pages through the rest a piece (about a megabyte) at a time, each fetched when shown
// and let go when another is, so the tab never holds the whole text.
import { countText } from '../../../../shared/count-text';
import { useEffect, useRef, useState } from 'react';
import type { CutText, TextPiece } from '../../../../shared/transcript';
import { useTranscriptData, useViewState } from '../TranscriptContext';
import { PageBody } from './PagedText';

const MB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The note and pager under the head of a cut string of message `message`. */
export function CutRest({ cut, message, viewKey }: { cut: CutText; message: number; viewKey: string }) {
  const view = useViewState();
  const data = useTranscriptData();
  const open = view.isOpen(`${viewKey}.rest`);
  // Where each piece seen so far starts: the next one's start is known once a piece has come.
  const starts = useRef<number[]>([cut.next]);
  const [part, setPart] = useState(0);
  // The answer for a part; while the part shown has none yet, it is loading.
  const [answer, setAnswer] = useState<{ part: number; piece?: TextPiece; error?: string } | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    data.fetchText(message, starts.current[part]!).then(
      (found) => {
        if (!live) return;
        if (found.next !== null && starts.current.length === part + 1) starts.current.push(found.next);
        setAnswer({ part, piece: found });
      },
      (failure: unknown) =>
        live && setAnswer({ part, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      live = false;
    };
  }, [open, part, data, message]);
  const piece = answer?.part === part ? (answer.piece ?? null) : null;
  const error = answer?.part === part ? (answer.error ?? null) : null;
  const note = (
    <div className="cut-note" data-testid="cut-note" data-find-skip="">
      Only the start is shown: the whole text is {size(cut.stored_bytes)}.
      <button
        type="button"
        className="pill-button show-all"
        data-testid="show-rest"
        onClick={() => view.set(`${viewKey}.rest`, !open)}
      >
        {open ? 'Hide the rest' : 'Show all'}
      </button>
    </div>
  );
  if (!open) return note;
  const last = piece !== null && piece.next === null;
  return (
    <>
      {note}
      <div className="pager" data-find-skip="">
        <button
          type="button"
          className="pill-button pager-button"
          disabled={part === 0}
          onClick={() => setPart(part - 1)}
        >
          ‹ Previous
        </button>
        <span className="pager-position" data-testid="rest-position">
          Rest, part {countText(part + 1)} of about{' '}
          {countText(Math.max(part + 1, Math.ceil(cut.stored_bytes / MB)))}
        </span>
        <button
          type="button"
          className="pill-button pager-button"
          data-testid="rest-next"
          disabled={piece === null || last}
          onClick={() => setPart(part + 1)}
        >
          Next ›
        </button>
      </div>
      {error !== null ? (
        <div className="cut-error" role="alert">
          {error}
        </div>
      ) : piece === null ? (
        <div className="cut-loading" aria-busy="true">
          Loading…
        </div>
      ) : (
        <div className="code-block" data-testid="rest-piece">
          <PageBody key={part} text={piece.text} offset={0} />
        </div>
      )}
    </>
  );
}

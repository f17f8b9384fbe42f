// The rest of a string cut from a huge line (see CutText): how much of it was not sent, and "Show
// all", which pages through the rest a piece (about a megabyte) at a time, each fetched when shown
// and let go when another is, so the tab never holds the whole text.
import { countText } from '../../../../shared/count-text';
import { useEffect, useState } from 'react';
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
  const restKey = `${viewKey}.rest`;
  const open = view.isOpen(restKey);
  // The part shown and where the parts start are in the view state, so find can open the rest at
  // the part its match is in (and the part stays while the message scrolls out of the list).
  const part = view.page(restKey);
  const startOf = (p: number) => (p === 0 ? cut.next : view.restStart(restKey, p));
  const start = startOf(part);
  // The answer for a part; while the part shown has none yet, it is loading.
  const [answer, setAnswer] = useState<{ part: number; piece?: TextPiece; error?: string } | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    // A part whose start is not known yet: the nearest part before it with a known start is
    // fetched to learn where the next one starts, until the part's own start is known.
    let known = part;
    while (startOf(known) === undefined) known--;
    data.fetchText(message, startOf(known)!).then(
      (found) => {
        if (!live) return;
        if (found.next !== null) view.setRestStart(restKey, known + 1, found.next);
        if (known === part) setAnswer({ part, piece: found });
      },
      (failure: unknown) =>
        live && setAnswer({ part, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      live = false;
    };
    // startOf reads the view state, which `start` follows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, part, start, data, message, restKey]);
  const piece = answer?.part === part ? (answer.piece ?? null) : null;
  const error = answer?.part === part ? (answer.error ?? null) : null;
  const note = (
    <div className="cut-note" data-testid="cut-note" data-find-skip="">
      Only the start is shown: the whole text is {size(cut.stored_bytes)}.
      <button
        type="button"
        className="pill-button show-all"
        data-testid="show-rest"
        onClick={() => view.set(restKey, !open)}
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
          onClick={() => view.setPage(restKey, part - 1)}
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
          onClick={() => view.setPage(restKey, part + 1)}
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
        <div className="code-block" data-testid="rest-piece" data-rest-part={part}>
          <PageBody key={part} text={piece.text} section={restKey} offset={0} />
        </div>
      )}
    </>
  );
}

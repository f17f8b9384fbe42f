// "Deleted “title” · Undo": where the deleted session's header was, for a while after a delete
// (focus on Undo, so Enter takes it back), then what Undo did.
import { useEffect, useRef } from 'react';
import { Name } from '../../app/Name';
import { useAppStore } from '../../store/store-context';

/** How long the offer stays when nothing in it has focus. */
const UNDO_MS = 15_000;

/** The bar; nothing when there is no deletion to undo or to report. */
export function UndoBar() {
  const undoable = useAppStore((s) => s.undoable);
  const done = useAppStore((s) => (s.status?.place === 'delete' ? s.status : null));
  const undoDelete = useAppStore((s) => s.undoDelete);
  const dismissUndo = useAppStore((s) => s.dismissUndo);
  const bar = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!undoable) return;
    undoButton.current?.focus();
    const timer = setInterval(() => {
      if (!bar.current?.contains(document.activeElement)) dismissUndo();
    }, UNDO_MS);
    return () => clearInterval(timer);
  }, [undoable, dismissUndo]);

  if (!undoable && !done) return null;
  return (
    <div ref={bar} className="undo-bar" data-testid="undo-bar" role="status">
      {undoable ? (
        <>
          <span className="undo-text">
            Deleted “<Name text={undoable.title} fallback="Untitled session" testId="status-name" />”
          </span>
          <button
            ref={undoButton}
            type="button"
            className="button primary"
            data-testid="undo-delete"
            onClick={() => void undoDelete()}
          >
            Undo
          </button>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissUndo}>
            ✕
          </button>
        </>
      ) : (
        <span className="undo-text">
          {done!.text} “<Name text={done!.name ?? ''} fallback="Untitled session" />”
        </span>
      )}
    </div>
  );
}

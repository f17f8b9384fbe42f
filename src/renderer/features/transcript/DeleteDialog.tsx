// Confirmation before a session file is deleted (it cannot be undone from here).
import { useEffect, useRef } from 'react';
import { Name } from '../../app/Name';
import { useAppStore } from '../../store/store-context';

/** The modal confirmation for deleting session `title`. */
export function DeleteDialog({ title }: { title: string }) {
  const confirmDelete = useAppStore((s) => s.confirmDelete);
  const cancelDelete = useAppStore((s) => s.cancelDelete);
  const cancel = useRef<HTMLButtonElement>(null);

  // The safe choice has focus, so a stray Enter does not delete.
  useEffect(() => cancel.current?.focus(), []);

  return (
    <div className="dialog-backdrop" onClick={cancelDelete}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="delete-title"
        aria-describedby="delete-text"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="delete-title">Delete this session?</h2>
        <p id="delete-text">
          “<Name text={title} fallback="Untitled session" />” will be removed from the session folder. This
          cannot be undone.
        </p>
        <div className="dialog-actions">
          <button
            ref={cancel}
            type="button"
            className="button"
            data-testid="cancel-delete"
            onClick={cancelDelete}
          >
            Cancel
          </button>
          <button
            type="button"
            className="button danger"
            data-testid="confirm-delete"
            onClick={() => void confirmDelete()}
          >
            Delete
          </button>
        </div>
      </div>
    </div>
  );
}

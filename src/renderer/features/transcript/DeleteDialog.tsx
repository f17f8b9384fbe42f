// Confirmation before a session is deleted: a modal dialog (focus stays inside it) whose safe
// choice has focus.
import { useEffect, useRef } from 'react';
import { Name } from '../../app/Name';
import { useModal } from '../../app/use-modal';
import { useAppStore } from '../../store/store-context';

/** The modal confirmation for deleting session `title`. */
export function DeleteDialog({ title }: { title: string }) {
  const confirmDelete = useAppStore((s) => s.confirmDelete);
  const cancelDelete = useAppStore((s) => s.cancelDelete);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const onKeyDown = useModal(dialog, cancelDelete);

  // The safe choice has focus, so a stray Enter does not delete.
  useEffect(() => cancel.current?.focus(), []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="delete-title"
      aria-describedby="delete-text"
      data-testid="delete-dialog"
      onKeyDown={onKeyDown}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(event) => {
        if (event.target === event.currentTarget) cancelDelete();
      }}
    >
      <div className="dialog-body">
        <h2 id="delete-title">Delete this session?</h2>
        <p id="delete-text">
          “<Name text={title} fallback="Untitled session" />” will be moved from the session folder to this
          app’s trash. You can undo this right after, and it is kept there for 30 days.
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
    </dialog>
  );
}

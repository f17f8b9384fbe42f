// The one-line status at the bottom: confirmations and errors, announced to screen readers, and
// a lasting note when the list skipped unreadable entries of the folder (FIFOs, folders, ...).
import { unreadableNote } from '../../shared/unreadable';
import { useAppStore } from '../store/store-context';
import { Name } from './Name';

/** The status line (always present, empty when there is nothing to say). */
export function StatusLine() {
  // A confirmation shown beside its action is not repeated here.
  const status = useAppStore((s) => (s.status?.place === undefined ? s.status : null));
  const clearStatus = useAppStore((s) => s.clearStatus);
  const unreadable = unreadableNote(useAppStore((s) => s.unreadable));
  return (
    <footer className="status-bar">
      <div
        className={status?.tone === 'error' ? 'status status-error' : 'status'}
        data-testid="status"
        role="status"
        aria-live="polite"
      >
        {/* Error lines can quote what a transcript holds: their controls are shown too. */}
        {status && <Name text={status.text} />}
        {status?.name !== undefined && (
          <>
            {' “'}
            <Name text={status.name} fallback="Untitled session" testId="status-name" />”
          </>
        )}
      </div>
      {status?.tone === 'error' && (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={clearStatus}>
          ✕
        </button>
      )}
      {unreadable !== null && (
        <div
          className="status-note"
          data-testid="unreadable-note"
          title="Entries named like sessions, index.json or locks that are not regular files inside this folder"
        >
          {unreadable}
        </div>
      )}
    </footer>
  );
}

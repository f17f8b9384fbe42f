// What can be done with the open session: star, find, copy, export, name and tag, and (set apart,
// as it removes the session) delete. Each confirms beside itself.
import { Feedback } from '../../app/Feedback';
import { useAppStore } from '../../store/store-context';

/** The action buttons of the transcript header; `ready` once the transcript has loaded. */
export function SessionActions({ id, ready }: { id: string; ready: boolean }) {
  const mode = useAppStore((s) => s.mode);
  const starred = useAppStore((s) => s.annotations[id]?.starred === true);
  const toggleStar = useAppStore((s) => s.toggleStar);
  const openFind = useAppStore((s) => s.openFind);
  const copyMarkdown = useAppStore((s) => s.copyMarkdown);
  const saveMarkdown = useAppStore((s) => s.saveMarkdown);
  const openNotesEditor = useAppStore((s) => s.openNotesEditor);
  const requestDelete = useAppStore((s) => s.requestDelete);
  return (
    <div className="header-actions" role="group" aria-label="Session actions">
      <span className="action">
        <button
          type="button"
          className={starred ? 'button star on' : 'button star'}
          data-testid="star-toggle"
          aria-pressed={starred}
          title="Star (s)"
          onClick={() => void toggleStar(id)}
        >
          <span aria-hidden="true">{starred ? '★' : '☆'}</span> {starred ? 'Starred' : 'Star'}
        </button>
        <Feedback place="star" />
      </span>
      <button type="button" className="button" onClick={openFind} disabled={!ready} title="Find (Ctrl+F)">
        Find
      </button>
      <span className="action">
        <button
          type="button"
          className="button"
          data-testid="copy-markdown"
          title="Copy as Markdown (c)"
          onClick={() => void copyMarkdown()}
        >
          Copy Markdown
        </button>
        <Feedback place="copy" />
      </span>
      <span className="action">
        <button
          type="button"
          className="button"
          data-testid="save-markdown"
          title="Export (e)"
          onClick={() => void saveMarkdown()}
        >
          {mode === 'electron' ? 'Save As…' : 'Download'}
        </button>
        <Feedback place="save" />
      </span>
      <span className="action">
        <button
          type="button"
          className="button"
          data-testid="edit-notes"
          title="Display name, tags and note (r)"
          aria-label="Edit display name, tags and note"
          onClick={openNotesEditor}
        >
          Edit…
        </button>
        <Feedback place="notes" />
      </span>
      <button
        type="button"
        className="button quiet-danger"
        data-testid="delete-session"
        title="Delete (Delete)"
        onClick={requestDelete}
      >
        Delete…
      </button>
    </div>
  );
}

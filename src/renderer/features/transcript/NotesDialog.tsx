// The open session's display name, tags and note, edited in a modal dialog; kept by the backend
// in the app's data folder (never in the session's file).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  patchProblem,
  type AnnotationPatch,
} from '../../../shared/annotation';
import { Name } from '../../app/Name';
import { useModal } from '../../app/use-modal';
import { useAppStore } from '../../store/store-context';

/** Tags typed as a comma-separated list. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The editor for session `id`, whose stored title is `title`. */
export function NotesDialog({ id, title }: { id: string; title: string }) {
  const current = useAppStore((s) => s.annotations[id]);
  const annotate = useAppStore((s) => s.annotate);
  const close = useAppStore((s) => s.closeNotesEditor);
  const showStatus = useAppStore((s) => s.showStatus);
  const [name, setName] = useState(current?.name ?? '');
  const [tags, setTags] = useState((current?.tags ?? []).join(', '));
  const [note, setNote] = useState(current?.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const onKeyDown = useModal(dialog, close);
  const first = useRef<HTMLInputElement>(null);

  // After useModal has noted what had focus: the first field takes it.
  useEffect(() => first.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const patch: AnnotationPatch = { name, tags: parseTags(tags), note };
    const why = patchProblem(patch);
    if (why !== null) {
      setProblem(why);
      return;
    }
    if (await annotate(id, patch)) {
      close();
      showStatus('Saved', 'info', undefined, 'notes');
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog notes-dialog"
      aria-labelledby="notes-title"
      data-testid="notes-dialog"
      onKeyDown={onKeyDown}
      onClick={(event) => {
        if (event.target === event.currentTarget) close();
      }}
    >
      <form className="dialog-body" onSubmit={(event) => void save(event)}>
        <h2 id="notes-title">Name, tags and note</h2>
        <p className="dialog-hint">
          Kept by this app only; the session’s file is not changed. Stored title: “
          <Name text={title} fallback="Untitled session" />”
        </p>
        <label className="field">
          <span>Display name</span>
          <input
            data-testid="notes-name"
            value={name}
            maxLength={MAX_NAME_LENGTH}
            placeholder="The stored title"
            ref={first}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Tags, separated by commas</span>
          <input
            data-testid="notes-tags"
            value={tags}
            placeholder="bug, ui"
            onChange={(e) => setTags(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Note</span>
          <textarea
            data-testid="notes-note"
            value={note}
            maxLength={MAX_NOTE_LENGTH}
            rows={5}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        {problem !== null && (
          <p className="error-text" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" data-testid="notes-cancel" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" data-testid="notes-save">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}

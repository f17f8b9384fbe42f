// What the list shows instead of rows, always saying what to do next.
import { Name } from '../../app/Name';
import { useAppStore } from '../../store/store-context';
import { isNarrowed } from '../../model/list-view';

/** The empty state for the current situation, or null when there are rows to show. */
export function EmptyState() {
  const info = useAppStore((s) => s.info);
  const listState = useAppStore((s) => s.listState);
  const listError = useAppStore((s) => s.listError);
  const total = useAppStore((s) => s.sessions.length);
  const shown = useAppStore((s) => s.visible.length);
  const view = useAppStore((s) => s.view);
  const mode = useAppStore((s) => s.mode);
  const chooseFolder = useAppStore((s) => s.chooseFolder);
  const clearFilter = useAppStore((s) => s.clearFilter);
  const loadList = useAppStore((s) => s.loadList);

  if (listState === 'idle' || listState === 'loading') {
    return (
      <div className="list-message" role="status">
        Loading sessions…
      </div>
    );
  }
  // Only the app can switch folders; in a browser the server was started on one.
  const elsewhere =
    mode === 'electron' ? 'or open another folder' : 'or serve another folder (sessions --dir DIR serve)';
  const openFolder =
    mode === 'electron' ? (
      <button type="button" className="button" onClick={() => void chooseFolder()}>
        Open another folder…
      </button>
    ) : null;

  if (listState === 'error') {
    return (
      <div className="empty-state" data-testid="empty-state">
        <p>Could not read the sessions: {listError}</p>
        <p>Check that the folder is readable, then try again.</p>
        <button type="button" className="button" onClick={() => void loadList()}>
          Try again
        </button>
        {openFolder}
      </div>
    );
  }
  if (info && !info.exists) {
    return (
      <div className="empty-state" data-testid="empty-state">
        <p>
          No session folder at <Name text={info.dir} />. Run ggcode once, {elsewhere}.
        </p>
        {openFolder}
      </div>
    );
  }
  if (total === 0) {
    return (
      <div className="empty-state" data-testid="empty-state">
        <p>
          No sessions in {info ? <Name text={info.dir} /> : 'the session folder'} yet. Run ggcode to record
          one; it appears here ({elsewhere}).
        </p>
        {openFolder}
      </div>
    );
  }
  if (shown === 0) {
    const typed = view.filter.trim() !== '';
    return (
      <div className="empty-state" data-testid="empty-state">
        {typed ? (
          <p>
            No session’s title, id, model, vendor or folder has “<Name text={view.filter.trim()} />
            ”. Press Enter to search inside every session, or Esc to clear the box.
          </p>
        ) : (
          <p>No session matches the chosen filters.</p>
        )}
        {isNarrowed(view) && (
          <button type="button" className="button" onClick={() => clearFilter()}>
            Clear filter
          </button>
        )}
      </div>
    );
  }
  return null;
}

// What the list shows instead of rows, always saying what to do next.
import { Name } from '../../app/Name';
import { useAppStore } from '../../store/store-context';
import { isNarrowed } from './list-view';

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
    return <div className="list-message">Loading sessions…</div>;
  }
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
          No session folder at <Name text={info.dir} />. Run ggcode once, or open another folder.
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
          one; it appears here.
        </p>
        {openFolder}
      </div>
    );
  }
  if (shown === 0) {
    const what =
      view.filter.trim() !== '' ? `“${view.filter.trim()}”` : 'the chosen vendors, models and dates';
    return (
      <div className="empty-state" data-testid="empty-state">
        <p>No session matches {what}. Press Esc to clear the filter.</p>
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

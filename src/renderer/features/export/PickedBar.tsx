// Above the list while sessions are picked (Ctrl/Cmd+click on rows): how many, export them as one
// zip (through the export dialog: format and redaction), or clear the pick.
import { useAppStore } from '../../store/store-context';

/** The bar, when anything is picked. */
export function PickedBar() {
  const picked = useAppStore((s) => s.picked);
  const openExport = useAppStore((s) => s.openExport);
  const clearPicked = useAppStore((s) => s.clearPicked);
  if (picked.length === 0) return null;
  return (
    <div className="picked-bar" data-testid="picked-bar" role="group" aria-label="Picked sessions">
      <span data-testid="picked-count">
        {picked.length} {picked.length === 1 ? 'session' : 'sessions'} picked
      </span>
      <button
        type="button"
        className="button primary"
        data-testid="export-picked"
        onClick={() => openExport(picked)}
      >
        Export as zip…
      </button>
      <button
        type="button"
        className="pill-button link-button"
        data-testid="clear-picked"
        onClick={clearPicked}
      >
        Clear
      </button>
    </div>
  );
}

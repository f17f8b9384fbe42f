// In a narrow window the sidebar is a drawer: this strip above the transcript opens it.
import { useAppStore } from '../store/store-context';

/** The drawer's toggle; nothing in a wide window. */
export function DrawerBar() {
  const narrow = useAppStore((s) => s.narrow);
  const drawerOpen = useAppStore((s) => s.drawerOpen);
  const openDrawer = useAppStore((s) => s.openDrawer);
  if (!narrow) return null;
  return (
    <div className="drawer-bar">
      <button
        type="button"
        className="button"
        data-testid="drawer-toggle"
        aria-controls="sidebar"
        aria-expanded={drawerOpen}
        onClick={openDrawer}
      >
        <span aria-hidden="true">☰</span> Sessions
      </button>
      <span className="brand-name">Transcripts</span>
    </div>
  );
}

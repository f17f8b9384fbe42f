// The strip above the list: app name, the folder being shown, the search and usage toggles,
// folder choice and theme switch.
import { useAppStore } from '../store/store-context';
import { Name } from './Name';

const THEME_LABELS = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' } as const;

/** The top bar of the list pane. */
export function TopBar() {
  const info = useAppStore((s) => s.info);
  const mode = useAppStore((s) => s.mode);
  const theme = useAppStore((s) => s.theme);
  const cycleTheme = useAppStore((s) => s.cycleTheme);
  const chooseFolder = useAppStore((s) => s.chooseFolder);
  const searchOpen = useAppStore((s) => s.searchOpen);
  const openSearch = useAppStore((s) => s.openSearch);
  const closeSearch = useAppStore((s) => s.closeSearch);
  const usageOpen = useAppStore((s) => s.usage.open);
  const openUsage = useAppStore((s) => s.openUsage);
  const closeUsage = useAppStore((s) => s.closeUsage);
  const runSearch = useAppStore((s) => s.runSearch);
  const hasText = useAppStore((s) => s.view.filter.trim() !== '');
  const openShortcuts = useAppStore((s) => s.openShortcuts);
  return (
    <div className="top-bar">
      <div className="brand">
        <span className="brand-name">Transcripts</span>
        {info && (
          <span className="folder">
            <Name text={info.dir} tooltip />
          </span>
        )}
      </div>
      <div className="top-actions">
        <button
          type="button"
          className="icon-button"
          data-testid="search-toggle"
          title="Search all sessions (Ctrl+Shift+F)"
          aria-label="Search all sessions"
          aria-pressed={searchOpen}
          onClick={searchOpen ? closeSearch : hasText ? runSearch : openSearch}
        >
          <svg className="icon" viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
            <circle cx="6.5" cy="6.5" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="M10 10l4.25 4.25" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="usage-toggle"
          title="Usage: tokens and cost"
          aria-label="Usage"
          aria-pressed={usageOpen}
          onClick={usageOpen ? closeUsage : openUsage}
        >
          <svg className="icon" viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
            <path
              d="M2.5 13.5V8M6.5 13.5V3M10.5 13.5V6M14 13.5H1.5"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
            />
          </svg>
        </button>
        {mode === 'electron' && (
          <button
            type="button"
            className="icon-button"
            title="Open another folder"
            aria-label="Open another folder"
            onClick={() => void chooseFolder()}
          >
            📂
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          data-testid="shortcuts-button"
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="?"
          onClick={openShortcuts}
        >
          ?
        </button>
        <button
          type="button"
          className="icon-button"
          title={THEME_LABELS[theme]}
          aria-label={THEME_LABELS[theme]}
          onClick={cycleTheme}
        >
          {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
        </button>
      </div>
    </div>
  );
}

// The strip above the list: app name, the folder being shown, folder choice and theme switch.
import { useAppStore } from '../store/store-context';

const THEME_LABELS = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' } as const;

/** The top bar of the list pane. */
export function TopBar() {
  const info = useAppStore((s) => s.info);
  const mode = useAppStore((s) => s.mode);
  const theme = useAppStore((s) => s.theme);
  const cycleTheme = useAppStore((s) => s.cycleTheme);
  const chooseFolder = useAppStore((s) => s.chooseFolder);
  return (
    <div className="top-bar">
      <div className="brand">
        <span className="brand-name">Transcripts</span>
        {info && (
          <span className="folder" title={info.dir}>
            <bdi>{info.dir}</bdi>
          </span>
        )}
      </div>
      <div className="top-actions">
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

// The theme choice, remembered in localStorage and applied as <html data-theme>.
import type { Theme } from '../store/app-state';

const KEY = 'transcripts.theme';

/** The saved theme, or 'system' when none was saved (or storage is unavailable). */
export function loadTheme(storage: Storage | null): Theme {
  try {
    const saved = storage?.getItem(KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

/** Saves `theme` for the next start. */
export function saveTheme(storage: Storage | null, theme: Theme): void {
  try {
    if (theme === 'system') storage?.removeItem(KEY);
    else storage?.setItem(KEY, theme);
  } catch {
    // Storage can be disabled; the choice then lasts for this window only.
  }
}

/** Applies `theme` to the document: 'system' leaves it to prefers-color-scheme. */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

// What the page does when the app's code cannot be fetched (a dropped connection while it
// loaded, or a build replaced under a running server): one reload fetches it again, since a
// failed module stays failed in this page; a second failure says so instead of a blank page.

/** The session-storage key that marks the one reload already spent. */
export const RELOAD_KEY = 'transcripts:reloaded-after-failed-load';

/** The part of `window` this needs. */
export interface RecoveryWindow {
  sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  location: Pick<Location, 'reload'>;
  document: Pick<Document, 'getElementById' | 'createElement'>;
}

/** Reloads once; after a reload already spent, shows a one-line error in the page. */
export function recoverFromFailedLoad(win: RecoveryWindow, error: unknown): void {
  let reloaded = true;
  try {
    reloaded = win.sessionStorage.getItem(RELOAD_KEY) !== null;
    if (!reloaded) win.sessionStorage.setItem(RELOAD_KEY, '1');
  } catch {
    // No storage (a sandboxed page): never reload, so a lasting failure cannot loop.
  }
  if (!reloaded) {
    win.location.reload();
    return;
  }
  try {
    win.sessionStorage.removeItem(RELOAD_KEY);
  } catch {
    // As above.
  }
  const root = win.document.getElementById('root');
  if (!root) return;
  const line = win.document.createElement('p');
  line.setAttribute('role', 'alert');
  line.setAttribute('data-testid', 'load-error');
  const reason = error instanceof Error ? error.message : String(error);
  line.textContent = `Transcripts could not load its code (${reason}). Reload the page to try again.`;
  root.replaceChildren(line);
}

/** Forgets the spent reload once the app has loaded, so a later failure may reload again. */
export function loadSucceeded(win: Pick<RecoveryWindow, 'sessionStorage'>): void {
  try {
    win.sessionStorage.removeItem(RELOAD_KEY);
  } catch {
    // As above.
  }
}

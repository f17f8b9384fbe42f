import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RELOAD_KEY, loadSucceeded, recoverFromFailedLoad, type RecoveryWindow } from './load-recovery';

/** A window over jsdom's document and session storage, whose reload is counted. */
function fakeWindow(storage: RecoveryWindow['sessionStorage'] = window.sessionStorage) {
  const reload = vi.fn();
  const win: RecoveryWindow = { sessionStorage: storage, location: { reload }, document };
  return { win, reload };
}

const failure = new TypeError('Failed to fetch dynamically imported module: /assets/boot.js');

describe('a failed load of the app code', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    document.body.innerHTML = '<div id="root"></div>';
  });

  it('reloads once, then says so in one line instead of a blank page', () => {
    const { win, reload } = fakeWindow();
    recoverFromFailedLoad(win, failure);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(document.getElementById('root')!.textContent).toBe('');

    recoverFromFailedLoad(win, failure);
    expect(reload).toHaveBeenCalledTimes(1);
    const line = document.querySelector('[data-testid="load-error"]')!;
    expect(line.getAttribute('role')).toBe('alert');
    expect(line.textContent).toBe(
      'Transcripts could not load its code (Failed to fetch dynamically imported module: /assets/boot.js). Reload the page to try again.',
    );
    // The next failure (after the user reloads) may reload again.
    expect(window.sessionStorage.getItem(RELOAD_KEY)).toBeNull();
  });

  it('a load that succeeds gives the reload back', () => {
    const { win, reload } = fakeWindow();
    recoverFromFailedLoad(win, failure);
    loadSucceeded(win);
    recoverFromFailedLoad(win, failure);
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('never reloads without storage, so a lasting failure cannot loop', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const { win, reload } = fakeWindow(broken);
    recoverFromFailedLoad(win, 'offline');
    expect(reload).not.toHaveBeenCalled();
    expect(document.querySelector('[data-testid="load-error"]')!.textContent).toContain('(offline)');
  });

  it('the message is text, whatever the error says', () => {
    const { win } = fakeWindow();
    window.sessionStorage.setItem(RELOAD_KEY, '1');
    recoverFromFailedLoad(win, new Error('<img src=x onerror=alert(1)>'));
    expect(document.querySelector('img')).toBeNull();
  });
});

// The app's keyboard: list navigation (arrows, j/k, Enter), Ctrl/Cmd+K to filter, Ctrl/Cmd+F to
// find, Ctrl/Cmd+Shift+F to search every session, and Esc to back out of the dialog, find, search
// or filter, in that order.
import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import type { AppStore } from '../store/app-store';
import { useAppStoreApi } from '../store/store-context';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function focusById(id: string): void {
  const element = document.getElementById(id);
  if (element instanceof HTMLInputElement) {
    element.focus();
    element.select();
  }
}

/** Handles one keydown; returns true when the key was used (and its default must not run). */
function handleKey(event: KeyboardEvent, store: AppStore): boolean {
  const state = store.getState();
  const command = event.ctrlKey || event.metaKey;
  const target = event.target;
  const inFilter = target instanceof HTMLElement && target.id === 'session-filter';
  const inTranscript = target instanceof HTMLElement && target.closest('.transcript-pane') !== null;

  if (command && !event.altKey && event.key.toLowerCase() === 'k') {
    // The filter field is hidden while searching: it must be shown before it can take focus.
    if (state.searchOpen) flushSync(() => state.closeSearch());
    focusById('session-filter');
    return true;
  }
  if (command && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f') {
    state.openSearch();
    return true;
  }
  if (command && !event.altKey && event.key.toLowerCase() === 'f') {
    if (state.transcript === null) return false;
    state.openFind();
    return true;
  }
  if (event.key === 'F3' && state.find.open) {
    if (event.shiftKey) state.findPrev();
    else state.findNext();
    return true;
  }
  if (event.key === 'Escape') {
    if (state.confirmingDelete) state.cancelDelete();
    else if (state.find.open) state.closeFind();
    else if (state.searchOpen) {
      // The list filter is hidden while searching: Esc there would change what cannot be seen.
      if (inTranscript) return false;
      if (state.search.query !== '') state.setSearchQuery('');
      else state.closeSearch();
    } else if (!state.clearFilter()) return false;
    return true;
  }
  if (command || event.altKey || state.confirmingDelete) return false;
  // The search pane moves between its hits itself.
  if (state.searchOpen && !inTranscript) return false;
  // Arrows scroll the transcript when it has focus, and work from the filter field too.
  const listKeys = !inTranscript && (inFilter || !isTextField(target));
  const letterKeys = listKeys && !inFilter;
  if ((event.key === 'ArrowDown' && listKeys) || (event.key === 'j' && letterKeys)) {
    state.moveSelection(1);
    return true;
  }
  if ((event.key === 'ArrowUp' && listKeys) || (event.key === 'k' && letterKeys)) {
    state.moveSelection(-1);
    return true;
  }
  if (event.key === 'Enter' && listKeys && !(target instanceof HTMLButtonElement)) {
    state.openSelected();
    document.querySelector<HTMLElement>('[data-testid="transcript-body"]')?.focus();
    return true;
  }
  return false;
}

/** Installs the keyboard handler on the window. */
export function useKeyboard(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (handleKey(event, store)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

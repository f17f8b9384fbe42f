// The app's keyboard (the `?` overlay lists it: shortcuts.ts). List and results: arrows and j/k
// move, Enter opens. Ctrl/Cmd+K or / go to the box, Ctrl/Cmd+Shift+F searches every session,
// Ctrl/Cmd+F finds in the transcript. n / Shift+N and F3 / Shift+F3 step through search hits (or
// find matches). Alt+Left / Alt+Right (Cmd+[ / Cmd+] on macOS) go back and forward between
// opened sessions. c copies, e exports, s stars, r renames and tags, Delete deletes. Esc backs out of the innermost thing
// (dialog, find, results, box text, drawer, filters) and focus goes back where it came from.
import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { hasChosen } from '../model/list-view';
import { moveInResults } from '../features/search/SearchPanel';
import type { AppStore } from '../store/app-store';
import { useAppStoreApi } from '../store/store-context';
import { restoreFocus } from './focus';
import { isMac } from './shortcuts';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** What had focus before a shortcut sent it to the box: Esc there gives it back. */
let boxOpener: Element | null = null;

function focusBox(): void {
  const box = document.getElementById('session-filter');
  if (!(box instanceof HTMLInputElement)) return;
  if (document.activeElement !== box) boxOpener = document.activeElement;
  box.focus();
  box.select();
}

/** Steps to the next (1) or previous (-1) search hit, or else find match; false when neither. */
function stepHit(store: AppStore, step: 1 | -1): boolean {
  const state = store.getState();
  if (state.hits !== null && state.hits.id === state.selectedId && (state.hits.matches?.length ?? 0) > 0) {
    if (step === 1) state.hitNext();
    else state.hitPrev();
    return true;
  }
  if (state.find.open && state.find.count > 0) {
    if (step === 1) state.findNext();
    else state.findPrev();
    return true;
  }
  return false;
}

/** Esc: backs out of the innermost thing open; false when there was nothing. */
function escape(store: AppStore, target: HTMLElement | null): boolean {
  const state = store.getState();
  const inTranscript = target?.closest('.transcript-pane') != null;
  if (state.find.open) state.closeFind();
  // In the transcript, Esc is the reader's own (the results stay where they are).
  else if (state.searchOpen && !inTranscript) {
    state.closeSearch();
    focusBox();
  } else if (!inTranscript && state.view.filter !== '') state.setFilter('');
  else if (state.narrow && state.drawerOpen) state.closeDrawer();
  else if (!inTranscript && hasChosen(state.view)) state.clearChosen();
  else if (target?.id === 'session-filter' && boxOpener !== null) {
    restoreFocus(boxOpener);
    boxOpener = null;
  } else return false;
  return true;
}

/** Handles one keydown; returns true when the key was used (and its default must not run). */
function handleKey(event: KeyboardEvent, store: AppStore): boolean {
  const state = store.getState();
  const mac = isMac();
  const command = event.ctrlKey || event.metaKey;
  const target = event.target instanceof HTMLElement ? event.target : null;
  const key = event.key;
  const lower = key.toLowerCase();

  // A dialog keeps every key but its own Esc (and Tab, which it wraps itself).
  if (state.confirmingDelete || state.shortcutsOpen || state.editingNotes) {
    if (key !== 'Escape') return false;
    if (state.confirmingDelete) state.cancelDelete();
    else if (state.editingNotes) state.closeNotesEditor();
    else state.closeShortcuts();
    return true;
  }

  const back = mac ? event.metaKey && key === '[' : event.altKey && !command && key === 'ArrowLeft';
  const forward = mac ? event.metaKey && key === ']' : event.altKey && !command && key === 'ArrowRight';
  if (back || forward) {
    if (back) state.goBack();
    else state.goForward();
    return true;
  }
  if (command && !event.altKey && !event.shiftKey && lower === 'k') {
    // Results hide the list: Ctrl+K means the list, so they close first.
    if (state.searchOpen) flushSync(() => state.closeSearch());
    if (state.narrow && !state.drawerOpen) flushSync(() => state.openDrawer());
    focusBox();
    return true;
  }
  if (command && event.shiftKey && !event.altKey && lower === 'f') {
    if (state.narrow && !state.drawerOpen) flushSync(() => state.openDrawer());
    if (state.view.filter.trim() !== '') state.runSearch();
    else state.openSearch();
    return true;
  }
  if (command && !event.altKey && lower === 'f') {
    if (state.transcript === null) return false;
    state.openFind();
    return true;
  }
  if (key === 'F3' && !command && !event.altKey) return stepHit(store, event.shiftKey ? -1 : 1);
  if (key === 'Escape') return escape(store, target);
  if (command || event.altKey || isTextField(target)) return false;

  const inTranscript = target?.closest('.transcript-pane') != null;
  // Results are walked by moving focus between them; the list by moving its selection.
  const inResults = state.searchOpen && !inTranscript;
  const open = state.selectedId !== null;
  switch (key) {
    case '?':
      state.openShortcuts();
      return true;
    case '/':
      focusBox();
      return true;
    case 'n':
    case 'N':
      return stepHit(store, event.shiftKey ? -1 : 1);
    case 'c':
      if (!open) return false;
      void state.copyMarkdown();
      return true;
    case 'e':
      if (!open) return false;
      void state.saveMarkdown();
      return true;
    case 's':
      if (!open) return false;
      void state.toggleStar();
      return true;
    case 'r':
      if (!open) return false;
      state.openNotesEditor();
      return true;
    case 'Delete':
      if (!open) return false;
      state.requestDelete();
      return true;
    case 'j':
    case 'k':
    case 'ArrowDown':
    case 'ArrowUp': {
      const step = key === 'j' || key === 'ArrowDown' ? 1 : -1;
      // Arrows scroll the transcript when it has focus; j and k move the list from anywhere.
      if (inTranscript && key.startsWith('Arrow')) return false;
      if (inResults || (state.searchOpen && target?.closest('.search-panel'))) return moveInResults(step);
      if (
        target instanceof HTMLButtonElement &&
        key.startsWith('Arrow') &&
        !target.closest('.session-list')
      ) {
        return false;
      }
      state.moveSelection(step);
      return true;
    }
    case 'Enter':
      // Buttons (a result, a menu) take Enter themselves.
      if (target instanceof HTMLButtonElement || target?.getAttribute('role')?.startsWith('menuitem'))
        return false;
      if (inTranscript) return false;
      state.openSelected();
      state.requestTranscriptFocus();
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

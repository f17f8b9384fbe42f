// The one box at the top of the sidebar. Typing filters the list by title, id, model, vendor and
// folder at once; its first row offers "Search all sessions for …", which Enter takes (until the
// arrow keys move into the list). While results show, the box is their query.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/store-context';

/** The first focusable result, for ArrowDown from the box. */
function firstResult(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.search-panel [data-search-nav]');
}

/** The box. */
export function SearchBox() {
  const store = useAppStoreApi();
  const filter = useAppStore((s) => s.view.filter);
  const searchOpen = useAppStore((s) => s.searchOpen);
  const focusRequest = useAppStore((s) => s.searchFocusRequest);
  const setFilter = useAppStore((s) => s.setFilter);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const state = store.getState();
    const used = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (event.key === 'Enter') {
      used();
      if (searchOpen || state.offerActive) state.runSearch();
      else {
        state.openSelected();
        state.requestTranscriptFocus();
      }
    } else if (event.key === 'ArrowDown') {
      used();
      if (searchOpen) firstResult()?.focus();
      else if (state.offerActive) {
        state.setOfferActive(false);
        if (state.visible[0]) state.moveSelection(state.selectedId === null ? 1 : -state.visible.length);
      } else state.moveSelection(1);
    } else if (event.key === 'ArrowUp') {
      used();
      if (searchOpen) return;
      const first = state.visible[0]?.id;
      if (state.view.filter.trim() !== '' && (state.selectedId === null || state.selectedId === first)) {
        state.setOfferActive(true);
      } else state.moveSelection(-1);
    }
  };

  return (
    <div className="search-box">
      <input
        ref={input}
        id="session-filter"
        className="filter-input"
        data-testid="session-filter"
        type="search"
        placeholder="Filter, or Enter to search all"
        aria-label="Filter sessions; Enter searches inside every session"
        aria-keyshortcuts="Control+K Meta+K"
        aria-controls={searchOpen ? 'search-results' : 'session-list'}
        autoComplete="off"
        spellCheck={false}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

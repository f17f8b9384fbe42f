// The left pane's search mode: the query field with a syntax hint, the index build's progress,
// the result count and the results. Arrow keys move between the field and the hits.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/store-context';
import { SearchResults, NAV_ATTRIBUTE } from './SearchResults';
import { progressLabel, resultCountLabel } from './search-labels';

/** Moves focus from `from` to the next (1) or previous (-1) of `items`; above the first, the field. */
function moveFocus(items: HTMLElement[], field: HTMLElement | null, from: Element, step: 1 | -1): boolean {
  const at = items.indexOf(from as HTMLElement);
  const next = at < 0 ? (step === 1 ? items[0] : undefined) : at + step < 0 ? field : items[at + step];
  if (!next) return false;
  next.focus();
  next.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/** The search pane; `hidden` while the list is shown instead (kept mounted to keep its state). */
export function SearchPanel({ hidden }: { hidden: boolean }) {
  const search = useAppStore((s) => s.search);
  const progress = useAppStore((s) => s.indexProgress);
  const focusRequest = useAppStore((s) => s.searchFocusRequest);
  const setSearchQuery = useAppStore((s) => s.setSearchQuery);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(`[${NAV_ATTRIBUTE}]`));
    if (moveFocus(items, input.current, event.target as Element, event.key === 'ArrowDown' ? 1 : -1)) {
      event.preventDefault();
    }
  };

  const progressText = progressLabel(progress, search.partial && search.resultsQuery !== '');
  const countText = resultCountLabel(search);
  return (
    <div className="search-panel" role="search" hidden={hidden} onKeyDown={onKeyDown}>
      <div className="search-controls">
        <input
          ref={input}
          id="search-input"
          className="filter-input"
          data-testid="search-input"
          type="search"
          placeholder="Search every message"
          aria-label="Search all sessions"
          aria-describedby="search-hint"
          aria-keyshortcuts="Control+Shift+F Meta+Shift+F"
          autoComplete="off"
          spellCheck={false}
          value={search.query}
          onChange={(event) => setSearchQuery(event.target.value)}
        />
        <p id="search-hint" className="search-hint">
          <span>
            All words match · <code>"exact phrase"</code>
          </span>
          <span>
            <code>in:tools</code> · <code>in:text</code> · <code>model:</code> · <code>vendor:</code>
          </span>
          <span>
            <code>after:2026-01-31</code> · <code>before:2026-12-31</code>
          </span>
        </p>
        {progressText !== null && (
          <div
            className={progress?.state === 'error' ? 'search-progress error-text' : 'search-progress'}
            data-testid="search-progress"
            role="status"
          >
            <span>{progressText}</span>
            {progress?.state === 'indexing' && progress.total > 0 && (
              <progress max={progress.total} value={progress.done} />
            )}
          </div>
        )}
        <div className="session-count" data-testid="search-count" aria-live="polite">
          {countText}
        </div>
      </div>
      <SearchResults />
    </div>
  );
}

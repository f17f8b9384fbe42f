// The sidebar's results view: what the results answer, their count and order (best match or
// newest), the index build's progress, the syntax, and the results. Arrow keys move between the
// box and the hits; Esc (or emptying the box) goes back to the list as it was.
import type { KeyboardEvent } from 'react';
import { Name } from '../../app/Name';
import { useAppStore } from '../../store/store-context';
import { SearchResults, NAV_ATTRIBUTE } from './SearchResults';
import { progressLabel, resultCountLabel } from './search-labels';

/** Moves focus from `from` to the next (1) or previous (-1) of `items`; above the first, the box. */
function moveFocus(items: HTMLElement[], from: Element, step: 1 | -1): boolean {
  const at = items.indexOf(from as HTMLElement);
  const box = document.getElementById('session-filter');
  const next = at < 0 ? (step === 1 ? items[0] : undefined) : at + step < 0 ? box : items[at + step];
  if (!next) return false;
  next.focus();
  next.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/** Moves focus to the next (1) or previous (-1) result (from the box or anywhere: the first);
 * false when there is none to move to. */
export function moveInResults(step: 1 | -1): boolean {
  const panel = document.querySelector('.search-panel');
  if (!panel) return false;
  const items = Array.from(panel.querySelectorAll<HTMLElement>(`[${NAV_ATTRIBUTE}]`));
  const from = document.activeElement;
  return moveFocus(items, from && panel.contains(from) ? from : panel, step);
}

/** The index build's progress; a component of its own, since a build reports ten times a second
 * and the rest of the panel (its results) need not be drawn again each time. */
function IndexProgressLine() {
  const progress = useAppStore((s) => s.indexProgress);
  const partial = useAppStore((s) => s.search.partial && s.search.resultsQuery !== '');
  const progressText = progressLabel(progress, partial);
  if (progressText === null) return null;
  return (
    <div
      className={progress?.state === 'error' ? 'search-progress error-text' : 'search-progress'}
      data-testid="search-progress"
      role="status"
    >
      <span>{progressText}</span>
      {progress?.state === 'indexing' && progress.total > 0 && (
        <progress max={progress.total} value={progress.done} aria-label="Indexing progress" />
      )}
    </div>
  );
}

/** The results view; `hidden` while the list is shown instead (kept mounted to keep its state). */
export function SearchPanel({ hidden }: { hidden: boolean }) {
  const search = useAppStore((s) => s.search);
  const closeSearch = useAppStore((s) => s.closeSearch);
  const setSearchSort = useAppStore((s) => s.setSearchSort);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(`[${NAV_ATTRIBUTE}]`));
    if (moveFocus(items, event.target as Element, event.key === 'ArrowDown' ? 1 : -1)) {
      event.preventDefault();
    }
  };

  const countText = resultCountLabel(search);
  const stale = search.resultsQuery !== '' && search.query.trim() !== search.resultsQuery.trim();
  return (
    <section className="search-panel" aria-label="Search results" hidden={hidden} onKeyDown={onKeyDown}>
      <div className="search-controls">
        <div className="search-heading">
          <button
            type="button"
            className="pill-button link-button"
            data-testid="search-back"
            title="Back to the list (Esc)"
            onClick={closeSearch}
          >
            ← List
          </button>
          <span className="search-for" data-testid="search-for">
            {search.resultsQuery === '' ? (
              'Search every message'
            ) : (
              <>
                Results for “<Name text={search.resultsQuery.trim()} />”
              </>
            )}
          </span>
        </div>
        <div className="list-summary">
          <span className="session-count" data-testid="search-count" aria-live="polite">
            {stale ? 'Searching…' : countText}
          </span>
          <div className="segmented" role="radiogroup" aria-label="Order results by">
            {(['relevance', 'date'] as const).map((sort) => (
              <button
                key={sort}
                type="button"
                role="radio"
                aria-checked={search.sort === sort}
                data-testid={`search-sort-${sort}`}
                onClick={() => setSearchSort(sort)}
              >
                {sort === 'relevance' ? 'Best match' : 'Newest'}
              </button>
            ))}
          </div>
        </div>
        <IndexProgressLine />
        <details className="search-hint">
          <summary>Search syntax</summary>
          <span>
            All words match · <code>"exact phrase"</code> · identifiers like <code>page_200</code> match whole
          </span>
          <span>
            <code>in:tools</code> · <code>in:text</code> · <code>model:</code> · <code>vendor:</code>
          </span>
          <span>
            <code>after:2026-01-31</code> · <code>before:2026-12-31</code>
          </span>
        </details>
      </div>
      <SearchResults />
    </section>
  );
}

// The find bar (Ctrl/Cmd+F): query, "k of n" count (with "…" while still counting), case
// sensitivity, previous and next. Enter / Shift+Enter (and F3 / Shift+F3 anywhere) step.
import { useEffect, useRef } from 'react';
import { restoreFocus } from '../../app/focus';
import { useAppStore } from '../../store/store-context';

/** Made once: a locale argument to toLocaleString builds a formatter on every call, and the count
 * is drawn on every keystroke and progress report. */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** The find bar; rendered only while find is open. */
export function FindBar() {
  const find = useAppStore((s) => s.find);
  const setFindQuery = useAppStore((s) => s.setFindQuery);
  const findNext = useAppStore((s) => s.findNext);
  const findPrev = useAppStore((s) => s.findPrev);
  const closeFind = useAppStore((s) => s.closeFind);
  const toggleFindCase = useAppStore((s) => s.toggleFindCase);
  const input = useRef<HTMLInputElement>(null);
  const focusRequest = useAppStore((s) => s.find.focusRequest);

  // Closing gives focus back to what had it when the bar opened (the transcript, usually).
  useEffect(() => {
    const opener = document.activeElement;
    return () => restoreFocus(opener);
  }, []);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const counting = find.query !== '' && !find.done;
  const count = `${find.count === 0 ? 0 : find.index + 1} of ${COUNT_FORMAT.format(find.count)}${counting ? '…' : ''}`;
  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        id="find-input"
        className="find-input"
        data-testid="find-input"
        type="text"
        placeholder="Find in transcript"
        aria-label="Find in transcript"
        autoComplete="off"
        spellCheck={false}
        value={find.query}
        onChange={(event) => setFindQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (event.shiftKey) findPrev();
            else findNext();
          }
        }}
      />
      <span
        className="find-count"
        data-testid="find-count"
        data-state={counting ? 'counting' : 'done'}
        // The query the count is for (benchmarks tell a keystroke's count from the one before).
        data-query={find.query}
        aria-live="polite"
        aria-busy={counting}
        title={counting ? 'Still counting' : undefined}
      >
        {count}
      </span>
      <button
        type="button"
        className="icon-button find-case"
        data-testid="find-case"
        aria-label="Match case"
        aria-pressed={find.caseSensitive}
        title="Match case"
        onClick={toggleFindCase}
      >
        Aa
      </button>
      <button
        type="button"
        className="icon-button"
        data-testid="find-prev"
        aria-label="Previous match"
        onClick={findPrev}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        data-testid="find-next"
        aria-label="Next match"
        onClick={findNext}
      >
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Close find" onClick={closeFind}>
        ✕
      </button>
    </div>
  );
}

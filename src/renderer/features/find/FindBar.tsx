// The find bar (Ctrl/Cmd+F): query, "i/n" count, previous and next. Enter and Shift+Enter step.
import { useEffect, useRef } from 'react';
import { restoreFocus } from '../../app/focus';
import { useAppStore } from '../../store/store-context';

/** The find bar; rendered only while find is open. */
export function FindBar() {
  const find = useAppStore((s) => s.find);
  const setFindQuery = useAppStore((s) => s.setFindQuery);
  const findNext = useAppStore((s) => s.findNext);
  const findPrev = useAppStore((s) => s.findPrev);
  const closeFind = useAppStore((s) => s.closeFind);
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

  const count = find.count === 0 ? '0/0' : `${find.index + 1}/${find.count}`;
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
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {count}
      </span>
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

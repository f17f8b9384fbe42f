// The virtualized session list: only the rows in view exist in the DOM, so 10,000 sessions
// scroll as smoothly as ten.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { SessionSummary } from '../../../shared/types';
import type { ListView } from '../../model/list-view';
import { useNow } from '../../app/use-now';
import { useAppStore } from '../../store/store-context';
import { EmptyState } from './EmptyState';
import { anchoredScrollTop, rowInView, sameOrder } from './scroll-anchor';
import { sourceLabel, sourceOf } from '../../../shared/sources';
import { SessionRow, rowDomId } from './SessionRow';

/** Height of one row in pixels: two lines of title, one of details, and padding. */
export const ROW_HEIGHT = 78;

/** The list of visible sessions. */
export function SessionList() {
  const rows = useAppStore((s) => s.visible);
  const loading = useAppStore((s) => s.listState === 'idle' || s.listState === 'loading');
  const view = useAppStore((s) => s.view);
  const selectedId = useAppStore((s) => s.selectedId);
  const annotations = useAppStore((s) => s.annotations);
  const select = useAppStore((s) => s.select);
  const startDrag = useAppStore((s) => s.startDrag);
  const picked = useAppStore((s) => s.picked);
  const togglePicked = useAppStore((s) => s.togglePicked);
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useNow();
  // A source's label on each row when more than one source is read.
  const labels = useAppStore((st) => st.info?.sources);

  // A new key function makes the virtualizer lay out every row again (10,000 of them): it changes
  // only with the rows, not at each render (a selection, a tick of the clock).
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  // The project does not use the React Compiler, which is what this rule protects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey,
  });

  // Only a reload moves the rows under the reader; a new filter or sort starts where it lands.
  const shown = useRef<{ rows: SessionSummary[]; view: ListView }>({ rows, view });
  useLayoutEffect(() => {
    const previous = shown.current;
    shown.current = { rows, view };
    const box = scrollRef.current;
    if (!box || previous.rows === rows || previous.view !== view) return;
    // The same sessions in the same order (a row's facts changed, as when one is opened): nothing
    // moved, and reading scrollTop would force a layout in the middle of the commit.
    if (sameOrder(previous.rows, rows)) return;
    const top = anchoredScrollTop(box.scrollTop, ROW_HEIGHT, previous.rows, rows);
    if (top !== box.scrollTop) box.scrollTop = top;
  }, [rows, view]);

  const selectedIndex = rows.findIndex((s) => s.id === selectedId);
  useEffect(() => {
    // A row already in full view (the one just clicked) needs no scroll, and asking the
    // virtualizer anyway reads the list's scroll height: a forced layout in the click that opens
    // the session.
    if (
      selectedIndex < 0 ||
      rowInView(virtualizer.scrollOffset, virtualizer.scrollRect?.height, ROW_HEIGHT, selectedIndex)
    )
      return;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <div
      ref={scrollRef}
      id="session-list"
      className="session-list"
      data-testid="session-list"
      role="listbox"
      aria-label="Sessions"
      aria-busy={loading}
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? rowDomId(selectedId ?? '') : undefined}
    >
      {rows.length === 0 ? (
        <EmptyState />
      ) : (
        <div className="session-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const session = rows[item.index]!;
            return (
              <SessionRow
                key={item.key}
                session={session}
                annotation={annotations[session.id]}
                selected={session.id === selectedId}
                top={item.start}
                height={item.size}
                now={now}
                onSelect={select}
                onDragStart={startDrag}
                sourceLabel={labels ? sourceLabel(sourceOf(session), labels) : undefined}
                picked={picked.includes(session.id)}
                onPick={togglePicked}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

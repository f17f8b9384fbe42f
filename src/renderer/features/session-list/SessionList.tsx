// The virtualized session list: only the rows in view exist in the DOM, so 10,000 sessions
// scroll as smoothly as ten.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/store-context';
import { EmptyState } from './EmptyState';
import { SessionRow, rowDomId } from './SessionRow';

/** Height of one row in pixels (two lines of text plus padding). */
export const ROW_HEIGHT = 64;

/** Relative times are redrawn this often. */
const CLOCK_TICK_MS = 60_000;

/** The list of visible sessions. */
export function SessionList() {
  const rows = useAppStore((s) => s.visible);
  const selectedId = useAppStore((s) => s.selectedId);
  const select = useAppStore((s) => s.select);
  const startDrag = useAppStore((s) => s.startDrag);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  // The project does not use the React Compiler, which is what this rule protects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  const selectedIndex = rows.findIndex((s) => s.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  return (
    <div
      ref={scrollRef}
      className="session-list"
      data-testid="session-list"
      role="listbox"
      aria-label="Sessions"
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
                selected={session.id === selectedId}
                top={item.start}
                height={item.size}
                now={now}
                onSelect={select}
                onDragStart={startDrag}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

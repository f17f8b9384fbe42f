// The scrolling list of messages, virtualized: only the messages near the viewport are in the
// DOM, each measured once drawn, so a session of any length opens and scrolls alike. Checkpoint
// markers sit at the top of the message they precede. Messages appended to a followed session
// join at the end without moving the reader (see TailFollower).
import {
  elementScroll,
  measureElement as measureFromLayout,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranscriptFind } from '../find/use-transcript-find';
import { useSearchHits } from '../search/use-search-hits';
import { useAppStore } from '../../store/store-context';
import { CheckpointMarker } from './CheckpointMarker';
import { estimateFromBytes, estimateHeight } from './estimate-height';
import { MessageView } from './MessageView';
import { NewMessagesPill } from './NewMessagesPill';
import { checkpointsByPosition } from './session-facts';
import { TailFollower } from './tail-follower';
import type { TranscriptData } from '../../model/transcript-data';
import { TranscriptProvider } from './TranscriptContext';
import { TranscriptToolbar } from './TranscriptToolbar';
import { whenIdle } from './when-idle';

/** Rows drawn beyond each edge of the viewport. */
const OVERSCAN = 4;
/** Messages loaded beyond each edge of what is drawn. */
const PREFETCH = 30;
/** Room a checkpoint marker takes, for estimates. */
const MARKER_PX = 40;

/** A row's size as the ResizeObserver reports it after layout. A row just drawn keeps what it had
 * (its estimate) until then: measured in the commit instead, each new row would force a layout
 * and a rebuild of every row's offset (5,000 of them, once per row, when a long session opens). */
function measureRow(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  v: Virtualizer<HTMLDivElement, Element>,
): number {
  if (entry) return measureFromLayout(element, entry, v);
  const index = v.indexFromElement(element);
  return v.itemSizeCache.get(v.options.getItemKey(index)) ?? v.options.estimateSize(index);
}

/** The box's size, from the ResizeObserver (which reports after layout) alone: the default reads it
 * at mount too, a forced layout in the commit that opens a session. Until the first report, the
 * box is taken to be `initialRect`. */
function observeBox(
  v: Virtualizer<HTMLDivElement, Element>,
  report: (rect: { width: number; height: number }) => void,
) {
  const box = v.scrollElement;
  if (!box || typeof ResizeObserver === 'undefined') return undefined;
  const observer = new ResizeObserver(() => report({ width: box.clientWidth, height: box.clientHeight }));
  observer.observe(box);
  return () => observer.disconnect();
}

/** The messages of `data`. Mount with key = session id, so a new session starts fresh. */
export function TranscriptBody({ data }: { data: TranscriptData }) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const revision = useSyncExternalStore(data.subscribe, data.snapshot);
  const [follower] = useState(() => new TailFollower());
  const unseen = useSyncExternalStore(follower.subscribe, follower.snapshot);
  const jump = useAppStore((s) => s.jump);
  const total = data.total;
  const checkpoints = data.session.checkpoints;
  const markers = useMemo(() => checkpointsByPosition(checkpoints, total), [checkpoints, total]);
  // The first screen is drawn alone, so it shows sooner; the rows beyond it follow at idle.
  const [overscan, setOverscan] = useState(0);
  useEffect(() => whenIdle(() => setOverscan(OVERSCAN), 200), []);

  const atMount = useRef(true);
  // The project does not use the React Compiler, which is what this rule protects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => bodyRef.current,
    // Called for every row not measured yet, each time offsets are rebuilt: kept cheap.
    estimateSize: (index) => {
      const message = data.get(index);
      const height = message ? estimateHeight(message) : estimateFromBytes(undefined);
      if (markers.size === 0) return height;
      const marks =
        (markers.get(index)?.length ?? 0) + (index === total - 1 ? (markers.get(total)?.length ?? 0) : 0);
      return height + marks * MARKER_PX;
    },
    measureElement: measureRow,
    // The box is new (one per session) and so at its top: the virtualizer's first write, of
    // offset 0 as it mounts, would only force a layout in the commit that opens the session.
    scrollToFn: (offset, options, v) => {
      const first = atMount.current;
      atMount.current = false;
      if (first && offset + (options.adjustments ?? 0) === 0) return;
      elementScroll(offset, options, v);
    },
    observeElementRect: observeBox,
    overscan,
    indexAttribute: 'data-row',
    // Before the box is measured (and in tests without layout), assume a window's worth.
    initialRect: { width: 900, height: 900 },
  });

  const scrollToMessage = useCallback(
    (index: number) => virtualizer.scrollToIndex(index, { align: 'start' }),
    [virtualizer],
  );
  const onFindChange = useTranscriptFind(bodyRef, data, scrollToMessage);
  const onHitsChange = useSearchHits(bodyRef, data, scrollToMessage);

  // A jump to a message not loaded yet scrolls again once it is (its height is known then).
  const pendingJump = useRef<number | null>(null);

  // After every draw: the messages near the view are fetched, find and hits repaint what is now
  // in the DOM, a following reader stays down.
  const range = virtualizer.range;
  useEffect(() => {
    if (range) data.ensure(range.startIndex - PREFETCH, range.endIndex + PREFETCH);
    if (pendingJump.current !== null && data.has(pendingJump.current)) {
      scrollToMessage(pendingJump.current);
      pendingJump.current = null;
    }
    onFindChange();
    onHitsChange();
    if (bodyRef.current) follower.contentChanged(bodyRef.current);
  });

  // Messages added at the end: the reader who saw the old end follows, others get the pill.
  const laidOut = useRef({ total, end: 0 });
  useLayoutEffect(() => {
    const before = laidOut.current;
    if (bodyRef.current && total > before.total && before.total > 0) {
      follower.appended(bodyRef.current, before.total, total - before.total, before.end);
    }
    laidOut.current = { total, end: virtualizer.getTotalSize() };
  }, [total, follower, virtualizer, revision]);

  useEffect(() => {
    if (jump === null) return;
    const index = Math.min(jump.index, Math.max(0, data.total - 1));
    data.ensure(index - 10, index + PREFETCH);
    if (!data.has(index)) pendingJump.current = index;
    scrollToMessage(index);
  }, [jump, scrollToMessage, data]);

  const items = virtualizer.getVirtualItems();
  const rowMarkers = (position: number) =>
    (markers.get(position) ?? []).map((checkpoint, i) => (
      <CheckpointMarker key={`cp-${position}-${i}`} checkpoint={checkpoint} viewKey={`cp${position}.${i}`} />
    ));

  // The first message whose row reaches below the top of the box.
  const top = virtualizer.scrollOffset ?? 0;
  const first = items.find((item) => item.end > top)?.index ?? 0;

  return (
    <TranscriptProvider data={data}>
      <TranscriptToolbar data={data} first={first} />
      <div
        ref={bodyRef}
        className="transcript-body"
        data-testid="transcript-body"
        // In the Tab order, so the keyboard can reach and scroll it (PageDown, Space, arrows).
        tabIndex={0}
        role="region"
        aria-label="Messages"
        onScroll={(event) => follower.scrolled(event.currentTarget)}
      >
        {total === 0 && <p className="transcript-empty">This session has no messages.</p>}
        {total === 0 && rowMarkers(0)}
        <div className="transcript-rows" style={{ height: virtualizer.getTotalSize() }}>
          <div className="transcript-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            {items.map((item) => {
              const message = data.get(item.index);
              return (
                <div
                  key={item.key}
                  className="transcript-row"
                  data-row={item.index}
                  ref={virtualizer.measureElement}
                >
                  {rowMarkers(item.index)}
                  {message ? (
                    <MessageView message={message} />
                  ) : (
                    <div
                      className="message-placeholder"
                      data-testid="message-placeholder"
                      data-index={item.index}
                      style={{ height: estimateFromBytes(undefined) }}
                      aria-busy="true"
                    />
                  )}
                  {item.index === total - 1 && rowMarkers(total)}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {unseen && <NewMessagesPill count={unseen.count} onShow={() => follower.showUnseen(scrollToMessage)} />}
    </TranscriptProvider>
  );
}

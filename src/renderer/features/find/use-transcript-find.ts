// Find in transcript, wired to the DOM: counts matches in the rendered message bodies, paints
// them, scrolls to the current one, and recounts as more messages render or expand.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { MAX_MATCHES, findInScope, queryPattern } from './find-ranges';
import { createHighlighter, type Highlighter } from './highlighter';

/** Recounts while messages keep rendering happen at most this often. */
const RECOUNT_MS = 300;
/** Pause in typing before a new query is searched. */
const QUERY_DELAY_MS = 120;

function scrollToMatch(container: HTMLElement, range: Range | undefined, element: Element | null): void {
  if (range && typeof range.getBoundingClientRect === 'function' && range.startContainer.isConnected) {
    const match = range.getBoundingClientRect();
    const box = container.getBoundingClientRect();
    if (match.top < box.top + 40 || match.bottom > box.bottom - 40) {
      container.scrollTop += match.top - box.top - box.height / 3;
    }
    return;
  }
  element?.scrollIntoView?.({ block: 'center' });
}

/** Runs find over the message bodies (elements with data-find-scope) inside `bodyRef`.
 * Returns a function to call when rendered content changed (more messages, an expansion). */
export function useTranscriptFind(bodyRef: RefObject<HTMLElement | null>): () => void {
  const store = useAppStoreApi();
  const query = useAppStore((s) => (s.find.open ? s.find.query : ''));
  const index = useAppStore((s) => s.find.index);
  const highlighter = useRef<Highlighter | null>(null);
  const ranges = useRef<Range[]>([]);
  // Matches per message body; a body whose HTML changes is a new element, so entries never go stale.
  const perScope = useRef(new WeakMap<Element, { query: string; ranges: Range[] }>());
  const recountTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const paint = useCallback(
    (scroll: boolean) => {
      const body = bodyRef.current;
      if (!body) return;
      highlighter.current ??= createHighlighter(body.ownerDocument);
      const painter = highlighter.current;
      const pattern = queryPattern(query);
      if (painter.mutatesDom || pattern === null) painter.clear();
      if (pattern === null) {
        ranges.current = [];
        store.getState().setFindCount(0);
        return;
      }
      // Marks change the text nodes, so with them the ranges are found afresh every time.
      const found: Range[] = [];
      for (const scope of Array.from(body.querySelectorAll('[data-find-scope]'))) {
        if (found.length >= MAX_MATCHES) break;
        const known = painter.mutatesDom ? undefined : perScope.current.get(scope);
        const inScope =
          known?.query === query ? known.ranges : findInScope(scope, pattern, MAX_MATCHES - found.length);
        if (!painter.mutatesDom) perScope.current.set(scope, { query, ranges: inScope });
        found.push(...inScope.slice(0, MAX_MATCHES - found.length));
      }
      ranges.current = found;
      store.getState().setFindCount(found.length);
      const current = store.getState().find.index;
      const element = painter.show(found, current);
      if (scroll) scrollToMatch(body, found[current], element);
    },
    [bodyRef, query, store],
  );

  // Timers must use the newest query, not the one current when they were set.
  const latestPaint = useRef(paint);
  useEffect(() => {
    latestPaint.current = paint;
  }, [paint]);

  // A new query is searched once typing pauses: in a huge transcript one search takes a while.
  // Closing find clears at once.
  useEffect(() => {
    const timer = setTimeout(() => paint(true), query === '' ? 0 : QUERY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [paint, query]);

  useEffect(() => {
    latestPaint.current(true);
  }, [index]);

  useEffect(
    () => () => {
      clearTimeout(recountTimer.current);
      highlighter.current?.clear();
    },
    [],
  );

  return useCallback(() => {
    if (recountTimer.current !== undefined) return;
    recountTimer.current = setTimeout(() => {
      recountTimer.current = undefined;
      if (store.getState().find.query !== '') latestPaint.current(false);
    }, RECOUNT_MS);
  }, [store]);
}

// Find in transcript, over the session's data: a run in a worker counts every match (collapsed and
// undrawn text, checkpoint summaries included); stepping to a match opens what it is in (an output, a page of
// it, reasoning, a long diff), scrolls its message into view and places the match; the matches
// on screen are painted.
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { planCollapse } from '../transcript/collapse';
import { pageOf, pageStarts, PAGE_CHARS } from '../transcript/blocks/page-starts';
import { scrollRangeIntoView } from '../transcript/scroll-into-body';
import { TEXT_RENDER_CAP, WHOLE_TEXT } from '../transcript/text-html';
import type { TranscriptData } from '../../model/transcript-data';
import type { ViewState } from '../../model/view-state';
import { whenIdle } from '../transcript/when-idle';
import { FindClient } from './find-client';
import type { FindMatch } from './find-engine';
import { eachMatch, findPattern } from './find-matcher';
import type { Section } from './find-sections';
import { createHighlighter, type Highlighter } from './find-highlighter';
import { drawnMatches, rangeIn } from './section-range';

/** Repaints while the list keeps drawing happen at most this often. */
const REPAINT_MS = 100;
/** A new query is jumped to and painted once typing has paused this long (its count is not
 * held back): a keystroke then costs the main thread a message to the worker, not a jump. Longer
 * than most pauses between a typist's keys (up to about 200 ms), so a jump does not land on one. */
const SETTLE_MS = 300;
/** Frames a jump waits for its match to be drawn (and kept in view), and how many frames in a row
 * it must stay in view to be done. */
const MAX_FRAMES = 120;
const STEADY_FRAMES = 6;

/** The ms left until a query typed at `typedAt` has settled. */
function settleWait(typedAt: number): number {
  return Math.max(0, typedAt + SETTLE_MS - performance.now());
}

/** The find of the open transcript: kept while find closes and opens again on it. */
let active: { data: TranscriptData; client: FindClient } | null = null;

/** The find client of `data`, made on first use (the one of another transcript is ended). */
function clientFor(data: TranscriptData): FindClient {
  if (active?.data !== data) {
    active?.client.close();
    active = { data, client: new FindClient(data) };
  }
  return active.client;
}

/** Opens what `section` is drawn in so that [start, end) of it is on screen. */
function openFor(view: ViewState, section: Section, match: FindMatch): void {
  // The rest of a cut string: opened at the part the match is in.
  if (section.rest && match.piece) {
    view.setRestStart(section.key, match.piece.part, match.piece.from);
    view.setPage(section.key, match.piece.part);
    view.set(section.key, true);
    return;
  }
  // A checkpoint's summary (cp<position>.<checkpoint>.<text>) is drawn once its marker is open.
  if (section.key.startsWith('cp')) view.set(section.key.slice(0, section.key.lastIndexOf('.')), true);
  const part = section.key.slice(section.key.lastIndexOf('.') + 1);
  if (part === 'thinking') view.set(section.key, true);
  if (section.markdown) {
    if (section.text.length > TEXT_RENDER_CAP) view.addLocal(section.key, WHOLE_TEXT);
    return;
  }
  if (part.startsWith('diff')) {
    view.set(section.key, true);
    return;
  }
  if (match.end > planCollapse(section.text).preview.length) view.set(section.key, true);
  if (section.text.length > PAGE_CHARS)
    view.setPage(section.key, pageOf(pageStarts(section.text), match.start));
}

/** Runs find in the transcript drawn in `bodyRef`. Returns the function to call after each draw. */
export function useTranscriptFind(
  bodyRef: RefObject<HTMLElement | null>,
  data: TranscriptData,
  scrollToMessage: (index: number) => void,
): () => void {
  const store = useAppStoreApi();
  const open = useAppStore((s) => s.find.open);
  const query = useAppStore((s) => (s.find.open ? s.find.query : ''));
  const caseSensitive = useAppStore((s) => s.find.caseSensitive);
  const index = useAppStore((s) => s.find.index);
  const found = useAppStore((s) => s.find.count > 0);
  const client = useMemo(() => (open ? clientFor(data) : null), [open, data]);
  // The worker starts (with the first messages) while the reader reads, so a first keystroke
  // into Find does not wait for it; everything loads once find is opened.
  useEffect(() => whenIdle(() => void clientFor(data), 1000), [data]);
  useEffect(() => client?.open(), [client]);
  const pattern = useMemo(() => findPattern(query, caseSensitive), [query, caseSensitive]);
  /** Counts the reveals asked for: the answer of an older one is dropped. */
  const reveals = useRef(0);
  const highlighter = useRef<Highlighter | null>(null);
  /** The match stepped to, with its section. */
  const current = useRef<{ match: FindMatch; section: Section } | null>(null);
  const frame = useRef(0);
  const repaint = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** When the query last changed (performance.now()). */
  const typedAt = useRef(-Infinity);

  // Where the current match is drawn, or null (its section is not drawn, or it is not found there).
  const currentRange = useCallback(
    (body: HTMLElement): { range: Range | null; element: Element | null } => {
      const step = current.current;
      if (!step || !pattern) return { range: null, element: null };
      const { match, section } = step;
      // Keys are digits, dots and letters: safe inside the quotes as they are. A match is in its
      // message's row (which draws the checkpoints before the message too).
      // The rest of a cut string draws one part at a time: the match's part.
      const part = match.piece ? ` [data-rest-part="${match.piece.part}"]` : '';
      const element = body.querySelector(
        `[data-row="${match.message}"]${part} [data-section="${section.key}"]`,
      );
      if (!element) return { range: null, element: null };
      // A match running into the next part is shown up to the end of its own.
      const end = match.piece ? Math.min(match.end, element.textContent.length) : match.end;
      if (!section.markdown) return { range: rangeIn(element, match.start, end), element };
      // The n-th match of the Markdown source is looked for as the n-th one drawn.
      let nth = 0;
      eachMatch(section.text, pattern, (start) => void (start < match.start && nth++));
      return { range: drawnMatches(element, pattern)[nth] ?? null, element };
    },
    [pattern],
  );

  const paint = useCallback((): { range: Range | null; element: Element | null } => {
    const body = bodyRef.current;
    const none = { range: null, element: null };
    if (!body) return none;
    highlighter.current ??= createHighlighter(body.ownerDocument);
    highlighter.current.clear();
    if (pattern === null) return none;
    const ranges: Range[] = [];
    for (const element of Array.from(body.querySelectorAll('[data-row] [data-section]'))) {
      ranges.push(...drawnMatches(element, pattern));
    }
    const found = currentRange(body);
    const active = found.range;
    let at = active
      ? ranges.findIndex((r) => r.compareBoundaryPoints(Range.START_TO_START, active) === 0)
      : -1;
    if (active && at < 0) at = ranges.push(active) - 1;
    highlighter.current.show(ranges, at);
    // Marks (where there is no Highlight API) change the text nodes: find the range again.
    return highlighter.current.mutatesDom ? currentRange(body) : found;
  }, [bodyRef, pattern, currentRange]);

  // Brings match `i` into view, opening what it is in, once its message is drawn.
  const reveal = useCallback(
    async (i: number) => {
      cancelAnimationFrame(frame.current);
      const asked = ++reveals.current;
      const found = client ? await client.match(i) : null;
      if (!found || !pattern || asked !== reveals.current) return;
      const { match, section } = found;
      current.current = { match, section };
      openFor(data.view, section, match);
      data.ensure(match.message - 10, match.message + 30);
      scrollToMessage(match.message);
      let frames = 0;
      const place = () => {
        const body = bodyRef.current;
        const { element, range: drawn } = body ? currentRange(body) : { element: null, range: null };
        // A long part is drawn a chunk at a time over a few frames: its match may come later.
        const drawing = !drawn && element?.getAttribute('aria-busy') === 'true';
        if (!body || !element || (drawing && frames < MAX_FRAMES)) {
          if (frames++ < MAX_FRAMES) {
            if (frames % 10 === 0) scrollToMessage(match.message);
            frame.current = requestAnimationFrame(place);
          }
          return;
        }
        const { range } = paint();
        if (range) scrollRangeIntoView(body, range);
        else element.scrollIntoView?.({ block: 'center' });
        // Rows measured after the jump can move the match: keep it in view until it stays put.
        let steady = 0;
        const hold = () => {
          const now = currentRange(body).range;
          // Without layout (jsdom) a Range has no boxes: there is nothing to hold in view.
          if (!now || frames++ > MAX_FRAMES || typeof now.getBoundingClientRect !== 'function') return;
          const box = body.getBoundingClientRect();
          const at = now.getBoundingClientRect();
          if (at.top >= box.top && at.bottom <= box.bottom) steady++;
          else {
            steady = 0;
            scrollRangeIntoView(body, now);
          }
          if (steady < STEADY_FRAMES) frame.current = requestAnimationFrame(hold);
        };
        frame.current = requestAnimationFrame(hold);
      };
      frame.current = requestAnimationFrame(place);
    },
    [bodyRef, client, data, pattern, paint, currentRange, scrollToMessage],
  );

  // A new query (or case setting) starts a new run; the first match is shown as soon as found.
  useEffect(() => {
    current.current = null;
    reveals.current++;
    // The last query's jump and pending repaint are dropped, and its marks cleared at once.
    cancelAnimationFrame(frame.current);
    clearTimeout(repaint.current);
    repaint.current = undefined;
    highlighter.current?.clear();
    typedAt.current = performance.now();
    if (!client || pattern === null) {
      // An empty query ends the worker's run (it counts nothing).
      client?.search('', caseSensitive, () => undefined);
      store.getState().setFindProgress(0, true);
      paint();
      return;
    }
    client.search(query, caseSensitive, (progress) =>
      store.getState().setFindProgress(progress.count, progress.done),
    );
    return () => client.stop();
  }, [client, pattern, query, caseSensitive, store, paint]);

  // Stepping (or the first match being found, once typing pauses) shows the current match.
  useEffect(() => {
    if (!found) return;
    const wait = settleWait(typedAt.current);
    if (wait === 0) {
      void reveal(index);
      return;
    }
    const timer = setTimeout(() => void reveal(index), wait);
    return () => clearTimeout(timer);
  }, [index, found, reveal]);

  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      clearTimeout(repaint.current);
      highlighter.current?.clear();
    },
    [],
  );

  return useCallback(() => {
    if (repaint.current !== undefined) return;
    repaint.current = setTimeout(
      () => {
        repaint.current = undefined;
        paint();
      },
      Math.max(REPAINT_MS, settleWait(typedAt.current)),
    );
  }, [paint]);
}

// A search hit opened in the transcript: the query's matches are painted in the matching
// messages on screen, the current hit's message is marked, and each jump (a clicked hit, next,
// previous) scrolls to it, opening any reasoning of that message that the query matches.
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { useAppStore } from '../../store/store-context';
import { createHighlighter, type Highlighter, type HighlightNames } from '../find/highlighter';
import { scrollRangeIntoView } from '../transcript/scroll-into-body';
import type { TranscriptData } from '../transcript/transcript-data';
import { partKey } from '../transcript/view-state';
import { hitQuery, hitRanges, matchesText } from './hit-ranges';

/** Styled by ::highlight(search-match) and ::highlight(search-current) (or mark classes). */
export const SEARCH_HIGHLIGHT: HighlightNames = { match: 'search-match', current: 'search-current' };

/** The attribute on the message of the current hit. */
export const CURRENT_HIT_ATTRIBUTE = 'data-hit-current';

/** Frames a jumped-to message must stay at the top before the jump is done, and the most frames
 * a jump may take. */
const STEADY_FRAMES = 6;
const MAX_FRAMES = 150;

/** Repaints while messages keep being drawn happen at most this often. */
const REPAINT_MS = 150;

/** What paint() found for the current hit: its first match, and its message element. */
interface Painted {
  range: Range | null;
  shell: Element | null;
}

/** Wires search hits into the transcript in `bodyRef`; `scrollToMessage` brings a message into
 * the list's view. Returns the function to call when drawn content changed. */
export function useSearchHits(
  bodyRef: RefObject<HTMLElement | null>,
  data: TranscriptData,
  scrollToMessage: (index: number) => void,
): () => void {
  const hits = useAppStore((s) => (s.hits !== null && s.hits.id === s.selectedId ? s.hits : null));
  const query = useMemo(() => (hits ? hitQuery(hits.query) : null), [hits]);
  const highlighter = useRef<Highlighter | null>(null);
  const marked = useRef<Element | null>(null);
  /** The message still to be scrolled to once it is drawn; null when done. */
  const pending = useRef<number | null>(null);
  /** Frames the current jump has taken, and how many of the last ones found it at the top. */
  const attempts = useRef(0);
  const steady = useRef(0);
  const frame = useRef(0);
  // Timers, frames and listeners must use the newest paint and reveal, not those current when
  // they were set.
  const latest = useRef<{ paint: () => Painted; reveal: () => void } | null>(null);
  const repaintTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const paint = useCallback((): Painted => {
    const body = bodyRef.current;
    const none = { range: null, shell: null };
    if (!body) return none;
    highlighter.current ??= createHighlighter(body.ownerDocument, SEARCH_HIGHLIGHT);
    highlighter.current.clear();
    marked.current?.removeAttribute(CURRENT_HIT_ATTRIBUTE);
    marked.current = null;
    if (!hits) return none;
    const shell = body.querySelector(`.message[data-index="${hits.message}"]`);
    shell?.setAttribute(CURRENT_HIT_ATTRIBUTE, '');
    marked.current = shell;
    if (!query) return { range: null, shell };
    // Only the messages the backend says match are looked through (plus the current one).
    const wanted = new Set(hits.matches ?? []).add(hits.message);
    const ranges: Range[] = [];
    let current = -1;
    for (const message of Array.from(body.querySelectorAll<HTMLElement>('.message[data-index]'))) {
      const index = Number(message.dataset.index);
      if (!wanted.has(index)) continue;
      const found = hitRanges(message, query);
      if (index === hits.message && current < 0 && found.length > 0) current = ranges.length;
      ranges.push(...found);
    }
    highlighter.current.show(ranges, current);
    return { range: ranges[current] ?? null, shell };
  }, [bodyRef, hits, query]);

  const reveal = useCallback(() => {
    const message = pending.current;
    const body = bodyRef.current;
    if (message === null || !body) return;
    if (message < 0) {
      // A title hit: the session from its start.
      pending.current = null;
      paint();
      body.scrollTop = 0;
      return;
    }
    const loaded = data.get(message);
    if (loaded && query) {
      // Reasoning is collapsed by default: a hit inside it opens it.
      loaded.blocks.forEach((block, index) => {
        if (block.kind === 'reasoning' && matchesText(block.text, query)) {
          data.view.set(partKey(message, index, 'thinking'), true);
        }
      });
    }
    const { range, shell } = paint();
    // The list scrolls to the message (it knows every row's place, measured or guessed); once the
    // message is drawn at the top, the match is brought into view.
    if (shell === null) {
      // Not drawn yet (its page may take a while on a busy machine): the draw that brings it
      // calls reveal again, so waiting costs none of the frames a jump may take.
      steady.current = 0;
      scrollToMessage(message);
      return;
    }
    const box = body.getBoundingClientRect();
    const top = shell.getBoundingClientRect().top - box.top;
    // A message near the end cannot reach the top: the list scrolled to its end holds it in view.
    const atEnd = body.scrollTop + body.clientHeight >= body.scrollHeight - 2;
    const settled = top > -4 && (top < 60 || (atEnd && top < box.height));
    steady.current = settled ? steady.current + 1 : 0;
    // Rows measured on the way (and after) move the message: it is scrolled to again until it has
    // stayed at the top for a few frames.
    if (steady.current < STEADY_FRAMES && attempts.current++ < MAX_FRAMES) {
      if (!settled) scrollToMessage(message);
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => latest.current?.reveal());
      return;
    }
    pending.current = null;
    if (range) requestAnimationFrame(() => scrollRangeIntoView(body, range));
  }, [bodyRef, paint, data, query, scrollToMessage]);

  useEffect(() => {
    latest.current = { paint, reveal };
  }, [paint, reveal]);

  // New matches, a new query or the hits going away: paint again, without scrolling.
  useEffect(() => {
    paint();
  }, [paint]);

  // Every jump scrolls, even to the message already shown.
  const seq = hits?.seq;
  const message = hits?.message;
  useEffect(() => {
    if (seq === undefined || message === undefined) return;
    pending.current = message;
    attempts.current = 0;
    steady.current = 0;
    latest.current?.reveal();
  }, [seq, message]);

  // The reader taking over (wheel, touch, keys, a click) cancels a scroll still waiting.
  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const cancel = () => {
      pending.current = null;
    };
    const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
    for (const name of events) body.addEventListener(name, cancel, { passive: true });
    return () => {
      for (const name of events) body.removeEventListener(name, cancel);
    };
  }, [bodyRef]);

  useEffect(
    () => () => {
      clearTimeout(repaintTimer.current);
      cancelAnimationFrame(frame.current);
      highlighter.current?.clear();
    },
    [],
  );

  return useCallback(() => {
    if (pending.current !== null) {
      latest.current?.reveal();
      return;
    }
    if (repaintTimer.current !== undefined) return;
    repaintTimer.current = setTimeout(() => {
      repaintTimer.current = undefined;
      latest.current?.paint();
    }, REPAINT_MS);
  }, []);
}

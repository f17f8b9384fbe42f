// Whether any of some clamped boxes cuts its content, measured again whenever they resize, so a
// "show all" toggle appears only when something is hidden.
import { useEffect, useState, type RefObject } from 'react';

/** True while one of `boxes` has more content than it shows (re-measured on resize and when
 * `content` changes). Measured in a ResizeObserver callback, which runs once layout is done, so
 * opening a transcript does not force a layout in the middle of its first render. */
export function useClamped(boxes: readonly RefObject<HTMLElement | null>[], content: unknown): boolean {
  const [clamped, setClamped] = useState(false);
  useEffect(() => {
    const elements = boxes.map((b) => b.current).filter((e): e is HTMLElement => e !== null);
    const measure = () =>
      setClamped(
        elements.some((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1),
      );
    if (typeof ResizeObserver !== 'function') {
      measure();
      return;
    }
    // An observer reports each box once when it starts observing, then on every resize.
    const observer = new ResizeObserver(measure);
    for (const e of elements) observer.observe(e);
    return () => observer.disconnect();
    // The refs are stable; `content` stands for what is inside them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [content]);
  return clamped;
}

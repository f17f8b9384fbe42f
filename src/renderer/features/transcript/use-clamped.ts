// Whether any of some clamped boxes cuts its content, measured again whenever they resize, so a
// "show all" toggle appears only when something is hidden.
import { useLayoutEffect, useState, type RefObject } from 'react';

/** True while one of `boxes` has more content than it shows (re-measured on resize and when
 * `content` changes). */
export function useClamped(boxes: readonly RefObject<HTMLElement | null>[], content: unknown): boolean {
  const [clamped, setClamped] = useState(false);
  useLayoutEffect(() => {
    const elements = boxes.map((b) => b.current).filter((e): e is HTMLElement => e !== null);
    const measure = () =>
      setClamped(
        elements.some((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1),
      );
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    for (const e of elements) observer.observe(e);
    return () => observer.disconnect();
    // The refs are stable; `content` stands for what is inside them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [content]);
  return clamped;
}

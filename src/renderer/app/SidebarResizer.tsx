// The handle between the sidebar and the transcript: drag it, or focus it and use the arrow keys
// (Shift for bigger steps, Home and End for the bounds); a double click restores the default.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { SIDEBAR_DEFAULT, SIDEBAR_MAX, SIDEBAR_MIN } from '../store/layout-slice';
import { useAppStore } from '../store/store-context';

const STEP = 16;
const BIG_STEP = 64;

/** The resize handle (a focusable vertical separator). */
export function SidebarResizer() {
  const width = useAppStore((s) => s.sidebarWidth);
  const setWidth = useAppStore((s) => s.setSidebarWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    // What is shown can be less than what is kept (the grid caps it at half the window).
    const shown = event.currentTarget.parentElement
      ?.querySelector('.list-pane')
      ?.getBoundingClientRect().width;
    drag.current = { x: event.clientX, width: shown ?? width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setWidth(drag.current.width + event.clientX - drag.current.x);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const next =
      event.key === 'ArrowLeft'
        ? width - step
        : event.key === 'ArrowRight'
          ? width + step
          : event.key === 'Home'
            ? SIDEBAR_MIN
            : event.key === 'End'
              ? SIDEBAR_MAX
              : null;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    setWidth(next);
  };

  return (
    <div
      className="sidebar-resizer"
      data-testid="sidebar-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the session list"
      aria-controls="sidebar"
      aria-valuenow={width}
      aria-valuemin={SIDEBAR_MIN}
      aria-valuemax={SIDEBAR_MAX}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => setWidth(SIDEBAR_DEFAULT)}
      onKeyDown={onKeyDown}
    />
  );
}

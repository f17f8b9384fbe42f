// Work that should not hold back the frame the reader is waiting for.

/** Runs `task` in a task after the next frame has painted; `cancel` stops it if not yet run. */
export function afterNextPaint(task: () => void): { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return {
    cancel() {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    },
  };
}

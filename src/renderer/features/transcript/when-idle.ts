// Work the reader does not wait for, run when the page has nothing else to do.

/** Calls `run` once the page is idle, or after `timeout` ms at the latest (soon where there are no
 * idle callbacks: `deadline` is null then); returns its cancel. */
export function whenIdle(run: (deadline: IdleDeadline | null) => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => run(null));
  return () => clearTimeout(id);
}

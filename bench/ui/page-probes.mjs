// Code the benchmark runs inside the page. Times are performance.now() values, so "since
// navigation" needs no clock shared with Node.
/* global document, requestAnimationFrame, MutationObserver -- these functions run in the page */

/** Init script: records when the first list row exists and then has been painted (two frames
 * later, the first of which paints it). Stored on window.__bench. */
export const FIRST_ROW_PROBE = `(() => {
  const bench = (window.__bench = {});
  const seen = () => {
    if (bench.firstRow !== undefined || !document.querySelector('[data-testid="session-row"]')) return;
    bench.firstRow = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => (bench.firstRowPainted = performance.now())));
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})()`;

/** In the page: clicks the row of `id` and resolves with the ms until its first message is on
 * screen, painted, and the main thread is free again (a queued task runs). */
export function clickUntilReadable({ id, firstText }) {
  const row = document.querySelector(`[data-testid="session-row"][data-session-id="${id}"]`);
  if (!row) throw new Error(`no row for ${id}`);
  const start = performance.now();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    };
    const check = () => {
      const first = document.querySelector('[data-testid="transcript"] [data-testid="message"]');
      if (first && first.textContent.includes(firstText)) done();
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    row.click();
    check();
  });
}

/** In the page: ms to POST one API call and parse its JSON, the floor any UI must pay. */
export async function fetchAlone({ channel, body, token }) {
  const start = performance.now();
  const response = await fetch(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Transcripts-Token': token },
    body: JSON.stringify(body),
  });
  const envelope = await response.json();
  if (!envelope.ok) throw new Error(envelope.error);
  return performance.now() - start;
}

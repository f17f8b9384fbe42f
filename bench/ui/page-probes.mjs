// Code the benchmark runs inside the page. Times are performance.now() values, so "since
// navigation" needs no clock shared with Node.
/* global document, window, requestAnimationFrame, MutationObserver -- these functions run in the page */

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

/** In the page: clicks what `click` selects and resolves with the ms until each of `until` is on
 * screen, painted, and the main thread is free again (a queued task runs). Each of `until` is a
 * selector (attributes are watched too), with text its element must include (`includes`) or
 * must not be (`not`); when each first matched is kept in window.__seenAt, by selector. */
export function clickUntilShown({ click, until }) {
  const target = document.querySelector(click);
  if (!target) throw new Error(`nothing matches ${click}`);
  const start = performance.now();
  const seenAt = (window.__seenAt = {});
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    };
    const shown = ({ selector, includes, not }) => {
      const element = document.querySelector(selector);
      const text = element?.textContent ?? '';
      const ok = element !== null && (includes === undefined || text.includes(includes)) && text !== not;
      if (ok && seenAt[selector] === undefined) seenAt[selector] = performance.now() - start;
      return ok;
    };
    const check = () => {
      if (until.map(shown).every(Boolean)) done();
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    target.click();
    check();
  });
}

/** What clickUntilShown waits for when a row is opened: the row of session `id`, clicked, until the
 * first message shows `firstText`. */
export function openRow(id, firstText) {
  return {
    click: `[data-testid="session-row"][data-session-id="${id}"]`,
    until: [{ selector: '[data-testid="transcript"] [data-testid="message"]', includes: firstText }],
  };
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

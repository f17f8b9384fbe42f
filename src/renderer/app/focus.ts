// Where focus goes when what held it goes away (a dialog, the find bar, the drawer): back where it
// came from, or else to the transcript, the list or the box, never to the page body (where the
// keys that scroll or move would do nothing).

/** The first of the app's resting places that exists: transcript, list, box. */
export function focusFallback(doc: Document = document): void {
  const body = doc.querySelector<HTMLElement>('[data-testid="transcript-body"]');
  const list = doc.querySelector<HTMLElement>('[data-testid="session-list"]');
  for (const target of [body, list, doc.getElementById('session-filter')]) {
    if (target && target.isConnected && target.closest('[hidden], [inert]') === null) {
      target.focus();
      if (doc.activeElement === target) return;
    }
  }
}

/** Gives focus back to `element` when it is still in the page and can take it, else falls back. */
export function restoreFocus(element: Element | null): void {
  if (element instanceof HTMLElement && element.isConnected && element !== element.ownerDocument.body) {
    element.focus();
    if (element.ownerDocument.activeElement === element) return;
  }
  focusFallback();
}

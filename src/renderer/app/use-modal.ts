// A modal <dialog>: shown with showModal (the rest of the page is inert), Tab and Shift+Tab wrap
// inside it, Esc asks `onClose`, and on closing, focus goes back where it was before it opened.
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import { restoreFocus } from './focus';

const FOCUSABLE =
  'button:not(:disabled), [href], input:not(:disabled), textarea, select, [tabindex]:not([tabindex="-1"])';

/** Opens `ref`'s dialog while mounted; returns its keydown handler (Tab wrapping). */
export function useModal(ref: RefObject<HTMLDialogElement | null>, onClose: () => void) {
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = dialog.ownerDocument.activeElement;
    // jsdom has no showModal: the dialog is then simply open.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    const onCancel = (event: Event) => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      restoreFocus(opener);
    };
    // Opened once per mount; onClose is read through the listener set here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = event.currentTarget.ownerDocument.activeElement;
    if (event.shiftKey && (active === first || !event.currentTarget.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !event.currentTarget.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };
}

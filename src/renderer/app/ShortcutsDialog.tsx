// The `?` overlay: every shortcut, in a modal dialog that keeps focus and gives it back on Esc.
import { Fragment, useRef } from 'react';
import { useAppStore } from '../store/store-context';
import { isMac, shortcutGroups } from './shortcuts';
import { useModal } from './use-modal';

/** The overlay; rendered only while open. */
export function ShortcutsDialog() {
  const close = useAppStore((s) => s.closeShortcuts);
  const dialog = useRef<HTMLDialogElement>(null);
  const onKeyDown = useModal(dialog, close);
  return (
    <dialog
      ref={dialog}
      className="dialog shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts"
      onKeyDown={onKeyDown}
      onClick={(event) => {
        if (event.target === event.currentTarget) close();
      }}
    >
      <div className="dialog-body">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        {shortcutGroups(isMac()).map((group) => (
          <section key={group.title} className="shortcut-group" aria-label={group.title}>
            <h3>{group.title}</h3>
            <dl>
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.does} className="shortcut">
                  <dt>
                    {shortcut.keys.map((combo, i) => (
                      <Fragment key={i}>
                        {i > 0 && <span className="shortcut-or"> or </span>}
                        {combo.map((key, k) => (
                          <Fragment key={k}>
                            {k > 0 && '+'}
                            <kbd>{key}</kbd>
                          </Fragment>
                        ))}
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{shortcut.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <div className="dialog-actions">
          <button type="button" className="button" data-testid="close-shortcuts" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}

// One menu of the filter bar: a button that opens a list of choices, each with its count. Checkbox
// menus pick any number of values (vendors, models...), radio menus one (the date range). Arrow
// keys move, Space or Enter picks, Esc closes and gives focus back to the button.
import { countText } from '../../../shared/count-text';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** One choice of a menu. */
export interface MenuChoice {
  value: string;
  label: ReactNode;
  count: number;
  checked: boolean;
}

/** Props of a filter menu. */
export interface FilterMenuProps {
  /** The button's text ("Vendor"). */
  label: string;
  /** What the button and menu are called when `label` is only a sign. */
  ariaLabel?: string;
  testId: string;
  kind: 'checkbox' | 'radio';
  /** How many values are chosen (shown on the button); 0 for none. */
  chosen: number;
  /** The choices, computed only while the menu is open. */
  choices: () => MenuChoice[];
  onPick(value: string): void;
}

/** A filter menu button and its popup. */
export function FilterMenu({ label, ariaLabel, testId, kind, chosen, choices, onPick }: FilterMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const popup = useRef<HTMLDivElement>(null);
  const id = useId();
  const items = open ? choices() : [];

  const itemElements = () =>
    Array.from(popup.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  // Opening puts focus on the first chosen item (or the first); a click elsewhere closes.
  useEffect(() => {
    if (!open) return;
    const elements = itemElements();
    (elements.find((e) => e.getAttribute('aria-checked') === 'true') ?? elements[0])?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popup.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const elements = itemElements();
    const at = elements.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => elements[(i + elements.length) % elements.length]?.focus();
    // The app's own keys (j/k, Esc, letters) must not act on the list behind the menu.
    event.stopPropagation();
    if (event.key === 'ArrowDown') focus(at + 1);
    else if (event.key === 'ArrowUp') focus(at - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(elements.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
  };

  const pick = (value: string) => {
    onPick(value);
    if (kind === 'radio') close(true);
  };

  return (
    <div className="filter-menu">
      <button
        ref={button}
        type="button"
        className={chosen > 0 ? 'filter-button chosen' : 'filter-button'}
        data-testid={testId}
        aria-haspopup="menu"
        aria-label={ariaLabel}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            event.stopPropagation();
            setOpen(true);
          }
        }}
      >
        {label}
        {kind === 'checkbox' && chosen > 0 && <span className="filter-chosen"> · {chosen}</span>}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <div
          ref={popup}
          id={id}
          className="filter-popup"
          role="menu"
          aria-label={ariaLabel ?? label}
          onKeyDown={onMenuKey}
        >
          {items.length === 0 && <div className="filter-none">Nothing to choose</div>}
          {items.map((item) => (
            <div
              key={item.value}
              role={kind === 'checkbox' ? 'menuitemcheckbox' : 'menuitemradio'}
              aria-checked={item.checked}
              tabIndex={-1}
              className="filter-choice"
              data-testid={`${testId}-choice`}
              data-value={item.value}
              onClick={() => pick(item.value)}
              onKeyDown={(event) => {
                if (event.key === ' ' || event.key === 'Enter') {
                  event.preventDefault();
                  pick(item.value);
                }
              }}
            >
              <span className="filter-check" aria-hidden="true">
                {item.checked ? '✓' : ''}
              </span>
              <span className="filter-label">{item.label}</span>
              <span className="filter-count">{countText(item.count)}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

// The bar above the messages: where the reader is ("Message 124 of 20,000", type a number to jump
// there), the outline of the user's prompts to jump to one, and the switch that opens every
// reasoning section at once.
import { useState } from 'react';
import { useAppStore } from '../../store/store-context';
import type { TranscriptData } from '../../model/transcript-data';
import { useViewState } from './TranscriptContext';

const count = (n: number) => n.toLocaleString('en-US');

function Outline({ data }: { data: TranscriptData }) {
  const jumpToMessage = useAppStore((s) => s.jumpToMessage);
  const [open, setOpen] = useState(false);
  const entries = data.outline;
  return (
    <div className="outline">
      <button
        type="button"
        className="button"
        data-testid="outline-toggle"
        aria-expanded={open}
        disabled={entries === null}
        title="The user's prompts, to jump to one"
        onClick={() => setOpen(!open)}
      >
        Outline{entries ? ` (${count(entries.length)})` : ''}
      </button>
      {open && entries && (
        <ol className="outline-menu" data-testid="outline" role="menu">
          {entries.length === 0 && <li className="outline-empty">No prompts in this session</li>}
          {entries.map((entry) => (
            <li key={entry.index} role="none">
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                data-testid="outline-item"
                data-index={entry.index}
                onClick={() => {
                  setOpen(false);
                  jumpToMessage(entry.index);
                }}
              >
                <span className="outline-number">{count(entry.index + 1)}</span>
                <span className="outline-label">{entry.label}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Position({ data, first }: { data: TranscriptData; first: number }) {
  const jumpToMessage = useAppStore((s) => s.jumpToMessage);
  const [typed, setTyped] = useState<string | null>(null);
  // No <form>: the transcript holds none, so that none can be told from an injected one.
  const submit = () => {
    const n = Number(typed);
    if (Number.isInteger(n) && n >= 1 && n <= data.total) jumpToMessage(n - 1);
    setTyped(null);
  };
  return (
    <div className="position" data-testid="position">
      <label>
        Message{' '}
        <input
          className="position-input"
          data-testid="jump-input"
          inputMode="numeric"
          aria-label="Jump to message number"
          value={typed ?? String(data.total === 0 ? 0 : first + 1)}
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) => setTyped(event.target.value.replace(/\D/g, ''))}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            submit();
          }}
          onBlur={() => setTyped(null)}
        />
      </label>{' '}
      <span data-testid="position-total">
        of {count(data.total)}
        {data.complete ? '' : '…'}
      </span>
    </div>
  );
}

/** The toolbar; `first` is the index of the first message in view. */
export function TranscriptToolbar({ data, first }: { data: TranscriptData; first: number }) {
  const view = useViewState();
  return (
    <div className="transcript-toolbar" data-find-skip="">
      <Position data={data} first={first} />
      <Outline data={data} />
      {data.hasReasoning && (
        <button
          type="button"
          className="button"
          data-testid="toggle-thinking"
          aria-pressed={view.reasoningOpen}
          onClick={() => view.setReasoningOpen(!view.reasoningOpen, (key) => key.endsWith('.thinking'))}
        >
          {view.reasoningOpen ? 'Collapse thinking' : 'Expand thinking'}
        </button>
      )}
    </div>
  );
}

// The model's reasoning, as a "Thinking" section: collapsed to one line until opened (one by one,
// or all at once from the transcript's toolbar).
import { useViewState } from '../TranscriptContext';
import { TextBlockView } from './TextBlockView';

/** Longest preview of a collapsed reasoning section, in characters. */
const PREVIEW_CHARS = 140;

function preview(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS)}…` : line;
}

/** Reasoning `text`, open or not as part `viewKey` says; `section` names it for find. */
export function ReasoningView({
  text,
  viewKey,
  section,
}: {
  text: string;
  viewKey: string;
  section: string;
}) {
  const view = useViewState();
  const open = view.isReasoningOpen(viewKey);
  return (
    <section className="reasoning" data-testid="reasoning" data-open={open}>
      <button
        type="button"
        className="reasoning-toggle"
        aria-expanded={open}
        data-find-skip=""
        onClick={() => view.set(viewKey, !open)}
      >
        <span className="reasoning-label">Thinking</span>
        {!open && <span className="reasoning-preview">{preview(text)}</span>}
      </button>
      {open && <TextBlockView text={text} viewKey={viewKey} section={section} />}
    </section>
  );
}

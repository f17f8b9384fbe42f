// Where the agent compacted its context (a checkpoint record): a line that opens to the summary
// the compaction left, inline in older files, or as a message of the session in newer ones.
import { countText } from '../../../shared/count-text';
import type { TranscriptCheckpoint } from '../../../shared/transcript';
import { useAppStore } from '../../store/store-context';
import { TextBlockView } from './blocks/TextBlockView';
import { summaryTexts } from './session-facts';
import { useViewState } from './TranscriptContext';

/** Checkpoint `checkpoint`; `viewKey` holds whether it is open. */
export function CheckpointMarker({
  checkpoint,
  viewKey,
}: {
  checkpoint: TranscriptCheckpoint;
  viewKey: string;
}) {
  const view = useViewState();
  const jumpToMessage = useAppStore((s) => s.jumpToMessage);
  const open = view.isOpen(viewKey);
  const texts = summaryTexts(checkpoint);
  const tokens = typeof checkpoint.tokens === 'number' ? ` · ${countText(checkpoint.tokens)} tokens` : '';
  return (
    <div className="checkpoint" data-testid="checkpoint-marker" data-open={open}>
      <button
        type="button"
        className="checkpoint-marker"
        aria-expanded={open}
        data-find-skip=""
        onClick={() => view.set(viewKey, !open)}
      >
        <span>
          Context compacted here{tokens} {open ? '▾' : '▸'}
        </span>
      </button>
      {open && (
        <div className="checkpoint-summary" data-testid="checkpoint-summary">
          {texts.map((text, i) => (
            <TextBlockView key={i} text={text} viewKey={`${viewKey}.${i}`} section={`${viewKey}.${i}`} />
          ))}
          {checkpoint.summary_index !== undefined && (
            <button
              type="button"
              className="pill-button link-button"
              data-testid="checkpoint-summary-link"
              onClick={() => jumpToMessage(checkpoint.summary_index!)}
            >
              The summary is message {countText(checkpoint.summary_index + 1)}
            </button>
          )}
          {texts.length === 0 && checkpoint.summary_index === undefined && (
            <p className="message-empty">This file does not hold the summary of the compacted messages.</p>
          )}
        </div>
      )}
    </div>
  );
}

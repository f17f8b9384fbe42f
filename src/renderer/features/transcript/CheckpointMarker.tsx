// The line drawn where the agent compacted its context (a checkpoint record).
import type { Checkpoint } from '../../../shared/types';

/** One compaction point between two messages. */
export function CheckpointMarker({ checkpoint }: { checkpoint: Checkpoint }) {
  const tokens =
    typeof checkpoint.tokens === 'number' ? ` · ${checkpoint.tokens.toLocaleString('en-US')} tokens` : '';
  return (
    <div className="checkpoint-marker" data-testid="checkpoint-marker" role="separator">
      <span>Context compacted here{tokens}</span>
    </div>
  );
}

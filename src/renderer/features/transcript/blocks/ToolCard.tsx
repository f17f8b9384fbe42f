// One tool call as a card: its name and state, its input, and the result that answers it (paired
// by tool id, from whichever later message holds it), with how long it took when the file says.
import { useMemo } from 'react';
import type { ToolCallBlock, TranscriptMessage } from '../../../../shared/transcript';
import { revealInvisible } from '../../../../shared/reveal-invisible';
import { prettyJson } from '../pretty-json';
import { formatDuration, toolDurationMs } from '../tool-duration';
import { useBlockAt } from '../TranscriptContext';
import { partKey } from '../view-state';
import { CodeText } from './CodeText';
import { ToolResultView } from './ToolResultView';

/** Where the call's result stands. */
type ResultState = 'ok' | 'error' | 'none' | 'loading';

const STATE_LABELS: Record<ResultState, string> = {
  ok: 'ok',
  error: 'error',
  none: 'no result',
  loading: '…',
};

function InputView({ input, viewKey }: { input: string; viewKey: string }) {
  const pretty = useMemo(() => prettyJson(input), [input]);
  return (
    <div className="tool-input">
      <CodeText text={pretty} language="json" viewKey={viewKey} section={viewKey} />
    </div>
  );
}

/** Call `call`, block `index` of `message`. */
export function ToolCard({
  message,
  index,
  call,
}: {
  message: TranscriptMessage;
  index: number;
  call: ToolCallBlock;
}) {
  const found = useBlockAt(call.result);
  const result = found?.block.kind === 'tool_result' ? found.block : null;
  const state: ResultState =
    found === undefined ? 'loading' : result === null ? 'none' : result.is_error ? 'error' : 'ok';
  const duration = found && result ? toolDurationMs(message, found.message) : null;
  return (
    <section
      className={`tool-card state-${state}`}
      data-testid="tool-call"
      data-tool-id={call.id}
      data-tool-name={call.name}
    >
      <header className="tool-head">
        <span className="tool-kind" data-find-skip="">
          Tool
        </span>
        <bdi className="tool-name" data-section={partKey(message.index, index, 'name')}>
          {revealInvisible(call.name)}
        </bdi>
        <span className={`tool-state tool-state-${state}`} data-find-skip="">
          {STATE_LABELS[state]}
        </span>
        {duration !== null && (
          <span className="tool-duration" data-find-skip="">
            {formatDuration(duration)}
          </span>
        )}
      </header>
      {call.input !== null && (
        <InputView input={call.input} viewKey={partKey(message.index, index, 'input')} />
      )}
      {state === 'none' && (
        <div className="tool-empty" data-testid="no-result" data-find-skip="">
          No result in this session
        </div>
      )}
      {found && result && (
        <ToolResultView result={result} message={found.message.index} index={call.result!.block} />
      )}
    </section>
  );
}

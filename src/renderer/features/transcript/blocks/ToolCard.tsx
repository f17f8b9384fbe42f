// One tool call as a card: its name and state, its input, and the result that answers it (paired
// by tool id, from whichever later message holds it), with how long it took when the file says.
import { useMemo } from 'react';
import type { ToolCallBlock, TranscriptMessage } from '../../../../shared/transcript';
import { revealInvisible } from '../../../../shared/reveal-invisible';
import { parseJson, prettyJson } from '../pretty-json';
import { formatDuration, toolDurationMs } from '../tool-duration';
import { EditView } from '../tools/EditView';
import { TodoView } from '../tools/TodoView';
import { ToolPath } from '../tools/ToolPath';
import { languageOfPath, toolShape, type ToolShape } from '../tools/tool-shapes';
import { useBlockAt, useViewState } from '../TranscriptContext';
import { partKey } from '../view-state';
import { CodeText } from './CodeText';
import { SubagentThread } from './SubagentThread';
import { ToolResultView } from './ToolResultView';

/** Where the call's result stands. */
type ResultState = 'ok' | 'error' | 'none' | 'loading';

const STATE_LABELS: Record<ResultState, string> = {
  ok: 'ok',
  error: 'error',
  none: 'no result',
  loading: '…',
};

const KIND_LABELS: Record<ToolShape['kind'], string> = {
  shell: 'Shell',
  edit: 'Edit',
  write: 'Write',
  read: 'Read',
  search: 'Search',
  todo: 'Todo',
  generic: 'Tool',
};

function InputView({ input, viewKey }: { input: string; viewKey: string }) {
  const pretty = useMemo(() => prettyJson(input), [input]);
  return (
    <div className="tool-input">
      <CodeText text={pretty} language="json" viewKey={viewKey} section={viewKey} />
    </div>
  );
}

/** The part of the card a shape draws from the input (`base` is the call's key prefix). */
function ShapeBody({ shape, input, base }: { shape: ToolShape; input: string | null; base: string }) {
  switch (shape.kind) {
    case 'shell':
      return (
        <div className="tool-section tool-command">
          <CodeText
            text={shape.command}
            language="bash"
            viewKey={`${base}command`}
            section={`${base}command`}
          />
        </div>
      );
    case 'edit':
      return <EditView path={shape.path} edits={shape.edits} base={base} />;
    case 'write':
      return (
        <>
          <ToolPath path={shape.path} section={`${base}path`} />
          <div className="tool-section">
            <CodeText
              text={shape.content}
              language={languageOfPath(shape.path)}
              viewKey={`${base}content`}
              section={`${base}content`}
            />
          </div>
        </>
      );
    case 'read':
      return <ToolPath path={shape.path} section={`${base}path`} />;
    case 'search':
      return (
        <div className="tool-section tool-search">
          <code className="tool-pattern" data-section={`${base}pattern`}>
            {shape.pattern}
          </code>
          {shape.path !== '' && (
            <>
              <span className="tool-note" data-find-skip="">
                {' '}
                in{' '}
              </span>
              <bdi className="tool-path" data-section={`${base}where`}>
                {revealInvisible(shape.path)}
              </bdi>
            </>
          )}
        </div>
      );
    case 'todo':
      return <TodoView todos={shape.todos} section={`${base}todo`} />;
    case 'generic':
      return input === null ? null : <InputView input={input} viewKey={`${base}input`} />;
  }
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
  const view = useViewState();
  const found = useBlockAt(call.result);
  const shape = useMemo(() => toolShape(call.name, parseJson(call.input)), [call.name, call.input]);
  const base = partKey(message.index, index, '');
  const jsonKey = `${base}json`;
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
      data-tool-view={shape.kind}
    >
      <header className="tool-head">
        <span className="tool-kind" data-find-skip="">
          {KIND_LABELS[shape.kind]}
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
        {shape.kind !== 'generic' && call.input !== null && (
          <button
            type="button"
            className="tool-json-toggle"
            data-testid="tool-json"
            data-find-skip=""
            aria-expanded={view.isOpen(jsonKey)}
            onClick={() => view.set(jsonKey, !view.isOpen(jsonKey))}
          >
            JSON
          </button>
        )}
      </header>
      {shape.kind !== 'generic' && call.input !== null && view.isOpen(jsonKey) && (
        <InputView input={call.input} viewKey={`${base}input`} />
      )}
      <ShapeBody shape={shape} input={call.input} base={base} />
      {call.input_cut === true && (
        <div className="cut-note" data-testid="input-cut" data-find-skip="">
          The input is too large to send whole: its long strings show only their start.
        </div>
      )}
      {state === 'none' && (
        <div className="tool-empty" data-testid="no-result" data-find-skip="">
          No result in this session
        </div>
      )}
      {found && result && (
        <ToolResultView
          result={result}
          message={found.message.index}
          index={call.result!.block}
          language={shape.kind === 'read' ? languageOfPath(shape.path) : ''}
        />
      )}
      {call.subagent && <SubagentThread thread={call.subagent} />}
    </section>
  );
}

// A tool's result: its output (collapsed when long) and its images, inside the card of the call
// it answers, or on its own when no call in the session has its id.
import type { ToolResultBlock } from '../../../../shared/transcript';
import { revealInvisible } from '../../../../shared/reveal-invisible';
import { partKey } from '../view-state';
import { BlockImages } from './BlockImages';
import { CodeText } from './CodeText';
import { CutRest } from './CutRest';

/** What the result is and where it is in the session. */
export interface ToolResultViewProps {
  result: ToolResultBlock;
  /** The message holding the result and the block's index there. */
  message: number;
  index: number;
  /** highlight.js language of the output ('' for plain). */
  language?: string;
}

/** The output and images of `result` (the card around it says which call it answers). */
export function ToolResultBody({ result, message, index, language = '' }: ToolResultViewProps) {
  const key = partKey(message, index, 'output');
  return (
    <>
      {result.output === '' ? (
        <div className="tool-empty" data-find-skip="">
          No output
        </div>
      ) : (
        <CodeText text={result.output} language={language} viewKey={key} section={key} />
      )}
      {result.cut && <CutRest cut={result.cut} message={message} viewKey={key} />}
      <BlockImages images={result.images} at={{ message, block: index }} />
    </>
  );
}

/** The result element inside a call's card. */
export function ToolResultView(props: ToolResultViewProps) {
  const { result } = props;
  return (
    <div
      className={result.is_error ? 'tool-result is-error' : 'tool-result'}
      data-testid="tool-result"
      data-error={String(result.is_error)}
    >
      <div className="tool-result-label" data-find-skip="">
        {result.is_error ? 'Error' : 'Result'}
      </div>
      <ToolResultBody {...props} />
    </div>
  );
}

/** A result no call in the session has the id of, shown as such. */
export function OrphanResult(props: ToolResultViewProps) {
  const { result } = props;
  return (
    <section
      className={result.is_error ? 'tool-card tool-result orphan is-error' : 'tool-card tool-result orphan'}
      data-testid="tool-result"
      data-error={String(result.is_error)}
      data-tool-id={result.tool_use_id}
    >
      <header className="tool-head" data-find-skip="">
        <span className="tool-kind">{result.is_error ? 'Tool error' : 'Tool result'}</span>
        <span className="tool-note">
          without a call
          {result.tool_use_id !== '' && (
            <>
              {' '}
              for id <bdi className="tool-id">{revealInvisible(result.tool_use_id)}</bdi>
            </>
          )}
        </span>
      </header>
      <ToolResultBody {...props} />
    </section>
  );
}

// The thread a subagent ran for a tool call (Claude Code's Task and Agent tools), folded under the
// call's card until opened: the subagent's own messages, each call with the result that answers
// it inside the thread. Drawn plainly (Markdown for text, the rest as text) and left out of find,
// whose counts cover the session's own messages.
import { countText } from '../../../../shared/count-text';
import { useMemo, useState } from 'react';
import type {
  SubagentThreadWire,
  ToolCallBlock,
  TranscriptBlock,
  TranscriptMessage,
} from '../../../../shared/transcript';
import { revealInvisible } from '../../../../shared/reveal-invisible';
import { rasterDataUrl } from '../images';
import { prettyJson } from '../pretty-json';
import { roleLabel } from '../session-facts';
import { renderTextHtml } from '../text-html';

/** Longest tool output shown in a thread; the rest is in the session's own file. */
const OUTPUT_CAP = 8 * 1024;

function capped(text: string): string {
  return text.length <= OUTPUT_CAP
    ? text
    : `${text.slice(0, OUTPUT_CAP)}\n… (${text.length - OUTPUT_CAP} more characters)`;
}

function ThreadText({ text }: { text: string }) {
  const html = useMemo(() => renderTextHtml(text), [text]);
  return <div className="md" dangerouslySetInnerHTML={{ __html: html }} />;
}

function ThreadCall({ call, messages }: { call: ToolCallBlock; messages: readonly TranscriptMessage[] }) {
  const found = call.result ? messages[call.result.message]?.blocks[call.result.block] : undefined;
  const result = found?.kind === 'tool_result' ? found : null;
  return (
    <div className={`subagent-call${result?.is_error ? ' state-error' : ''}`} data-testid="subagent-call">
      <bdi className="tool-name">{revealInvisible(call.name)}</bdi>
      {call.input !== null && <pre className="subagent-pre">{capped(prettyJson(call.input))}</pre>}
      {result && <pre className="subagent-pre subagent-output">{capped(result.output)}</pre>}
    </div>
  );
}

function ThreadBlock({
  block,
  messages,
}: {
  block: TranscriptBlock;
  messages: readonly TranscriptMessage[];
}) {
  switch (block.kind) {
    case 'text':
      return block.text.trim() === '' ? null : <ThreadText text={block.text} />;
    case 'reasoning':
      return (
        <details className="subagent-reasoning">
          <summary>Thinking</summary>
          <pre className="subagent-pre">{capped(block.text)}</pre>
        </details>
      );
    case 'tool_call':
      return <ThreadCall call={block} messages={messages} />;
    case 'tool_result':
      // A paired result is drawn with its call.
      return block.call !== null ? null : <pre className="subagent-pre">{capped(block.output)}</pre>;
    case 'image': {
      const url =
        block.image.data === undefined
          ? null
          : rasterDataUrl({ mime: block.image.mime, data: block.image.data });
      return url === null ? (
        <div className="image-blocked">Image not shown</div>
      ) : (
        <img className="message-image" src={url} alt="Image" />
      );
    }
    case 'unknown':
      return null;
  }
}

function ThreadMessage({
  message,
  messages,
}: {
  message: TranscriptMessage;
  messages: readonly TranscriptMessage[];
}) {
  return (
    <article className="subagent-message" data-role={message.role} data-testid="subagent-message">
      <header className="message-head">
        <bdi className={`role role-${message.role}`}>{revealInvisible(roleLabel(message.role))}</bdi>
      </header>
      {message.blocks.map((block, i) => (
        <ThreadBlock key={i} block={block} messages={messages} />
      ))}
    </article>
  );
}

/** Subagent thread `thread`, rendered only once opened (a long thread costs nothing folded). */
export function SubagentThread({ thread }: { thread: SubagentThreadWire }) {
  const [open, setOpen] = useState(false);
  const count = thread.messages.length;
  return (
    <details
      className="subagent-thread"
      data-testid="subagent-thread"
      data-find-skip=""
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        Subagent thread · {countText(count)} {count === 1 ? 'message' : 'messages'}
      </summary>
      {open &&
        thread.messages.map((m) => <ThreadMessage key={m.index} message={m} messages={thread.messages} />)}
    </details>
  );
}

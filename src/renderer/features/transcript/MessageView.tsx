// One message: its role, time and actions, then its blocks drawn from their structure. A tool
// result paired with a call is drawn inside that call's card, so a message holding only such
// results has nothing of its own to show and stays a thin marker in the list.
import { memo } from 'react';
import type { TranscriptBlock, TranscriptMessage } from '../../../shared/transcript';
import { revealInvisible } from '../../../shared/reveal-invisible';
import { absoluteTime, isZeroTime } from '../../app/time';
import { useAppStore } from '../../store/store-context';
import { BlockImages } from './blocks/BlockImages';
import { CutRest } from './blocks/CutRest';
import { ReasoningView } from './blocks/ReasoningView';
import { TextBlockView } from './blocks/TextBlockView';
import { ToolCard } from './blocks/ToolCard';
import { OrphanResult } from './blocks/ToolResultView';
import { roleLabel } from './session-facts';
import { formatDuration } from './tool-duration';
import { partKey } from './view-state';

/** Whether a block is drawn in its own message (a paired result is drawn with its call). */
function drawnHere(block: TranscriptBlock): boolean {
  if (block.kind === 'tool_result') return block.call === null;
  if (block.kind === 'text') return block.text.trim() !== '';
  return true;
}

function BlockView({
  message,
  block,
  index,
}: {
  message: TranscriptMessage;
  block: TranscriptBlock;
  index: number;
}) {
  const key = (part: string) => partKey(message.index, index, part);
  switch (block.kind) {
    case 'text':
      return (
        <>
          <TextBlockView text={block.text} viewKey={key('text')} section={key('text')} />
          {block.cut && <CutRest cut={block.cut} message={message.index} viewKey={key('text')} />}
        </>
      );
    case 'reasoning':
      return (
        <>
          <ReasoningView text={block.text} viewKey={key('thinking')} section={key('thinking')} />
          {block.cut && <CutRest cut={block.cut} message={message.index} viewKey={key('thinking')} />}
        </>
      );
    case 'tool_call':
      return <ToolCard message={message} index={index} call={block} />;
    case 'tool_result':
      return <OrphanResult result={block} message={message.index} index={index} />;
    case 'image':
      return <BlockImages images={[block.image]} at={{ message: message.index, block: index }} />;
    case 'unknown':
      return (
        <p className="block-unknown" data-find-skip="">
          A block of type <bdi>“{revealInvisible(block.type)}”</bdi> (not shown)
        </p>
      );
  }
}

function MessageActions({ index }: { index: number }) {
  const copyMessage = useAppStore((s) => s.copyMessage);
  const copyMessageLink = useAppStore((s) => s.copyMessageLink);
  return (
    <span className="message-actions" data-find-skip="">
      <button
        type="button"
        className="message-action"
        data-testid="copy-message"
        title="Copy this message as Markdown"
        onClick={() => void copyMessage(index)}
      >
        Copy
      </button>
      <button
        type="button"
        className="message-action"
        data-testid="copy-link"
        title="Copy a link to this message"
        onClick={() => void copyMessageLink(index)}
      >
        Link
      </button>
    </span>
  );
}

const KIND_LABELS: Record<string, string> = {
  command: 'Command',
  command_output: 'Command output',
  meta: 'Context',
  compact_summary: 'Summary of the conversation before',
  error: 'Error',
  notice: 'Notice',
};

/** What a message that is not a turn of the conversation is, in words (other sources). */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? revealInvisible(kind);
}

/** The message element (data-testid="message", data-index, data-role). */
export const MessageView = memo(function MessageView({ message }: { message: TranscriptMessage }) {
  const drawn = message.blocks
    .map((block, index) => ({ block, index }))
    .filter(({ block }) => drawnHere(block));
  const absorbed = drawn.length === 0 && message.blocks.some((b) => b.kind === 'tool_result');
  const time = isZeroTime(message.timestamp) ? '' : absoluteTime(message.timestamp);
  if (absorbed) {
    // Its results are in the cards of the calls they answer, above.
    return (
      <article
        className="message message-absorbed"
        data-testid="message"
        data-role={message.role}
        data-index={message.index}
        data-absorbed="true"
        aria-label={`${roleLabel(message.role)}: tool results, shown with their calls`}
      />
    );
  }
  return (
    <article
      className="message"
      data-testid="message"
      data-role={message.role}
      data-kind={message.kind}
      data-index={message.index}
    >
      <header className="message-head" data-find-skip="">
        <bdi className={`role role-${message.role}`}>{revealInvisible(roleLabel(message.role))}</bdi>
        {message.kind !== undefined && (
          <span className="message-kind" data-testid="message-kind">
            {kindLabel(message.kind)}
          </span>
        )}
        {time && (
          <time className="message-time" dateTime={message.timestamp}>
            {time}
          </time>
        )}
        {message.metrics?.map((metric, i) => (
          <span key={i} className="message-metric" title={`${metric.type} took this long`}>
            {revealInvisible(metric.type)} {formatDuration(metric.duration / 1e6)}
          </span>
        ))}
        <MessageActions index={message.index} />
      </header>
      <div className="message-body" data-find-scope="">
        {drawn.length === 0 ? (
          <p className="message-empty">Empty message</p>
        ) : (
          drawn.map(({ block, index }) => (
            <BlockView key={index} message={message} block={block} index={index} />
          ))
        )}
      </div>
    </article>
  );
});

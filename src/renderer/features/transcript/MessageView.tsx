// One message: a shell that exists at once (so the page has its full length), whose body fills
// in when the renderer reaches it. Long parts expand in place via their "Show all" buttons.
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type MouseEvent,
} from 'react';
import type { TranscriptMessage } from '../../../shared/types';
import { absoluteTime, isZeroTime } from '../../app/time';
import { renderMessageBody } from './render-message';
import { MessageImages } from './MessageImages';
import { SubagentThreads } from './SubagentThreads';
import { roleLabel } from './session-facts';
import type { TranscriptRenderer } from './transcript-renderer';

/** Props of one message view. */
export interface MessageViewProps {
  message: TranscriptMessage;
  index: number;
  renderer: TranscriptRenderer;
  /** Callback ref that reports the shell to the viewport watcher. */
  watch(element: Element | null): (() => void) | undefined;
  /** Called after the body's HTML changed (find recounts). */
  onContentChange(): void;
}

const NOTHING_EXPANDED: ReadonlySet<string> = new Set();

/** A height guess (px) for a message not laid out yet, so the scrollbar is roughly right. */
function estimatedHeight(markdown: string): number {
  let lines = Math.ceil(markdown.length / 100);
  for (let i = markdown.indexOf('\n'); i >= 0 && lines < 40; i = markdown.indexOf('\n', i + 1)) lines++;
  return Math.min(840, 64 + Math.min(lines, 40) * 20);
}

/** One rendered (or pending) message. */
export const MessageView = memo(function MessageView({
  message,
  index,
  renderer,
  watch,
  onContentChange,
}: MessageViewProps) {
  const subscribe = useCallback(
    (listener: () => void) => renderer.subscribe(index, listener),
    [renderer, index],
  );
  const scheduled = useSyncExternalStore(subscribe, () => renderer.htmlFor(index));
  const [expanded, setExpanded] = useState(NOTHING_EXPANDED);
  const html = useMemo(
    () => (expanded.size === 0 ? scheduled : renderMessageBody(message.markdown, expanded)),
    [expanded, scheduled, message.markdown],
  );

  useEffect(() => {
    if (html !== null) onContentChange();
  }, [html, onContentChange]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const button = (event.target as Element).closest('[data-expand]');
    const key = button?.getAttribute('data-expand');
    if (!key || !event.currentTarget.contains(button)) return;
    setExpanded((current) => new Set([...current, key]));
  };

  const estimate = useMemo(() => estimatedHeight(message.markdown), [message.markdown]);
  const time = isZeroTime(message.timestamp) ? '' : absoluteTime(message.timestamp);
  return (
    <article
      ref={watch}
      className="message"
      data-testid="message"
      data-role={message.role}
      data-kind={message.kind}
      data-index={index}
      // Off-screen messages skip layout and paint; until first laid out, this guess stands in.
      style={{ containIntrinsicSize: `auto ${estimate}px` }}
    >
      <header className="message-head">
        <span className={`role role-${message.role}`}>{roleLabel(message.role)}</span>
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
      </header>
      {html === null ? (
        <div className="message-pending" style={{ height: estimate - 40 }} aria-busy="true" />
      ) : html === '' && message.images.length === 0 ? (
        <p className="message-empty">Empty message</p>
      ) : (
        <div
          // A new element per expansion state, so find never reuses matches from the old HTML.
          key={[...expanded].join(' ')}
          className="message-body"
          data-find-scope=""
          onClick={onClick}
          dangerouslySetInnerHTML={{ __html: html }}
        />
      )}
      <MessageImages images={message.images} />
      <SubagentThreads threads={message.subagents} />
    </article>
  );
});

const KIND_LABELS: Record<string, string> = {
  command: 'Command',
  command_output: 'Command output',
  meta: 'Context',
  compact_summary: 'Summary of the conversation before',
  error: 'Error',
  notice: 'Notice',
};

/** What a message that is not a turn of the conversation is, in words. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

// The threads subagents ran for a message's tool calls (Claude Code's Task and Agent tools), each
// folded under the message until opened: the subagent's own messages, rendered as any message is.
import { useMemo, useState } from 'react';
import type { SubagentTranscript, TranscriptMessage } from '../../../shared/types';
import { renderMessageBody } from './render-message';
import { MessageImages } from './MessageImages';
import { roleLabel } from './session-facts';

function ThreadMessage({ message }: { message: TranscriptMessage }) {
  const html = useMemo(() => renderMessageBody(message.markdown), [message.markdown]);
  return (
    <article className="message subagent-message" data-role={message.role} data-testid="subagent-message">
      <header className="message-head">
        <span className={`role role-${message.role}`}>{roleLabel(message.role)}</span>
      </header>
      <div className="message-body" data-find-scope="" dangerouslySetInnerHTML={{ __html: html }} />
      <MessageImages images={message.images} />
    </article>
  );
}

function Thread({ thread }: { thread: SubagentTranscript }) {
  // Rendered only once opened: a long thread costs nothing while folded.
  const [open, setOpen] = useState(false);
  const count = thread.messages.length;
  return (
    <details
      className="subagent-thread"
      data-testid="subagent-thread"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        Subagent thread · {count.toLocaleString('en-US')} {count === 1 ? 'message' : 'messages'}
      </summary>
      {open && thread.messages.map((m, i) => <ThreadMessage key={i} message={m} />)}
    </details>
  );
}

/** The message's subagent threads, if any. */
export function SubagentThreads({ threads }: { threads: readonly SubagentTranscript[] | undefined }) {
  if (!threads || threads.length === 0) return null;
  return (
    <div className="subagent-threads">
      {threads.map((t) => (
        <Thread key={`${t.tool_id}:${t.agent_id}`} thread={t} />
      ))}
    </div>
  );
}

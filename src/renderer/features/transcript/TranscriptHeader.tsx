// The transcript's header: title and facts (the drag handle for drag-out), the actions, and
// notices about what loading had to skip.
import { countText } from '../../../shared/count-text';
import { Fragment, useRef, useState } from 'react';
import type { TranscriptSession } from '../../../shared/transcript';
import type { TranscriptData } from '../../model/transcript-data';
import { useAppStore } from '../../store/store-context';
import { Name } from '../../app/Name';
import { HitNavigator } from '../search/HitNavigator';
import { HeaderNotes } from './HeaderNotes';
import { SessionActions } from './SessionActions';
import { ResumeButton } from '../resume/ResumeButton';
import { sessionFacts } from './session-facts';
import { useClamped } from './use-clamped';

/** The parts of a session the header can show before its transcript has loaded. */
interface HeaderSession {
  id: string;
  title: string;
}

function Notices({ session }: { session: TranscriptSession }) {
  return (
    <>
      {session.skipped_lines > 0 && (
        <div className="notice" data-testid="skipped-notice" role="note">
          {session.skipped_lines === 1
            ? '1 damaged line was'
            : `${countText(session.skipped_lines)} damaged lines were`}{' '}
          skipped while loading this session
          {session.skipped.length > 0 &&
            ` (${session.skipped
              .slice(0, 3)
              .map((s) => `line ${s.line}: ${s.reason}`)
              .join('; ')}${session.skipped.length > 3 ? '; …' : ''})`}
          .
        </div>
      )}
      {session.duplicate_messages > 0 && (
        <div className="notice" role="note">
          {session.duplicate_messages === 1
            ? '1 repeated message was'
            : `${session.duplicate_messages} repeated messages were`}{' '}
          left out (same message id as an earlier one).
        </div>
      )}
      {(session.notices ?? []).map((text) => (
        <div key={text} className="notice" data-testid="source-notice" role="note">
          {text}.
        </div>
      ))}
    </>
  );
}

/** Names side by side ("vendor / endpoint"), each isolated from the others. */
function NameList({ names }: { names: readonly string[] }) {
  return names.map((name, i) => (
    <Fragment key={i}>
      {i > 0 && ' / '}
      <Name text={name} testId="fact-name" />
    </Fragment>
  ));
}

/** Header of the open session; `transcript` is null while it loads. */
export function TranscriptHeader({
  session,
  transcript,
}: {
  session: HeaderSession;
  transcript: TranscriptData | null;
}) {
  const startDrag = useAppStore((s) => s.startDrag);
  const annotation = useAppStore((s) => s.annotations[session.id]);
  const live = useAppStore((s) => s.sessions.find((x) => x.id === session.id)?.live === true);
  const sources = useAppStore((s) => s.info?.sources);
  const facts = transcript ? sessionFacts(transcript.session, sources) : [];
  const ready = transcript !== null;
  // A long title takes two lines and the facts one, until the reader asks for all of them.
  const [expanded, setExpanded] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const metaRef = useRef<HTMLDListElement>(null);
  const noteRef = useRef<HTMLParagraphElement>(null);
  const clamped = useClamped(
    [titleRef, metaRef, noteRef],
    `${session.id} ${session.title} ${facts.length} ${expanded} ${JSON.stringify(annotation)}`,
  );

  return (
    <header
      className="transcript-header"
      data-testid="transcript-header"
      data-expanded={expanded ? 'true' : undefined}
    >
      <div className="header-row">
        <div
          className="drag-handle"
          data-testid="drag-handle"
          draggable
          title="Drag to save this session as a Markdown file"
          onDragStart={(event) => startDrag(event, session.id)}
        >
          <h1 ref={titleRef} className="transcript-title" data-testid="transcript-title">
            {live && (
              <span className="live-badge" title="An agent is writing this session now">
                Live
              </span>
            )}
            <Name
              text={annotation?.name ?? session.title}
              fallback="Untitled session"
              testId="transcript-title-name"
            />
          </h1>
          <HeaderNotes title={session.title} annotation={annotation} noteRef={noteRef} />
          <dl ref={metaRef} className="transcript-meta" data-testid="transcript-meta">
            {facts.map((fact) => (
              <div key={fact.label} className="fact">
                <dt>{fact.label}</dt>
                <dd>{fact.names ? <NameList names={fact.names} /> : fact.value}</dd>
              </div>
            ))}
            <div className="fact fact-id">
              <dt>Session</dt>
              <dd>{session.id}</dd>
            </div>
          </dl>
          {(clamped || expanded) && (
            <button
              type="button"
              className="pill-button link-button"
              data-testid="header-expand"
              aria-expanded={expanded}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? 'Show less' : 'Show everything'}
            </button>
          )}
        </div>
        <SessionActions id={session.id} ready={ready} />
        <ResumeButton id={session.id} />
      </div>
      <HitNavigator />
      {transcript && <Notices session={transcript.session} />}
    </header>
  );
}

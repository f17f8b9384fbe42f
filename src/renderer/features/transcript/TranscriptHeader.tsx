// The transcript's header: title and facts (the drag handle for drag-out), the actions, and
// notices about what loading had to skip.
import { Fragment } from 'react';
import type { Transcript } from '../../../shared/types';
import { useAppStore } from '../../store/store-context';
import { Name } from '../../app/Name';
import { HitNavigator } from '../search/HitNavigator';
import { sessionFacts } from './session-facts';

/** The parts of a session the header can show before its transcript has loaded. */
interface HeaderSession {
  id: string;
  title: string;
}

function Notices({ session }: { session: Transcript['session'] }) {
  return (
    <>
      {session.skipped_lines > 0 && (
        <div className="notice" data-testid="skipped-notice" role="note">
          {session.skipped_lines === 1
            ? '1 damaged line was'
            : `${session.skipped_lines.toLocaleString('en-US')} damaged lines were`}{' '}
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
  transcript: Transcript | null;
}) {
  const mode = useAppStore((s) => s.mode);
  const startDrag = useAppStore((s) => s.startDrag);
  const openFind = useAppStore((s) => s.openFind);
  const copyMarkdown = useAppStore((s) => s.copyMarkdown);
  const saveMarkdown = useAppStore((s) => s.saveMarkdown);
  const requestDelete = useAppStore((s) => s.requestDelete);
  const live = useAppStore((s) => s.sessions.find((x) => x.id === session.id)?.live === true);
  const facts = transcript ? sessionFacts(transcript.session) : [];
  const ready = transcript !== null;

  return (
    <header className="transcript-header" data-testid="transcript-header">
      <div className="header-row">
        <div
          className="drag-handle"
          data-testid="drag-handle"
          draggable
          title="Drag to save this session as a Markdown file"
          onDragStart={(event) => startDrag(event, session.id)}
        >
          <h1 className="transcript-title" data-testid="transcript-title">
            {live && (
              <span className="live-badge" title="An agent is writing this session now">
                Live
              </span>
            )}
            <Name text={session.title} fallback="Untitled session" testId="transcript-title-name" />
          </h1>
          <dl className="transcript-meta" data-testid="transcript-meta">
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
        </div>
        <div className="header-actions" role="toolbar" aria-label="Session actions">
          <button type="button" className="button" onClick={openFind} disabled={!ready} title="Find (Ctrl+F)">
            Find
          </button>
          <button
            type="button"
            className="button"
            data-testid="copy-markdown"
            onClick={() => void copyMarkdown()}
          >
            Copy Markdown
          </button>
          <button
            type="button"
            className="button"
            data-testid="save-markdown"
            onClick={() => void saveMarkdown()}
          >
            {mode === 'electron' ? 'Save As…' : 'Download'}
          </button>
          <button
            type="button"
            className="button danger"
            data-testid="delete-session"
            onClick={requestDelete}
          >
            Delete
          </button>
        </div>
      </div>
      <HitNavigator />
      {transcript && <Notices session={transcript.session} />}
    </header>
  );
}

// The right-hand pane: the open session's header, find bar and messages, or a hint when none is
// open; a notice when the open session's file has gone from the folder.
import { useEffect, useRef } from 'react';
import { isMac } from '../../app/shortcuts';
import { FindBar } from '../find/FindBar';
import { useAppStore } from '../../store/store-context';
import { DeleteDialog } from './DeleteDialog';
import { NotesDialog } from './NotesDialog';
import { Rehearsal } from './Rehearsal';
import { TranscriptBody } from './TranscriptBody';
import { useDataRevision } from './TranscriptContext';
import { TranscriptHeader } from './TranscriptHeader';
import { warmUpAtIdle } from './warm-up';

/** The transcript pane. */
export function TranscriptPane() {
  const selectedId = useAppStore((s) => s.selectedId);
  const summary = useAppStore((s) => s.sessions.find((x) => x.id === s.selectedId));
  const transcript = useAppStore((s) => (s.transcript?.id === s.selectedId ? s.transcript : null));
  const transcriptState = useAppStore((s) => s.transcriptState);
  const transcriptError = useAppStore((s) => s.transcriptError);
  const findOpen = useAppStore((s) => s.find.open);
  const confirmingDelete = useAppStore((s) => s.confirmingDelete);
  const editingNotes = useAppStore((s) => s.editingNotes);
  const following = useAppStore((s) => s.followingId !== null && s.followingId === s.selectedId);
  const listReady = useAppStore((s) => s.listState === 'ready');
  const focusRequest = useAppStore((s) => s.transcriptFocusRequest);
  const pane = useRef<HTMLElement>(null);
  const focused = useRef(0);
  // The header's facts change as pages and appends arrive.
  useDataRevision(transcript);
  // Markdown and highlighting get ready while the reader chooses a session.
  useEffect(() => warmUpAtIdle(), []);

  // A session opened from the keyboard takes focus once its messages show, so the keys that
  // scroll (PageDown, Space) work at once.
  useEffect(() => {
    if (focusRequest === focused.current || transcript === null) return;
    focused.current = focusRequest;
    pane.current?.querySelector<HTMLElement>('[data-testid="transcript-body"]')?.focus();
  }, [focusRequest, transcript]);

  const mod = isMac() ? '⌘' : 'Ctrl';
  if (selectedId === null) {
    return (
      <section className="transcript-pane transcript-placeholder" aria-label="Transcript">
        <p>Select a session to read its transcript.</p>
        <p className="hint">
          <kbd>↑</kbd> <kbd>↓</kbd> move through the list · <kbd>{mod}</kbd>+<kbd>K</kbd> filter, then{' '}
          <kbd>Enter</kbd> to search every session · <kbd>?</kbd> all shortcuts
        </p>
        <Rehearsal />
      </section>
    );
  }

  const session = transcript?.session ?? { id: selectedId, title: summary?.title ?? selectedId };
  return (
    <section
      ref={pane}
      className="transcript-pane"
      data-testid="transcript"
      aria-label="Transcript"
      // Set once new messages of this session are being pushed (e2e tests wait for it).
      data-following={following ? 'true' : undefined}
    >
      <TranscriptHeader session={session} transcript={transcript} />
      {transcript && listReady && summary === undefined && (
        <div className="notice" data-testid="gone-notice" role="note">
          This session’s file is no longer in the folder; what was loaded stays shown until you leave it.
        </div>
      )}
      {findOpen && transcript && <FindBar />}
      {transcript ? (
        <TranscriptBody key={transcript.id} data={transcript} />
      ) : (
        <div className="transcript-body transcript-state" data-testid="transcript-body">
          {transcriptState === 'error' ? (
            <p className="error-text">Could not open this session: {transcriptError}</p>
          ) : (
            <p className="loading-text">Loading…</p>
          )}
        </div>
      )}
      {confirmingDelete && <DeleteDialog title={session.title} />}
      {editingNotes && <NotesDialog id={session.id} title={session.title} />}
    </section>
  );
}

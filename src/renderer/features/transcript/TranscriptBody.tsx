// The scrolling list of messages with checkpoint markers between them. Every message has a shell
// from the start; bodies render progressively, nearest to the viewport first. Messages appended
// to a followed session join at the end without moving the reader (see TailFollower).
import {
  Fragment,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { Transcript } from '../../../shared/types';
import { useTranscriptFind } from '../find/use-transcript-find';
import { useSearchHits } from '../search/use-search-hits';
import { CheckpointMarker } from './CheckpointMarker';
import { MessageView } from './MessageView';
import { NewMessagesPill } from './NewMessagesPill';
import { scrollElementToTop } from './scroll-into-body';
import { checkpointsByPosition } from './session-facts';
import { TailFollower } from './tail-follower';
import { TranscriptRenderer, continues } from './transcript-renderer';
import { ViewportWatcher } from './viewport-watcher';

/** The messages of `transcript`. Mount with key = session id, so a new session starts fresh. */
export function TranscriptBody({ transcript }: { transcript: Transcript }) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [renderer, setRenderer] = useState(() => new TranscriptRenderer(transcript.messages));
  const [watcher] = useState(() => new ViewportWatcher());
  const [follower] = useState(() => new TailFollower());
  const unseen = useSyncExternalStore(follower.subscribe, follower.snapshot);
  const onFindChange = useTranscriptFind(bodyRef);
  const onHitsChange = useSearchHits(bodyRef, renderer);

  const onContentChange = useCallback(() => {
    onFindChange();
    onHitsChange();
    if (bodyRef.current) follower.contentChanged(bodyRef.current);
  }, [onFindChange, onHitsChange, follower]);

  // New messages at the end keep the renderer (and every rendered message); anything else (a
  // rewritten session) gets a renderer of its own, whose cached HTML carries over.
  const [shownMessages, setShownMessages] = useState(transcript.messages);
  if (shownMessages !== transcript.messages) {
    setShownMessages(transcript.messages);
    if (!continues(shownMessages, transcript.messages)) {
      setRenderer(new TranscriptRenderer(transcript.messages));
    }
  }

  // Runs after the new shells are in the DOM and before the browser paints them.
  const laidOut = useRef(transcript.messages.length);
  useLayoutEffect(() => {
    renderer.extendTo(transcript.messages);
    const before = laidOut.current;
    laidOut.current = transcript.messages.length;
    if (bodyRef.current && transcript.messages.length > before) {
      follower.appended(bodyRef.current, before, transcript.messages.length - before);
    }
  }, [renderer, transcript.messages, follower]);

  useEffect(() => {
    const stopProgress = renderer.onProgress(onContentChange);
    renderer.start();
    return () => {
      stopProgress();
      renderer.stop();
    };
  }, [renderer, onContentChange]);

  useEffect(() => {
    if (bodyRef.current) watcher.attach(bodyRef.current, (index) => renderer.prioritize(index));
    return () => watcher.detach();
  }, [watcher, renderer]);

  const markers = checkpointsByPosition(transcript.session.checkpoints, transcript.messages.length);
  const markersAt = (position: number) =>
    (markers.get(position) ?? []).map((checkpoint, i) => (
      <CheckpointMarker key={`cp-${position}-${i}`} checkpoint={checkpoint} />
    ));

  return (
    <>
      <div
        ref={bodyRef}
        className="transcript-body"
        data-testid="transcript-body"
        // In the Tab order, so the keyboard can reach and scroll it (PageDown, Space, arrows).
        tabIndex={0}
        role="region"
        aria-label="Messages"
        onScroll={(event) => follower.scrolled(event.currentTarget)}
      >
        {transcript.messages.length === 0 && (
          <p className="transcript-empty">This session has no messages.</p>
        )}
        {transcript.messages.map((message, index) => (
          <Fragment key={index}>
            {markersAt(index)}
            <MessageView
              message={message}
              index={index}
              renderer={renderer}
              watch={watcher.watch}
              onContentChange={onContentChange}
            />
          </Fragment>
        ))}
        {markersAt(transcript.messages.length)}
      </div>
      {unseen && (
        <NewMessagesPill
          count={unseen.count}
          onShow={() => {
            if (bodyRef.current)
              follower.showUnseen(bodyRef.current, (shell) => scrollElementToTop(bodyRef.current!, shell));
          }}
        />
      )}
    </>
  );
}

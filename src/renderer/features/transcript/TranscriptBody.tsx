// The scrolling list of messages with checkpoint markers between them. Every message has a shell
// from the start; bodies render progressively, nearest to the viewport first.
import { Fragment, useEffect, useRef, useState } from 'react';
import type { Transcript } from '../../../shared/types';
import { useTranscriptFind } from '../find/use-transcript-find';
import { CheckpointMarker } from './CheckpointMarker';
import { MessageView } from './MessageView';
import { checkpointsByPosition } from './session-facts';
import { TranscriptRenderer } from './transcript-renderer';
import { ViewportWatcher } from './viewport-watcher';

/** The messages of `transcript`. Mount with key = session id, so a new session starts fresh. */
export function TranscriptBody({ transcript }: { transcript: Transcript }) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [renderer, setRenderer] = useState(() => new TranscriptRenderer(transcript.messages));
  const [watcher] = useState(() => new ViewportWatcher());
  const onContentChange = useTranscriptFind(bodyRef);

  // A reloaded transcript (the session grew) gets a renderer of its own; cached HTML carries over.
  const [shownMessages, setShownMessages] = useState(transcript.messages);
  if (shownMessages !== transcript.messages) {
    setShownMessages(transcript.messages);
    setRenderer(new TranscriptRenderer(transcript.messages));
  }

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
    <div ref={bodyRef} className="transcript-body" data-testid="transcript-body" tabIndex={-1}>
      {transcript.messages.length === 0 && <p className="transcript-empty">This session has no messages.</p>}
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
  );
}

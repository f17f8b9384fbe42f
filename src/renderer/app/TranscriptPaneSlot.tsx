// The transcript pane's code (marked, DOMPurify, highlight.js and the pane itself: their set-up
// runs when the code loads) is no part of the first paint: it is fetched once the list has been
// painted, or at once when a session is open before that (a deep link). Until then the pane is
// an empty placeholder. No lazy component: a Suspense boundary's reveal can be held back up to
// 300 ms, and a failed fetch (a dropped connection) would throw out of the whole app instead of
// leaving a pane that offers to try again.
import { useEffect, useState } from 'react';
import { errorLine } from '../../shared/api';
import type { TranscriptPane } from '../features/transcript/TranscriptPane';
import { useAppStore } from '../store/store-context';

/** The pane's component once its code is here. */
let loadedPane: typeof TranscriptPane | null = null;
/** The fetch under way, if any (a failed one is forgotten, so the next try fetches again). */
let loading: Promise<typeof TranscriptPane> | null = null;

function loadPane(): Promise<typeof TranscriptPane> {
  loading ??= import('../features/transcript/TranscriptPane').then(
    (m) => (loadedPane = m.TranscriptPane),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** True from the frame after the first list (or its error) has been painted. */
function useListPainted(): boolean {
  const listShown = useAppStore((s) => s.listState === 'ready' || s.listState === 'error');
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!listShown || painted) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setPainted(true));
    });
    return () => cancelAnimationFrame(frame);
  }, [listShown, painted]);
  return painted;
}

/** The transcript pane, its code loaded after the list's first paint. */
export function TranscriptPaneSlot() {
  const listPainted = useListPainted();
  const sessionOpen = useAppStore((s) => s.selectedId !== null);
  const wanted = listPainted || sessionOpen;
  const [Pane, setPane] = useState(() => loadedPane);
  const [failure, setFailure] = useState<{ error: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!wanted || Pane) return;
    let current = true;
    loadPane().then(
      (pane) => current && setPane(() => pane),
      (error: unknown) => current && setFailure({ error: errorLine(error) }),
    );
    return () => {
      current = false;
    };
  }, [wanted, attempt, Pane]);

  if (Pane) return <Pane />;
  return (
    <section className="transcript-pane transcript-placeholder" aria-label="Transcript">
      {failure && (
        <p role="alert">
          The transcript view could not be loaded ({failure.error}).{' '}
          <button
            type="button"
            className="button"
            onClick={() => {
              setFailure(null);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </p>
      )}
    </section>
  );
}

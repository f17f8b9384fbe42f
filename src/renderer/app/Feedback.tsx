// A confirmation shown beside the action that caused it ("Copied" under Copy Markdown), for a few
// seconds; errors stay in the status line, where they can be read and dismissed.
import { useAppStore } from '../store/store-context';
import type { FeedbackPlace } from '../store/app-state';
import { Name } from './Name';

/** The confirmation for `place`, while there is one (an always-present live region). */
export function Feedback({ place }: { place: FeedbackPlace }) {
  const status = useAppStore((s) => (s.status?.place === place ? s.status : null));
  return (
    <span className="feedback" data-testid={`feedback-${place}`} role="status" aria-live="polite">
      {status && (
        <span
          key={status.seq}
          className={status.tone === 'error' ? 'feedback-bubble error' : 'feedback-bubble'}
        >
          <Name text={status.text} />
          {status.name !== undefined && (
            <>
              {' “'}
              <Name text={status.name} fallback="Untitled session" />”
            </>
          )}
        </span>
      )}
    </span>
  );
}

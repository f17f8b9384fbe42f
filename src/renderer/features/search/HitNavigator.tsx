// Next / previous hit inside the open session, after a search hit was opened: "i/n" over every
// message of the session that matches the query.
import { useAppStore } from '../../store/store-context';

/** "3/12": the current hit's place among the session's matching messages ("–" when it is not
 * one of them, such as a title hit); "…" until they are known. */
export function hitPosition(matches: readonly number[] | null, message: number): string {
  if (matches === null) return '…';
  if (matches.length === 0) return 'no matching messages';
  const at = matches.indexOf(message);
  return `${at < 0 ? '–' : at + 1}/${matches.length}`;
}

/** The navigator; nothing unless hits of the open session are being shown. */
export function HitNavigator() {
  const hits = useAppStore((s) => (s.hits !== null && s.hits.id === s.selectedId ? s.hits : null));
  const hitNext = useAppStore((s) => s.hitNext);
  const hitPrev = useAppStore((s) => s.hitPrev);
  const clearHits = useAppStore((s) => s.clearHits);
  if (!hits) return null;
  const none = hits.matches === null || hits.matches.length === 0;
  return (
    <div className="hit-nav" role="group" aria-label="Search hits in this session">
      <span className="hit-query" data-testid="hit-query" title={hits.query}>
        Hits for <q>{hits.query.trim()}</q>
      </span>
      <button
        type="button"
        className="icon-button"
        data-testid="hit-prev"
        aria-label="Previous hit"
        disabled={none}
        onClick={hitPrev}
      >
        ↑
      </button>
      <span className="hit-position" data-testid="hit-position" aria-live="polite">
        {hitPosition(hits.matches, hits.message)}
      </span>
      <button
        type="button"
        className="icon-button"
        data-testid="hit-next"
        aria-label="Next hit"
        disabled={none}
        onClick={hitNext}
      >
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Stop showing hits" onClick={clearHits}>
        ✕
      </button>
    </div>
  );
}

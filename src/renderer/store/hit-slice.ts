// The hit slice: a clicked search hit opens its session at that message, and next / previous walk
// through every message of the session that matches the same query.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, HitSlice, StoreDeps } from './app-state';

/** The match after (step 1) or before (step -1) `message`, wrapping around; null when none. */
export function stepHit(matches: readonly number[], message: number, step: 1 | -1): number | null {
  if (matches.length === 0) return null;
  if (step === 1) return matches.find((m) => m > message) ?? matches[0]!;
  return matches.findLast((m) => m < message) ?? matches[matches.length - 1]!;
}

/** Builds the hit slice. */
export function createHitSlice(deps: StoreDeps): StateCreator<AppState, [], [], HitSlice> {
  return (set, get) => {
    const jump = (step: 1 | -1) => {
      const hits = get().hits;
      if (!hits || hits.id !== get().selectedId) return;
      const message = stepHit(hits.matches ?? [], hits.message, step);
      if (message !== null) set({ hits: { ...hits, message, seq: hits.seq + 1 } });
    };

    return {
      hits: null,

      openHit(id, message) {
        const query = get().search.resultsQuery;
        get().select(id);
        const seq = (get().hits?.seq ?? 0) + 1;
        set({ hits: { id, query, matches: null, message, seq } });
        deps.api.searchMatches({ id, query }).then(
          (matches) => {
            const hits = get().hits;
            if (hits?.id === id && hits.query === query) set({ hits: { ...hits, matches } });
          },
          () => {
            // Without the list the hit still shows; next / previous stay disabled.
          },
        );
      },

      hitNext: () => jump(1),
      hitPrev: () => jump(-1),
      clearHits: () => set({ hits: null }),

      retargetHits(query) {
        const hits = get().hits;
        if (!hits || hits.query === query) return;
        const { id } = hits;
        // Until the new query's matches are known, nothing of the old one is shown.
        set({ hits: { ...hits, query, matches: null, seq: hits.seq } });
        deps.api.searchMatches({ id, query }).then(
          (matches) => {
            const now = get().hits;
            if (now?.id !== id || now.query !== query) return;
            const message = matches.includes(now.message) ? now.message : matches[0];
            if (message === undefined) set({ hits: null });
            else set({ hits: { ...now, matches, message, seq: now.seq + 1 } });
          },
          () => set({ hits: null }),
        );
      },
    };
  };
}

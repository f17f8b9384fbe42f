// "Recent": the last few sessions opened in this window, above the list while nothing narrows it;
// folded with one click, and remembered so.
import { useMemo } from 'react';
import { Name } from '../../app/Name';
import { RECENT_SHOWN } from '../../store/notes-slice';
import { useAppStore } from '../../store/store-context';
import { isNarrowed } from '../../model/list-view';
import { recentSessions } from '../../model/recent-sessions';

/** The group; nothing when there is nothing recent, or when the list is being narrowed. */
export function RecentGroup() {
  const recent = useAppStore((s) => s.recent);
  const sessions = useAppStore((s) => s.sessions);
  const notes = useAppStore((s) => s.annotations);
  const narrowed = useAppStore((s) => isNarrowed(s.view));
  const folded = useAppStore((s) => s.recentFolded);
  const setFolded = useAppStore((s) => s.setRecentFolded);
  const selectedId = useAppStore((s) => s.selectedId);
  const select = useAppStore((s) => s.select);
  const shown = useMemo(() => recentSessions(recent, sessions, RECENT_SHOWN), [recent, sessions]);
  if (narrowed || shown.length === 0) return null;
  return (
    <section className="recent-group" aria-labelledby="recent-heading" data-testid="recent-group">
      <h2 id="recent-heading" className="recent-heading">
        <button
          type="button"
          className="recent-toggle"
          data-testid="recent-toggle"
          aria-expanded={!folded}
          aria-controls="recent-items"
          onClick={() => setFolded(!folded)}
        >
          <span aria-hidden="true">{folded ? '▸' : '▾'}</span> Recent
        </button>
      </h2>
      {!folded && (
        <ul id="recent-items" className="recent-items">
          {shown.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="menu-item compact recent-item"
                data-testid="recent-item"
                data-session-id={s.id}
                aria-current={s.id === selectedId ? 'true' : undefined}
                onClick={() => select(s.id)}
              >
                {notes[s.id]?.starred && (
                  <span className="row-star" aria-label="Starred" role="img">
                    ★
                  </span>
                )}
                <Name
                  text={notes[s.id]?.name ?? s.title}
                  fallback="Untitled session"
                  className="name-line"
                  tooltip
                />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// The result list: one group per session (title, model, updated, hit count) with its best
// snippets; clicking a snippet opens the session at that message. "More results" adds a page.
import { memo } from 'react';
import { sourceLabel } from '../../../shared/sources';
import type { SearchGroup, SearchMatch } from '../../../shared/types';
import { Name } from '../../app/Name';
import { absoluteTime, relativeTime } from '../../../shared/time';
import { useNow } from '../../app/use-now';
import { useAppStore } from '../../store/store-context';
import { Snippet } from './Snippet';

/** Marks the buttons arrow keys move between. */
export const NAV_ATTRIBUTE = 'data-search-nav';

function matchLabel(match: SearchMatch): string {
  if (match.field === 'title') return 'Title';
  const where = `Message ${(match.message + 1).toLocaleString('en-US')}`;
  return match.field === 'tools' ? `${where} · tools` : where;
}

interface GroupProps {
  group: SearchGroup;
  /** The display name given in the app, shown instead of the stored title. */
  name: string | undefined;
  open: boolean;
  /** The message of the hit shown in the transcript, when it is in this group. */
  currentMessage: number | null;
  now: number;
  onOpen(id: string, message: number): void;
}

const GroupView = memo(function GroupView({ group, name, open, currentMessage, now, onOpen }: GroupProps) {
  const sources = useAppStore((s) => s.info?.sources);
  const first = group.matches[0]?.message ?? -1;
  const more = group.hit_count - group.matches.length;
  const nav = { [NAV_ATTRIBUTE]: '' };
  return (
    <li
      className={open ? 'search-group open' : 'search-group'}
      data-testid="search-group"
      data-session-id={group.id}
      aria-current={open}
    >
      <button type="button" className="search-group-head" {...nav} onClick={() => onOpen(group.id, first)}>
        <span className="row-line">
          <Name
            text={name ?? group.title}
            fallback="Untitled session"
            className="row-title"
            testId="search-group-title"
            tooltip
          />
          <time className="row-time" dateTime={group.updated_at} title={absoluteTime(group.updated_at)}>
            {relativeTime(group.updated_at, now)}
          </time>
        </span>
        <span className="row-line row-details">
          {group.source !== undefined && (
            <span className="row-source" data-testid="search-group-source">
              {sourceLabel(group.source, sources)}
            </span>
          )}
          <Name text={group.model} fallback="unknown model" className="row-model" tooltip />
          {group.vendor !== '' && <Name text={group.vendor} className="row-vendor name-line" tooltip />}
          <span className="row-count" data-testid="search-hit-count">
            {group.hit_count.toLocaleString('en-US')} {group.hit_count === 1 ? 'hit' : 'hits'}
          </span>
        </span>
      </button>
      <ul className="search-hits">
        {group.matches.map((match) => (
          <li key={`${match.message}-${match.field}`}>
            <button
              type="button"
              className="search-hit"
              data-testid="search-hit"
              data-message={match.message}
              aria-current={match.message === currentMessage}
              {...nav}
              onClick={() => onOpen(group.id, match.message)}
            >
              <span className="hit-where">{matchLabel(match)}</span>
              <Snippet match={match} />
            </button>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <div className="search-more-hits">
          and {more.toLocaleString('en-US')} more {more === 1 ? 'hit' : 'hits'} in this session
        </div>
      )}
    </li>
  );
});

/** The groups of the shown results and the pager. */
export function SearchResults() {
  const search = useAppStore((s) => s.search);
  const selectedId = useAppStore((s) => s.selectedId);
  const openHit = useAppStore((s) => s.openHit);
  const shownHit = useAppStore((s) => (s.hits?.id === s.selectedId ? s.hits : null));
  const loadMoreResults = useAppStore((s) => s.loadMoreResults);
  const notes = useAppStore((s) => s.annotations);
  const now = useNow();
  // Unranked (capped) results do not know how many sessions are left, only that some are.
  const remaining = search.capped ? null : search.totalSessions - search.groups.length;
  return (
    <div
      id="search-results"
      className="search-results"
      data-testid="search-results"
      aria-busy={search.state === 'loading'}
      // The query these results answer: lets a test (or a screen reader) tell old results from new.
      data-query={search.resultsQuery}
    >
      {search.query.trim() === '' && (
        <p className="list-message">Type in the box to search every message of every session.</p>
      )}
      {search.resultsQuery !== '' && search.state === 'ready' && search.groups.length === 0 && (
        <p className="list-message" data-testid="search-empty">
          No message of any session has all of “<Name text={search.resultsQuery.trim()} />
          ”. Try fewer or other words.
        </p>
      )}
      {search.groups.length > 0 && (
        <ul className="search-group-list" aria-label="Sessions with matches">
          {search.groups.map((group) => (
            <GroupView
              key={group.id}
              group={group}
              name={notes[group.id]?.name}
              open={group.id === selectedId}
              currentMessage={shownHit?.id === group.id ? shownHit.message : null}
              now={now}
              onOpen={openHit}
            />
          ))}
        </ul>
      )}
      {search.hasMore && (
        <button
          type="button"
          className="button search-more"
          data-testid="search-more"
          disabled={search.state === 'loading'}
          onClick={() => void loadMoreResults()}
        >
          {search.state === 'loading'
            ? 'Loading…'
            : remaining === null
              ? 'More results'
              : `More results (${remaining.toLocaleString('en-US')} more ${remaining === 1 ? 'session' : 'sessions'})`}
        </button>
      )}
    </div>
  );
}

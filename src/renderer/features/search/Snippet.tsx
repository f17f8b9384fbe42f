// A search snippet with its matches marked.
import { Fragment, useMemo } from 'react';
import type { SearchMatch } from '../../../shared/types';
import { highlightSegments } from './snippet-segments';

/** The snippet text, its matched parts in <mark>. */
export function Snippet({ match }: { match: Pick<SearchMatch, 'snippet' | 'highlights'> }) {
  const segments = useMemo(
    () => highlightSegments(match.snippet, match.highlights),
    [match.snippet, match.highlights],
  );
  return (
    <span className="snippet">
      {segments.map((segment, i) =>
        segment.marked ? <mark key={i}>{segment.text}</mark> : <Fragment key={i}>{segment.text}</Fragment>,
      )}
    </span>
  );
}

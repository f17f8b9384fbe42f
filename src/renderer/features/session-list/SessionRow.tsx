// One row of the session list: title (with a live badge while an agent writes the session), model,
// vendor and folder, when it was updated, cost when known, message count.
import { countText } from '../../../shared/count-text';
import { memo } from 'react';
import type { Annotation, SessionSummary } from '../../../shared/types';
import type { DragStartEvent } from '../../api/client-api';
import { Name } from '../../app/Name';
import { absoluteTime, relativeTime } from '../../../shared/time';
import { costText } from '../transcript/session-facts';

/** Props of one row. */
export interface SessionRowProps {
  session: SessionSummary;
  /** The star, tags and name given in the app, if any. */
  annotation: Annotation | undefined;
  selected: boolean;
  /** Pixel offset inside the virtual list. */
  top: number;
  height: number;
  now: number;
  onSelect(id: string): void;
  onDragStart(event: DragStartEvent, id: string): void;
  /** The session's source, shown when more than one source is read. */
  sourceLabel?: string | undefined;
  /** Picked for a multi-session export (Ctrl/Cmd+click). */
  picked?: boolean;
  /** Ctrl/Cmd+click: picks or unpicks the row instead of opening it. */
  onPick?(id: string): void;
}

/** The DOM id of a row, for aria-activedescendant. */
export function rowDomId(id: string): string {
  return `session-row-${id}`;
}

/** One session row. */
export const SessionRow = memo(function SessionRow({
  session,
  annotation,
  selected,
  top,
  height,
  now,
  onSelect,
  onDragStart,
  sourceLabel,
  picked = false,
  onPick,
}: SessionRowProps) {
  const updated = relativeTime(session.updated_at, now);
  return (
    <div
      id={rowDomId(session.id)}
      role="option"
      aria-selected={selected}
      className={`session-row${selected ? ' selected' : ''}${picked ? ' picked' : ''}`}
      data-testid="session-row"
      data-session-id={session.id}
      data-picked={picked || undefined}
      draggable
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={(event) =>
        onPick && (event.ctrlKey || event.metaKey) ? onPick(session.id) : onSelect(session.id)
      }
      onDragStart={(event) => onDragStart(event, session.id)}
    >
      <div className="row-head">
        {session.live === true && (
          <span className="live-badge" data-testid="live-badge" title="An agent is writing this session now">
            Live
          </span>
        )}
        {annotation?.starred && (
          <span className="row-star" data-testid="row-star" role="img" aria-label="Starred">
            ★
          </span>
        )}
        <Name
          text={annotation?.name ?? session.title}
          fallback="Untitled session"
          className="row-title"
          testId="session-row-title"
          tooltip
        />
        <time className="row-time" dateTime={session.updated_at} title={absoluteTime(session.updated_at)}>
          {updated}
        </time>
      </div>
      <div className="row-line row-details">
        {sourceLabel !== undefined && (
          <span
            className="row-source"
            data-testid="session-row-source"
            data-source={session.source ?? 'ggcode'}
          >
            {sourceLabel}
          </span>
        )}
        {annotation?.tags && (
          // The first tag, and how many more: the row keeps room for the model and vendor.
          <span className="row-tags" data-testid="row-tags" title={annotation.tags.join(', ')}>
            <Name text={annotation.tags[0]!} className="row-tag name-line" testId="row-tag" />
            {annotation.tags.length > 1 && (
              <span className="row-tag-more">+{annotation.tags.length - 1}</span>
            )}
          </span>
        )}
        <Name text={session.model} fallback="unknown model" className="row-model" tooltip />
        {session.vendor !== '' && <Name text={session.vendor} className="row-vendor name-line" tooltip />}
        {session.workspace && (
          // The folder keeps its end (the project) and loses its start when cut: see .row-workspace.
          <span className="row-workspace" data-testid="session-row-workspace">
            <Name text={session.workspace} tooltip />
          </span>
        )}
        {session.git_branch && (
          <span className="row-branch" data-testid="session-row-branch">
            <Name text={session.git_branch} className="name-line" tooltip />
          </span>
        )}
        {typeof session.cost?.total_cost_usd === 'number' && Number.isFinite(session.cost.total_cost_usd) && (
          <span
            className="row-cost"
            data-testid="session-row-cost"
            title={session.cost.estimated === true ? 'Estimated from token counts' : undefined}
          >
            {costText(session.cost)}
          </span>
        )}
        <span className="row-count">
          {countText(session.msg_count)} {session.msg_count === 1 ? 'message' : 'messages'}
        </span>
      </div>
    </div>
  );
});

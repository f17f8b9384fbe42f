// Under the header's title: the stored title when a display name stands for it, the tags, and
// the reader's note.
import { Fragment, type RefObject } from 'react';
import type { Annotation } from '../../../shared/types';
import { Name } from '../../app/Name';

/** What the reader added to the open session; nothing when it has none. */
export function HeaderNotes({
  title,
  annotation,
  noteRef,
}: {
  title: string;
  annotation: Annotation | undefined;
  /** The note's box, which the header measures to know whether it is cut. */
  noteRef: RefObject<HTMLParagraphElement | null>;
}) {
  if (!annotation?.name && !annotation?.tags && !annotation?.note) return null;
  return (
    <div className="header-notes" data-testid="header-notes">
      {annotation.name !== undefined && (
        <div className="header-stored-title">
          Stored title: <Name text={title} fallback="Untitled session" />
        </div>
      )}
      {annotation.tags && (
        <ul className="header-tags" aria-label="Tags">
          {annotation.tags.map((tag) => (
            <li key={tag}>
              <Name text={tag} className="row-tag name-line" testId="header-tag" />
            </li>
          ))}
        </ul>
      )}
      {annotation.note !== undefined && (
        <p ref={noteRef} className="header-note" data-testid="header-note">
          <span className="visually-hidden">Note: </span>
          {/* A note's lines are its own; anything hidden inside a line is shown, as in a name. */}
          {annotation.note.split('\n').map((line, i) => (
            <Fragment key={i}>
              {i > 0 && <br />}
              <Name text={line} />
            </Fragment>
          ))}
        </p>
      )}
    </div>
  );
}

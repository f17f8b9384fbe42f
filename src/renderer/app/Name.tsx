// A name from a transcript (title, model, vendor, tool name, workspace, file name), shown so that
// it cannot disguise itself or its surroundings: bidi-isolated in a <bdi> (its direction is its
// own and stops at its end, even with an unterminated embedding), its invisible and
// direction-changing characters shown as ⟨U+XXXX⟩ tokens, and free to wrap anywhere (or be cut
// with an ellipsis where the surrounding box asks for one line: see styles/name.css).
import { memo } from 'react';
import { revealedParts, revealInvisible } from '../../shared/reveal-invisible';

/** Props of a shown name. */
export interface NameProps {
  /** The name as the transcript has it. */
  text: string;
  /** Shown instead when `text` is empty ("Untitled session"). */
  fallback?: string;
  /** Extra classes (the box's layout: `row-title`, `name-line` for one line with an ellipsis). */
  className?: string;
  testId?: string;
  /** Also offer the whole name (tokens shown) as a tooltip, for boxes that cut it. */
  tooltip?: boolean;
}

/** One name, isolated and with its hidden characters made visible. */
export const Name = memo(function Name({ text, fallback, className, testId, tooltip }: NameProps) {
  const shown = text === '' && fallback !== undefined ? fallback : text;
  const parts = revealedParts(shown);
  return (
    <bdi
      className={className === undefined ? 'name' : `name ${className}`}
      dir="auto"
      data-testid={testId}
      title={tooltip === true ? revealInvisible(shown) : undefined}
    >
      {parts.map((part, i) =>
        part.token ? (
          <span key={i} className="name-token" data-testid="name-token">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </bdi>
  );
});

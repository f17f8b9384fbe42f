// A text block: its Markdown rendered safely (raw HTML shown as text), long code blocks inside it
// collapsed until expanded in place.
import { useMemo, type MouseEvent } from 'react';
import { useViewState } from '../TranscriptContext';
import { renderTextHtml } from '../text-html';

/** Markdown `text`, as part `viewKey` of the view state; `section` names it for find. */
export function TextBlockView({
  text,
  viewKey,
  section,
}: {
  text: string;
  viewKey: string;
  section: string;
}) {
  const view = useViewState();
  const expanded = view.localKeys(viewKey);
  const html = useMemo(() => renderTextHtml(text, expanded), [text, expanded]);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    // Only the renderer's own buttons carry data-expand: the sanitizer drops data attributes.
    const button = (event.target as Element).closest('[data-expand]');
    const key = button?.getAttribute('data-expand');
    if (key && event.currentTarget.contains(button)) view.addLocal(viewKey, key);
  };
  return (
    <div
      className="md"
      data-section={section}
      data-section-kind="markdown"
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

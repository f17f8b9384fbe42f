// Code or tool output: highlighted when its language is known and it is not too long, collapsed
// past 30 lines or 4 KB behind "Show all", and shown in pages when it is huge.
import { useMemo } from 'react';
import { planCollapse, showAllLabel } from '../collapse';
import { highlightCode } from '../syntax-highlight';
import { useViewState } from '../TranscriptContext';
import { PAGE_CHARS } from './page-starts';
import { PagedText } from './PagedText';
import { ShowAllToggle } from './ShowAllToggle';

/** What to draw and under which keys. */
export interface CodeTextProps {
  text: string;
  /** highlight.js language name or alias; '' for plain text. */
  language: string;
  /** View-state key of this part: expanded or not, and its page. */
  viewKey: string;
  /** The find section this text is (its element's text is exactly `text`, or a start of it). */
  section?: string;
}

function Code({ text, language, section }: { text: string; language: string; section?: string }) {
  const highlighted = useMemo(() => highlightCode(text, language), [text, language]);
  return (
    <pre>
      {highlighted === null ? (
        <code data-section={section}>{text}</code>
      ) : (
        // highlight.js escapes the text; its spans carry only hljs-* classes.
        <code className="hljs" data-section={section} dangerouslySetInnerHTML={{ __html: highlighted }} />
      )}
    </pre>
  );
}

/** `text` as a code block, collapsed when long until "Show all". */
export function CodeText({ text, language, viewKey, section }: CodeTextProps) {
  const view = useViewState();
  const plan = useMemo(() => planCollapse(text), [text]);
  const expanded = view.isOpen(viewKey);
  if (plan.collapsed && !expanded) {
    return (
      <div className="code-block collapsed">
        <Code text={plan.preview} language={language} section={section} />
        <ShowAllToggle
          open={false}
          label={showAllLabel(plan.lines)}
          onToggle={() => view.set(viewKey, true)}
        />
      </div>
    );
  }
  return (
    <div className="code-block">
      {text.length > PAGE_CHARS ? (
        <PagedText text={text} viewKey={viewKey} section={section} />
      ) : (
        <Code text={text} language={language} section={section} />
      )}
      {plan.collapsed && <ShowAllToggle open label="Show less" onToggle={() => view.set(viewKey, false)} />}
    </div>
  );
}

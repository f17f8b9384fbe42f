// Sets up what drawing a transcript needs while the page is idle, before a session is opened:
// highlight.js compiles a language's rules the first time it highlights it, and marked and
// DOMPurify run slowly on their first calls. Paid at idle, this is off the first screen's time.
import { HIGHLIGHT_LANGUAGES, highlightCode } from './syntax-highlight';
import { renderMarkdown } from './markdown-dom';
import { whenIdle } from './when-idle';

/** Markdown using what marked, the sanitizer and the code blocks do on a first call. */
const SAMPLE =
  '# Title\n\nSome *text* with `code`, a [link](https://example.com) and <b>raw</b> HTML.\n\n' +
  '- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```ts\nconst a: number = 1;\n```\n';

/** Work items, each small enough for one idle slot. */
function tasks(): (() => void)[] {
  return [
    () => renderMarkdown(SAMPLE, document.implementation.createHTMLDocument('').body, new Set()),
    ...HIGHLIGHT_LANGUAGES.map((language) => () => void highlightCode('x = 1', language)),
  ];
}

/** What is left to do (null: not started). */
let queue: (() => void)[] | null = null;
/** The idle callback waiting, if any. */
let waiting: (() => void) | null = null;

/** Runs the set-up at idle, once per page; returns a function that pauses what is left of it
 * (a later call goes on with it). */
export function warmUpAtIdle(): () => void {
  queue ??= tasks();
  if (waiting !== null || queue.length === 0) return () => undefined;
  const left = queue;
  const step = (deadline: IdleDeadline | null) => {
    // Several items while the slot lasts; at least one per slot.
    do left.shift()?.();
    while (left.length > 0 && deadline !== null && deadline.timeRemaining() > 4);
    waiting = left.length > 0 ? whenIdle(step, 2000) : null;
  };
  waiting = whenIdle(step, 2000);
  return () => {
    waiting?.();
    waiting = null;
  };
}

// Syntax highlighting with highlight.js core and the languages coding sessions mostly show.
// Its output is escaped HTML (spans with hljs-* classes), safe to insert as markup.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const LANGUAGES = {
  bash,
  c,
  cpp,
  css,
  diff,
  dockerfile,
  go,
  ini,
  java,
  javascript,
  json,
  markdown,
  python,
  rust,
  shell,
  sql,
  typescript,
  xml,
  yaml,
};
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);

/** The languages highlighted (by their main names). */
export const HIGHLIGHT_LANGUAGES: readonly string[] = Object.keys(LANGUAGES);

/** Larger code is shown plain: highlighting it would hold up the page for too long. */
export const HIGHLIGHT_MAX_CHARS = 100_000;

/** Highlighted HTML for `code` in `language` (a name or alias), or null when the language is
 * unknown or the code too large, in which case the caller shows it as plain text. */
export function highlightCode(code: string, language: string): string | null {
  if (language === '' || code.length > HIGHLIGHT_MAX_CHARS || !hljs.getLanguage(language)) return null;
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}

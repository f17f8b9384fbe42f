// Command-line parsing for `sessions`: global --dir, one command, its options. Usage errors are
// UsageError (exit 2), everything else the store raises is exit 1.
import { parseArgs } from 'node:util';
import { DAY, USAGE_GROUPINGS, isUsageGrouping, type UsageGrouping } from '../shared/usage';
import { parseDuration } from './duration';
import { ADAPTERS } from '../core/sources/registry';
import {
  EXPORT_FORMATS,
  isExportFormat,
  type ExportFormat,
  type RedactOptions,
} from '../shared/export-options';

/** A mistake in how the command was called. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: sessions [--dir DIR] [--source NAME[=DIR]]... [--no-source NAME]... <command> [options]

Commands:
  list [--json] [--starred] [--tag T]...     sessions of every source, newest first; --starred and --tag T
                                             keep the sessions starred or tagged T in the app (all tags given)
  show ID [--json]                           one session (Markdown, or JSON with --json)
  export ID [--format md|html|json] [-o FILE] [--redact [--redact-emails] [--redact-home] [--dry-run]]
                                             the session as Markdown (identical to ggcode's export),
                                             a self-contained HTML page, or JSON (the session model);
                                             --redact writes [REDACTED:kind] for secrets (and e-mail
                                             addresses, the home folder path), --dry-run lists them
  search QUERY [--json] [--limit N] [--page N] [--wait]
                                             full-text search of titles, text, reasoning, tool input and output:
                                             words, "exact phrases", in:tools, in:text, model:, vendor:,
                                             source:, after:YYYY-MM-DD, before:YYYY-MM-DD; while the index is
                                             first built, the results so far after 3 s (--wait: the whole index)
  usage [--by day|week|month|model|workspace|source] [--since D] [--until D] [--json]
                                             tokens and cost (D: YYYY-MM-DD, or 30d for 30 days ago)
  resume ID                                  the command that continues the session in its agent
  delete ID                                  delete a ggcode session (refused while ggcode runs it;
                                             other agents' sessions are never deleted)
  cleanup --older-than DURATION [--dry-run]  delete sessions not updated for DURATION (30d, 12h, 2w, ...)
  serve [--port N]                           open the viewer in a browser, on 127.0.0.1 only

${wrap(
  `Sources: ${sourcesText()}, each read where it exists. --source NAME=DIR reads NAME from DIR; --source NAME (repeatable) reads only the sources named; --no-source NAME leaves one out; $TRANSCRIPTS_SOURCES=ggcode,codex names the sources to read. Other agents' sessions are read-only.`,
)}`;

/** Each source and where it is read by default, from the adapters (a new source adds itself). */
function sourcesText(): string {
  return ADAPTERS.map((a) => `${a.name} (${a.label === a.name ? '' : `${a.label}: `}${a.defaults})`).join(
    ', ',
  );
}

/** `text` wrapped at 100 columns, at spaces. */
function wrap(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > 100) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

/** A parsed command line. */
export interface Command {
  name: 'list' | 'show' | 'export' | 'search' | 'usage' | 'resume' | 'delete' | 'cleanup' | 'serve' | 'help';
  dir: string | undefined;
  positional: string[];
  json: boolean;
  output: string | undefined;
  format: ExportFormat;
  /** What usage groups by. */
  by: UsageGrouping;
  /** Usage from this day, and until this one (YYYY-MM-DD, inclusive). */
  since: string | undefined;
  until: string | undefined;
  /** Redaction for export (null: none). */
  redact: RedactOptions | null;
  limit: number | undefined;
  page: number | undefined;
  olderThan: string | undefined;
  dryRun: boolean;
  port: number | undefined;
  /** `--source NAME` and `--source NAME=DIR`, in order. */
  sources: { name: string; dir?: string }[];
  /** `--no-source NAME`. */
  noSources: string[];
  starred: boolean;
  tags: string[];
  wait: boolean;
}

const COMMANDS: Record<Command['name'], { args: number; options: string[] }> = {
  list: { args: 0, options: ['json', 'starred', 'tag'] },
  show: { args: 1, options: ['json'] },
  export: { args: 1, options: ['output', 'format', 'redact', 'redact-emails', 'redact-home', 'dry-run'] },
  search: { args: 1, options: ['json', 'limit', 'page', 'wait'] },
  usage: { args: 0, options: ['json', 'by', 'since', 'until'] },
  resume: { args: 1, options: [] },
  delete: { args: 1, options: [] },
  cleanup: { args: 0, options: ['older-than', 'dry-run'] },
  serve: { args: 0, options: ['port'] },
  help: { args: 0, options: [] },
};

function positiveInt(text: string | undefined, name: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max)
    throw new UsageError(`${name} must be a whole number from 1 to ${max}`);
  return n;
}

/** A day given as YYYY-MM-DD, or as a duration back from today (30d, 2w): the local date then. */
function dayArgument(text: string | undefined, name: string, now = new Date()): string | undefined {
  if (text === undefined) return undefined;
  if (DAY.test(text) && !Number.isNaN(Date.parse(text))) return text;
  const ms = parseDuration(text);
  if (ms === null)
    throw new UsageError(`${name}: "${text}" is not a day (YYYY-MM-DD) or a duration like 30d`);
  const then = new Date(now.getTime() - ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${then.getFullYear()}-${pad(then.getMonth() + 1)}-${pad(then.getDate())}`;
}

/** Parses argv (without node and script). Throws UsageError with a one-line reason. */
export function parseCommandLine(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        dir: { type: 'string' },
        json: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        format: { type: 'string' },
        redact: { type: 'boolean' },
        by: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        'redact-emails': { type: 'boolean' },
        'redact-home': { type: 'boolean' },
        limit: { type: 'string' },
        page: { type: 'string' },
        'older-than': { type: 'string' },
        'dry-run': { type: 'boolean' },
        port: { type: 'string' },
        source: { type: 'string', multiple: true },
        'no-source': { type: 'string', multiple: true },
        starred: { type: 'boolean' },
        tag: { type: 'string', multiple: true },
        wait: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(
      (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional.*$/, ''),
    );
  }
  const { values, positionals } = parsed;
  const [name = 'help', ...positional] = values.help ? ['help'] : positionals;
  const spec = COMMANDS[name as Command['name']];
  if (!spec) throw new UsageError(`unknown command "${name}"`);
  if (positional.length !== spec.args) {
    throw new UsageError(
      spec.args === 0 ? `${name} takes no arguments` : `${name} needs exactly ${spec.args} argument`,
    );
  }
  for (const option of [
    'json',
    'output',
    'format',
    'redact',
    'redact-emails',
    'redact-home',
    'by',
    'since',
    'until',
    'limit',
    'page',
    'older-than',
    'dry-run',
    'port',
    'starred',
    'tag',
    'wait',
  ] as const) {
    if (values[option] !== undefined && !spec.options.includes(option)) {
      throw new UsageError(`${name} does not take --${option}`);
    }
  }
  if (values.dir === '') throw new UsageError('--dir needs a directory');
  const sources = (values.source ?? []).map(sourceOption);
  const noSources = values['no-source'] ?? [];
  for (const name of noSources)
    if (!/^[a-z0-9-]+$/.test(name)) throw new UsageError(`--no-source: "${name}" is not a source name`);
  const both = sources.find((s) => noSources.includes(s.name));
  if (both) throw new UsageError(`--source ${both.name} and --no-source ${both.name} contradict each other`);
  if (values.format !== undefined && !isExportFormat(values.format))
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (values.by !== undefined && !isUsageGrouping(values.by))
    throw new UsageError(`--by must be one of ${USAGE_GROUPINGS.join(', ')}`);
  const redacting = values.redact === true;
  if (!redacting && (values['redact-emails'] || values['redact-home']))
    throw new UsageError('--redact-emails and --redact-home go with --redact');
  if (name === 'export' && values['dry-run'] && !redacting)
    throw new UsageError('export --dry-run lists what --redact would replace: add --redact');
  return {
    name: name as Command['name'],
    dir: values.dir,
    positional,
    json: values.json ?? false,
    output: values.output,
    format: (values.format as ExportFormat | undefined) ?? 'md',
    by: (values.by as UsageGrouping | undefined) ?? 'day',
    since: dayArgument(values.since, '--since'),
    until: dayArgument(values.until, '--until'),
    redact: redacting
      ? { emails: values['redact-emails'] ?? false, home: values['redact-home'] ?? false }
      : null,
    limit: positiveInt(values.limit, '--limit', 10_000),
    page: positiveInt(values.page, '--page', 1_000_000),
    olderThan: values['older-than'],
    dryRun: values['dry-run'] ?? false,
    port: values.port === '0' ? 0 : positiveInt(values.port, '--port', 65_535),
    sources,
    noSources,
    starred: values.starred ?? false,
    tags: (values.tag ?? []).map((tag) => {
      if (tag.trim() === '') throw new UsageError('--tag needs a tag');
      return tag.trim();
    }),
    wait: values.wait ?? false,
  };
}

/** `NAME` or `NAME=DIR`. */
function sourceOption(text: string): { name: string; dir?: string } {
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  if (!/^[a-z0-9-]+$/.test(name))
    throw new UsageError(`--source: "${name}" is not a source name (NAME or NAME=DIR)`);
  if (eq < 0) return { name };
  const dir = text.slice(eq + 1);
  if (dir === '') throw new UsageError(`--source ${name}= needs a directory`);
  return { name, dir };
}

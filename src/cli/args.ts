// Command-line parsing for `sessions`: global --dir, one command, its options. Usage errors are
// UsageError (exit 2), everything else the store raises is exit 1.
import { parseArgs } from 'node:util';

/** A mistake in how the command was called. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: sessions [--dir DIR] <command> [options]

Commands:
  list [--json] [--starred] [--tag T]...     sessions, newest first; --starred and --tag T keep the
                                             sessions starred or tagged T in the app (all tags given)
  show ID [--json]                           one session (Markdown, or JSON with --json)
  export ID [-o FILE]                        the session as Markdown, identical to ggcode's export
  search QUERY [--json] [--limit N] [--page N] [--wait]
                                             full-text search of titles, text, reasoning, tool input and output:
                                             words, "exact phrases", in:tools, in:text, model:, vendor:,
                                             after:YYYY-MM-DD, before:YYYY-MM-DD; while the index is first
                                             built, the results so far after 3 s (--wait: the whole index)
  delete ID                                  delete a session (refused while ggcode runs it)
  cleanup --older-than DURATION [--dry-run]  delete sessions not updated for DURATION (30d, 12h, 2w, ...)
  serve [--port N]                           open the viewer in a browser, on 127.0.0.1 only

DIR defaults to $SESSIONS_DIR, else ~/.ggcode/sessions.`;

/** A parsed command line. */
export interface Command {
  name: 'list' | 'show' | 'export' | 'search' | 'delete' | 'cleanup' | 'serve' | 'help';
  dir: string | undefined;
  positional: string[];
  json: boolean;
  output: string | undefined;
  limit: number | undefined;
  page: number | undefined;
  olderThan: string | undefined;
  dryRun: boolean;
  port: number | undefined;
  starred: boolean;
  tags: string[];
  wait: boolean;
}

const COMMANDS: Record<Command['name'], { args: number; options: string[] }> = {
  list: { args: 0, options: ['json', 'starred', 'tag'] },
  show: { args: 1, options: ['json'] },
  export: { args: 1, options: ['output'] },
  search: { args: 1, options: ['json', 'limit', 'page', 'wait'] },
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
        limit: { type: 'string' },
        page: { type: 'string' },
        'older-than': { type: 'string' },
        'dry-run': { type: 'boolean' },
        port: { type: 'string' },
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
  return {
    name: name as Command['name'],
    dir: values.dir,
    positional,
    json: values.json ?? false,
    output: values.output,
    limit: positiveInt(values.limit, '--limit', 10_000),
    page: positiveInt(values.page, '--page', 1_000_000),
    olderThan: values['older-than'],
    dryRun: values['dry-run'] ?? false,
    port: values.port === '0' ? 0 : positiveInt(values.port, '--port', 65_535),
    starred: values.starred ?? false,
    tags: (values.tag ?? []).map((tag) => {
      if (tag.trim() === '') throw new UsageError('--tag needs a tag');
      return tag.trim();
    }),
    wait: values.wait ?? false,
  };
}

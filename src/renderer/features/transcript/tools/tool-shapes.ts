// What a tool call is, read from its name and input: a shell command, a file edit, a file write
// or read, a search, a todo list, or anything else (the generic card). Names and field names are
// those ggcode, Claude Code and Codex use; an input without the fields a shape needs is generic.

/** A call as one of the common tool shapes. */
export type ToolShape =
  | { kind: 'shell'; command: string }
  | { kind: 'edit'; path: string; edits: { old: string; new: string }[] }
  | { kind: 'write'; path: string; content: string }
  | { kind: 'read'; path: string }
  | { kind: 'search'; pattern: string; path: string }
  | { kind: 'todo'; todos: { text: string; status: string }[] }
  | { kind: 'generic' };

const SHELL = [
  'bash',
  'shell',
  'run_command',
  'run_shell_command',
  'execute_command',
  'exec',
  'exec_command',
  'local_shell',
  'terminal',
  'run_terminal_cmd',
  'command',
];
const EDIT = [
  'edit',
  'edit_file',
  'str_replace',
  'str_replace_editor',
  'str_replace_based_edit_tool',
  'replace',
  'replace_in_file',
  'multiedit',
  'multi_edit',
  'search_replace',
  'apply_edit',
];
const WRITE = ['write', 'write_file', 'create_file', 'write_to_file', 'file_write'];
const READ = ['read', 'read_file', 'view', 'view_file', 'cat', 'open_file', 'file_read'];
const SEARCH = [
  'grep',
  'search',
  'search_files',
  'ripgrep',
  'rg',
  'glob',
  'find_files',
  'codebase_search',
  'grep_search',
  'file_search',
];
const TODO = [
  'todowrite',
  'todo_write',
  'update_todos',
  'write_todos',
  'todo',
  'todos',
  'update_plan',
  'plan',
];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first of `keys` that holds a string. */
function text(o: Obj, ...keys: string[]): string | undefined {
  for (const key of keys) if (typeof o[key] === 'string') return o[key];
  return undefined;
}

const PATH = ['file_path', 'path', 'filePath', 'filename', 'file', 'target_file'];

function shell(o: Obj): ToolShape | null {
  const command = o.command ?? o.cmd;
  if (typeof command === 'string') return { kind: 'shell', command };
  if (Array.isArray(command) && command.every((part) => typeof part === 'string')) {
    return { kind: 'shell', command: command.join(' ') };
  }
  return null;
}

function edit(o: Obj): ToolShape | null {
  const path = text(o, ...PATH);
  if (path === undefined) return null;
  const one = (e: Obj) => {
    const old = text(e, 'old_string', 'old_str', 'old_text', 'old', 'search');
    const now = text(e, 'new_string', 'new_str', 'new_text', 'new', 'replace');
    return old === undefined || now === undefined ? null : { old, new: now };
  };
  if (Array.isArray(o.edits)) {
    const edits = o.edits.map((e) => (isObj(e) ? one(e) : null));
    return edits.every((e) => e !== null) && edits.length > 0 ? { kind: 'edit', path, edits } : null;
  }
  const single = one(o);
  return single ? { kind: 'edit', path, edits: [single] } : null;
}

function write(o: Obj): ToolShape | null {
  const path = text(o, ...PATH);
  const content = text(o, 'content', 'contents', 'text', 'file_text', 'data');
  return path === undefined || content === undefined ? null : { kind: 'write', path, content };
}

function search(o: Obj): ToolShape | null {
  const pattern = text(o, 'pattern', 'query', 'regex', 'glob', 'search');
  if (pattern === undefined) return null;
  return { kind: 'search', pattern, path: text(o, 'path', 'directory', 'dir', 'include', 'glob') ?? '' };
}

function todo(o: Obj): ToolShape | null {
  const list = o.todos ?? o.items ?? o.plan ?? o.tasks;
  if (!Array.isArray(list) || list.length === 0) return null;
  const todos = list.map((item) => {
    if (typeof item === 'string') return { text: item, status: '' };
    if (!isObj(item)) return null;
    const label = text(item, 'content', 'text', 'title', 'task', 'step', 'description');
    return label === undefined ? null : { text: label, status: text(item, 'status', 'state') ?? '' };
  });
  return todos.every((t) => t !== null) ? { kind: 'todo', todos } : null;
}

/** The shape of call `name` with `input` (its parsed JSON). */
export function toolShape(name: string, input: unknown): ToolShape {
  if (!isObj(input)) return { kind: 'generic' };
  const key = name.toLowerCase().replace(/^.*[.:/]/, '');
  // str_replace_editor-style tools say what they do in a command field.
  const command = typeof input.command === 'string' ? input.command : '';
  if (['str_replace_editor', 'str_replace_based_edit_tool'].includes(key)) {
    if (command === 'view')
      return text(input, ...PATH) !== undefined
        ? { kind: 'read', path: text(input, ...PATH)! }
        : { kind: 'generic' };
    if (command === 'create') return write(input) ?? { kind: 'generic' };
    return edit(input) ?? { kind: 'generic' };
  }
  const found =
    (SHELL.includes(key) && shell(input)) ||
    (EDIT.includes(key) && edit(input)) ||
    (WRITE.includes(key) && write(input)) ||
    (READ.includes(key) &&
      text(input, ...PATH) !== undefined && { kind: 'read' as const, path: text(input, ...PATH)! }) ||
    (SEARCH.includes(key) && search(input)) ||
    (TODO.includes(key) && todo(input));
  return found || { kind: 'generic' };
}

const EXTENSIONS: Record<string, string> = {
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  json: 'json',
  go: 'go',
  py: 'python',
  rs: 'rust',
  java: 'java',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  hpp: 'cpp',
  css: 'css',
  html: 'xml',
  xml: 'xml',
  svg: 'xml',
  md: 'markdown',
  yml: 'yaml',
  yaml: 'yaml',
  toml: 'ini',
  ini: 'ini',
  sh: 'bash',
  bash: 'bash',
  zsh: 'bash',
  sql: 'sql',
  diff: 'diff',
  patch: 'diff',
};

/** The highlight.js language of a file by its extension ('' when unknown). */
export function languageOfPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  if (/^dockerfile$/i.test(name)) return 'dockerfile';
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : (EXTENSIONS[name.slice(dot + 1).toLowerCase()] ?? '');
}

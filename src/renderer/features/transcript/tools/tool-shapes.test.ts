import { describe, expect, it } from 'vitest';
import { diffRows, diffText } from './diff-rows';
import { languageOfPath, toolShape } from './tool-shapes';

describe('toolShape', () => {
  it('reads the common shapes from names and fields of several agents', () => {
    expect(toolShape('bash', { command: 'ls -la' })).toEqual({ kind: 'shell', command: 'ls -la' });
    expect(toolShape('shell', { command: ['git', 'status'] })).toEqual({
      kind: 'shell',
      command: 'git status',
    });
    expect(toolShape('Edit', { file_path: 'a.ts', old_string: 'x', new_string: 'y' })).toEqual({
      kind: 'edit',
      path: 'a.ts',
      edits: [{ old: 'x', new: 'y' }],
    });
    expect(
      toolShape('MultiEdit', { file_path: 'a.ts', edits: [{ old_string: 'a', new_string: 'b' }] }),
    ).toMatchObject({
      kind: 'edit',
      edits: [{ old: 'a', new: 'b' }],
    });
    expect(toolShape('write_file', { path: 'x.go', content: 'package x' })).toEqual({
      kind: 'write',
      path: 'x.go',
      content: 'package x',
    });
    expect(toolShape('read_file', { path: 'x.go' })).toEqual({ kind: 'read', path: 'x.go' });
    expect(toolShape('Grep', { pattern: 'TODO', path: 'src' })).toEqual({
      kind: 'search',
      pattern: 'TODO',
      path: 'src',
    });
    expect(toolShape('TodoWrite', { todos: [{ content: 'a', status: 'completed' }, 'b'] })).toEqual({
      kind: 'todo',
      todos: [
        { text: 'a', status: 'completed' },
        { text: 'b', status: '' },
      ],
    });
    expect(toolShape('str_replace_editor', { command: 'view', path: 'a.py' })).toEqual({
      kind: 'read',
      path: 'a.py',
    });
    expect(toolShape('mcp__fs__read_file', { path: 'a' })).toEqual({ kind: 'generic' });
  });

  it('falls back to the generic card when the fields a shape needs are missing or of the wrong type', () => {
    expect(toolShape('bash', { script: 'ls' })).toEqual({ kind: 'generic' });
    expect(toolShape('edit', { file_path: 'a', old_string: 1, new_string: 'y' })).toEqual({
      kind: 'generic',
    });
    expect(toolShape('write_file', 'not an object')).toEqual({ kind: 'generic' });
    expect(toolShape('todo_write', { todos: [{ status: 'x' }] })).toEqual({ kind: 'generic' });
    expect(toolShape('list_dir', { path: 'src' })).toEqual({ kind: 'generic' });
  });

  it('names the language of a path by its extension', () => {
    expect(languageOfPath('src/a/main.go')).toBe('go');
    expect(languageOfPath('C:\\x\\App.TSX')).toBe('typescript');
    expect(languageOfPath('Dockerfile')).toBe('dockerfile');
    expect(languageOfPath('.bashrc')).toBe('');
    expect(languageOfPath('notes')).toBe('');
  });
});

describe('diffRows', () => {
  it('marks removed, added and unchanged lines', () => {
    const rows = diffRows('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(rows).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'del', text: 'b' },
      { kind: 'add', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'add', text: 'd' },
    ]);
    expect(diffText(rows)).toBe('a\nb\nB\nc\nd\n');
  });

  it('shows a text without a final newline whole, and an empty old text as all added', () => {
    expect(diffRows('', 'x\ny')).toEqual([
      { kind: 'add', text: 'x' },
      { kind: 'add', text: 'y' },
    ]);
  });
});

// Drag-out writes only inside its private temp folder and hands that file to startDrag.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NativeImage } from 'electron';
import type { Session } from '../shared/types';
import { emptySession } from '../core/load';
import { exportSessionMarkdown } from '../core/export/export-markdown';
import { JsonlStore } from '../core/store';
import { corpusCopy, tempDir } from '../../test/support/fixtures';
import { DragFolder, startDragOut } from './drag';
import type { ExportSource } from '../core/export/export-session';

const ID = '20261124-135052-d23db7e55539ac33';
const icon = { isEmpty: () => false } as unknown as NativeImage;

/** A store whose one session has `title`. */
function storeTitled(title: string): ExportSource {
  const session: Session = {
    ...emptySession(ID),
    title,
    vendor: 'v',
    endpoint: 'e',
    model: 'm',
    created_at: '2026-11-24T13:50:52Z',
    updated_at: '2026-11-24T13:50:52Z',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
  };
  return {
    load: async () => structuredClone(session),
    markdownExport: async () => ({ title, markdown: exportSessionMarkdown(session) }),
  };
}

describe('drag-out', () => {
  let parent: string;
  let folder: DragFolder;

  beforeEach(() => {
    parent = tempDir('transcripts-drag-test-');
    folder = new DragFolder(parent);
  });
  afterEach(async () => {
    folder.cleanup();
    await rm(parent, { recursive: true, force: true });
  });

  /** The one private folder DragFolder made under `parent`. */
  function dragRoot(): string {
    const made = readdirSync(parent);
    expect(made).toHaveLength(1);
    return join(parent, made[0] ?? '');
  }

  it.each([
    ['../../etc/passwd', 'etc_passwd.md'],
    ['con', `session-${ID}.md`],
    ['a/b\\c', 'a_b_c.md'],
    ['y'.repeat(300), `${'y'.repeat(120)}.md`],
    ['', `session-${ID}.md`],
  ])('title %j is written inside the temp folder as %j and dragged', async (title, expectedName) => {
    const sender = { startDrag: vi.fn() };
    const file = await startDragOut(storeTitled(title), folder, sender, icon, ID);

    const root = dragRoot();
    expect(file).toBe(join(root, ID, expectedName));
    expect(relative(root, file).startsWith(`..${sep}`)).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain('## User\n\nhello\n\n---\n\n');
    expect(sender.startDrag).toHaveBeenCalledExactlyOnceWith({ file, icon });
    // Nothing escaped: the parent holds only the private folder.
    expect(readdirSync(parent)).toEqual([relative(parent, root)]);
  });

  it('makes the folder private to this user and reuses it for the whole run', async () => {
    const first = await folder.write(ID, 'a.md', 'one');
    const second = await folder.write('other-id', 'a.md', 'two');
    expect(dirname(dirname(first))).toBe(dirname(dirname(second)));
    if (process.platform !== 'win32') {
      expect(statSync(dragRoot()).mode & 0o777).toBe(0o700);
      expect(statSync(first).mode & 0o777).toBe(0o600);
    }
  });

  it('tries to make the folder again after a failure', async () => {
    const missingParent = new DragFolder(join(parent, 'not-yet'));
    await expect(missingParent.write(ID, 'a.md', 'x')).rejects.toThrow(/ENOENT/);
    await mkdir(join(parent, 'not-yet'));
    await expect(missingParent.write(ID, 'a.md', 'x')).resolves.toContain(join(parent, 'not-yet'));
    missingParent.cleanup();
  });

  it('refuses names and ids that would leave the folder', async () => {
    await expect(folder.write(ID, '../escape.md', 'x')).rejects.toThrow(/refusing to write outside/);
    await expect(folder.write('..', 'escape.md', 'x')).rejects.toThrow(/refusing to write outside/);
    await expect(folder.write(ID, '', 'x')).rejects.toThrow(/refusing to write outside/);
    expect(existsSync(join(parent, 'escape.md'))).toBe(false);
  });

  it('writes exactly what the store exports and removes everything at cleanup', async () => {
    const store = new JsonlStore(corpusCopy());
    const sender = { startDrag: vi.fn() };
    const file = await startDragOut(store, folder, sender, icon, ID);
    expect(readFileSync(file, 'utf8')).toBe(await store.exportMarkdown(ID));
    const root = dragRoot();
    folder.cleanup();
    expect(existsSync(root)).toBe(false);
  });

  it('does not start a drag for a session that does not exist', async () => {
    const store = new JsonlStore(corpusCopy());
    const sender = { startDrag: vi.fn() };
    await expect(startDragOut(store, folder, sender, icon, 'missing-session')).rejects.toThrow(
      'session missing-session not found',
    );
    expect(sender.startDrag).not.toHaveBeenCalled();
  });
});

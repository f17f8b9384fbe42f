// Save As: the dialog is offered "<sanitized title>.md" and the file holds exactly the export.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { JsonlStore } from '../core/store';
import { corpusCopy, fixtureIds, tempDir } from '../../test/support/fixtures';
import { exportFileName } from '../shared/export-file-name';
import { renderSession } from '../core/export/export-session';
import { saveSessionAs } from './save-as';

describe('saveSessionAs', () => {
  it.each(fixtureIds())('saves %s byte-identical to exportMarkdown', async (id) => {
    const store = new JsonlStore(corpusCopy());
    const out = tempDir();
    const choosePath = vi.fn(async (name: string) => join(out, name));
    const { path } = await saveSessionAs(store, choosePath, id);
    const { title } = await store.load(id);
    expect(choosePath).toHaveBeenCalledExactlyOnceWith(exportFileName(title, id), 'md');
    expect(path).toBe(join(out, exportFileName(title, id)));
    expect(readFileSync(path ?? '', 'utf8')).toBe(await store.exportMarkdown(id));
    expect(readdirSync(out)).toHaveLength(1);
  });

  it.each(['html', 'json'] as const)('saves the %s export under its own extension', async (format) => {
    const store = new JsonlStore(corpusCopy());
    const id = '20261124-135052-d23db7e55539ac33';
    const choosePath = vi.fn(async (name: string) => join(tempDir(), name));
    const { path } = await saveSessionAs(store, choosePath, id, { format, redact: null });
    const session = await store.load(id);
    expect(path?.endsWith(`.${format}`)).toBe(true);
    expect(choosePath).toHaveBeenCalledWith(exportFileName(session.title, id, format), format);
    expect(readFileSync(path ?? '', 'utf8')).toBe(renderSession(session, format));
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const out = tempDir();
    const result = await saveSessionAs(new JsonlStore(corpusCopy()), async () => null, fixtureIds()[0] ?? '');
    expect(result).toEqual({ path: null });
    expect(readdirSync(out)).toEqual([]);
  });

  it('fails before the dialog for a session that does not exist', async () => {
    const choosePath = vi.fn(async () => join(tempDir(), 'x.md'));
    await expect(saveSessionAs(new JsonlStore(corpusCopy()), choosePath, 'nope')).rejects.toThrow(
      'session nope not found',
    );
    expect(choosePath).not.toHaveBeenCalled();
  });

  it('replaces an existing file', async () => {
    const store = new JsonlStore(corpusCopy());
    const id = fixtureIds()[0] ?? '';
    const target = join(tempDir(), 'existing.md');
    await saveSessionAs(store, async () => target, id);
    await saveSessionAs(store, async () => target, id);
    expect(existsSync(target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(await store.exportMarkdown(id));
  });
});

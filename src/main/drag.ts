// Drag-out: the OS drags real files, so each export is written into a private temp folder
// (created on first use, removed at quit) and handed to webContents.startDrag.
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { NativeImage, WebContents } from 'electron';
import { exportSession, type ExportSource } from '../core/export/export-session';
import { PLAIN_MARKDOWN } from '../shared/export-options';

/** The private folder drag-out files are written to. */
export class DragFolder {
  private folder: Promise<string> | null = null;
  private created: string | null = null;

  /** `parent` is where the folder is created (the system temp folder unless a test says otherwise). */
  constructor(private readonly parent: string = tmpdir()) {}

  /** Writes `markdown` as `<folder>/<id>/<name>` and returns its path. The id subfolder keeps two
   * sessions with the same title apart; the path is checked to be inside the folder. */
  async write(id: string, name: string, markdown: string): Promise<string> {
    const root = await this.root();
    const dir = resolve(root, id);
    const file = resolve(dir, name);
    if (!isInside(root, dir) || !isInside(dir, file)) throw new Error(`refusing to write outside ${root}`);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(file, markdown, { encoding: 'utf8', mode: 0o600 });
    return file;
  }

  /** Removes the folder and everything in it; synchronous because it runs while the app quits. */
  cleanup(): void {
    if (this.created !== null) rmSync(this.created, { recursive: true, force: true });
    this.created = null;
    this.folder = null;
  }

  private root(): Promise<string> {
    // mkdtemp creates the folder with mode 0700: only this user can read what is dragged out.
    this.folder ??= mkdtemp(join(this.parent, 'transcripts-drag-')).then(
      (dir) => (this.created = dir),
      (error: unknown) => {
        // Forget the failure so that the next drag tries again.
        this.folder = null;
        throw error;
      },
    );
    return this.folder;
  }
}

/** True when `child` is strictly inside `parent` (on Windows, a path on another drive is not). */
function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Writes session `id`'s export into `folder` and starts the native drag from `sender`. */
export async function startDragOut(
  store: ExportSource,
  folder: DragFolder,
  sender: Pick<WebContents, 'startDrag'>,
  icon: NativeImage,
  id: string,
): Promise<string> {
  // Drag-out stays Markdown: the format a ticket or chat takes as it is.
  const { name, text } = await exportSession(store, id, PLAIN_MARKDOWN);
  const file = await folder.write(id, name, text);
  sender.startDrag({ file, icon });
  return file;
}

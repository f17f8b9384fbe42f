// The transcript pane's pages of other sources' sessions: each session is loaded whole (its
// messages can span several lines and files) and kept while its files are unchanged, so paging
// through it reads it once.
import { stat } from 'node:fs/promises';
import type { ImageData, OutlineEntry, TranscriptOutline, TranscriptPage } from '../../shared/transcript';
import type { Session } from '../../shared/types';
import { fullPage } from '../transcript/full-page';
import type { Catalog } from './catalog';

/** Sessions kept loaded at once. */
const KEEP = 4;
/** Longest outline label, in characters. */
const LABEL_CHARS = 100;

interface Loaded {
  key: string;
  session: Session;
  page: TranscriptPage;
}

// A user's prompt of the session (not a tool result, a command or context the agent added).
function outlineOf(session: Session): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  session.messages.forEach((m, index) => {
    if (m.role !== 'user' || m.kind !== undefined || m.content.some((b) => b.type === 'tool_result')) return;
    const line = m.content
      .find((b) => b.type === 'text' && b.text?.trim())
      ?.text?.trim()
      .split('\n', 1)[0];
    if (line)
      entries.push({ index, label: line.length > LABEL_CHARS ? `${line.slice(0, LABEL_CHARS)}…` : line });
  });
  return entries;
}

/** Pages, outline and images of the catalog's other sources' sessions. */
export class SourceTranscripts {
  private readonly loaded = new Map<string, Loaded>();

  constructor(private readonly catalog: Catalog) {}

  // The session as loaded, again when one of its files changed (size, mtime or inode).
  private async get(id: string): Promise<Loaded> {
    const files = (await this.catalog.files(id)) ?? [];
    const stats = await Promise.all(files.map((f) => stat(f).catch(() => null)));
    const key = stats.map((st) => (st ? `${st.ino}:${st.size}:${st.mtimeMs}` : '-')).join('|');
    const known = this.loaded.get(id);
    this.loaded.delete(id);
    if (known && known.key === key) {
      this.loaded.set(id, known);
      return known;
    }
    const session = await this.catalog.load(id);
    const page = { ...fullPage(session), version: `source:${key}` };
    const made = { key, session, page };
    this.loaded.set(id, made);
    for (const old of this.loaded.keys()) {
      if (this.loaded.size <= KEEP) break;
      this.loaded.delete(old);
    }
    return made;
  }

  /** Messages `from` up to `to` of session `id`; the page is complete (the session was read whole). */
  async page(id: string, from: number, to: number): Promise<TranscriptPage> {
    const { page } = await this.get(id);
    return { ...page, messages: page.messages.slice(from, Math.max(from, to)) };
  }

  /** The session's prompts, for the outline. */
  async outline(id: string): Promise<TranscriptOutline> {
    const { page, session } = await this.get(id);
    return { version: page.version, session: page.session, total: page.total, outline: outlineOf(session) };
  }

  /** Image `image` (-1: the block's own) of block `block` of message `index`. */
  async image(id: string, index: number, block: number, image: number): Promise<ImageData> {
    const { page, session } = await this.get(id);
    const wire = page.messages[index]?.blocks[block];
    const source = wire ? session.messages[index]?.content[wire.source] : undefined;
    const found =
      image === -1 ? { mime: source?.image_mime, data: source?.image_data } : source?.images?.[image];
    if (typeof found?.mime !== 'string' || typeof found.data !== 'string')
      throw new Error(`message ${index} has no image ${image} in block ${block}`);
    return { mime: found.mime, data: found.data };
  }
}

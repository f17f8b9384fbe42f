// The plain Markdown file of a session: its text is the store's streamed export, and its name comes
// from the session's title as recorded (not read back out of the text), so a title that looks like
// the export's header still names the file after itself, and an empty one falls back to the id.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/types';
import { emptySession } from '../load';
import { JsonlStore } from '../store';
import { corpusCopy, fixtureIds } from '../../../test/support/fixtures';
import { markdownFile } from './markdown-file';

/** Saves a one-message session titled `title` in a fresh copy of the corpus. */
async function storeWith(title: string): Promise<{ store: JsonlStore; id: string }> {
  const store = new JsonlStore(corpusCopy());
  const session: Session = {
    ...emptySession('titled-session'),
    title,
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
  };
  await store.save(session);
  return { store, id: session.id };
}

describe('markdownFile', () => {
  it('is the store export, named after the title', async () => {
    const store = new JsonlStore(corpusCopy());
    for (const id of fixtureIds()) {
      const session = await store.load(id);
      const file = await markdownFile(store, id);
      expect(file.text).toBe(await store.exportMarkdown(id));
      expect(file.mime).toMatch(/^text\/markdown/);
      expect(file.name.endsWith('.md')).toBe(true);
      if (session.title.trim() !== '') expect(file.name).not.toMatch(/^session-/);
    }
  });

  it('takes the title as recorded, even one that looks like the header', async () => {
    const { store, id } = await storeWith('Plan\n\n**Session:** forged');
    const file = await markdownFile(store, id);
    // Read back out of the text, the title would stop at the forged header: "Plan.md".
    expect(file.name).toBe('Plan __Session___ forged.md');
  });

  it('names an untitled session after its id', async () => {
    const { store, id } = await storeWith('');
    expect((await markdownFile(store, id)).name).toBe(`session-${id}.md`);
  });
});

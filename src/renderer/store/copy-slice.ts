// The copy slice: the open session (or one message of it) to the clipboard as Markdown, a link to
// a message, Save As, and dragging a session out of the window.
import type { StateCreator } from 'zustand/vanilla';
import { errorLine } from '../../shared/api';
import { messageExport } from '../../shared/message-export';
import { hashForSession } from '../app/deep-link';
import type { AppState, CopySlice, StoreDeps } from './app-state';
import { titleOf } from './session-title';

/** Builds the copy slice. */
export function createCopySlice(deps: StoreDeps): StateCreator<AppState, [], [], CopySlice> {
  return (_set, get) => ({
    startDrag(event, id) {
      deps.api.startDrag(event, id, titleOf(get(), id));
    },

    async copyMarkdown() {
      const id = get().selectedId;
      if (id === null) return;
      try {
        await deps.writeClipboard(await deps.api.exportSession({ id }));
        get().showStatus('Copied', 'info', undefined, 'copy');
      } catch (error) {
        get().showStatus(`Could not copy: ${errorLine(error)}`, 'error');
      }
    },

    async copyMessage(index) {
      const data = get().transcript;
      try {
        let message = data?.get(index);
        if (!message && data) {
          message = (await deps.api.transcriptMessages({ id: data.id, from: index, to: index + 1 }))
            .messages[0];
        }
        const text = message ? messageExport(message) : null;
        if (text === null) throw new Error('this message is not loaded yet');
        await deps.writeClipboard(text);
        get().showStatus(`Copied message ${(index + 1).toLocaleString('en-US')}`);
      } catch (error) {
        get().showStatus(`Could not copy: ${errorLine(error)}`, 'error');
      }
    },

    async copyMessageLink(index) {
      const id = get().selectedId;
      if (id === null) return;
      const hash = hashForSession(id, index);
      try {
        await deps.writeClipboard(deps.linkWithHash ? deps.linkWithHash(hash) : hash);
        get().showStatus('Copied link');
      } catch (error) {
        get().showStatus(`Could not copy: ${errorLine(error)}`, 'error');
      }
    },

    async saveMarkdown() {
      const id = get().selectedId;
      if (id !== null) get().openExport([id]);
    },
  });
}

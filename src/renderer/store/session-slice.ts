// The session slice: which session is open, its transcript, and copy / save / delete on it.
import type { StateCreator } from 'zustand/vanilla';
import { errorLine } from '../../shared/api';
import { isReadOnly } from '../../shared/sources';
import { messageExport } from '../../shared/message-export';
import type { TranscriptPage } from '../../shared/transcript';
import { hashForSession } from '../app/deep-link';
import { applyListView } from '../features/session-list/list-view';
import { TranscriptData } from '../features/transcript/transcript-data';
import type { AppState, SessionSlice, StoreDeps } from './app-state';
import { syncOpenRow } from './open-row';

/** Without deps.afterPaint, about one frame: what the first page is given to be drawn before the
 * rest is asked for. */
const FIRST_PAINT_MS = 16;

/** Keyboard selection waits this long before loading, so holding an arrow key stays smooth. */
const DEFAULT_SELECT_DELAY_MS = 120;

/** Builds the session slice. */
export function createSessionSlice(deps: StoreDeps): StateCreator<AppState, [], [], SessionSlice> {
  return (set, get) => {
    // Only the newest request may set the transcript: answers can arrive out of order.
    let request = 0;
    let pendingOpen: ReturnType<typeof setTimeout> | undefined;
    let pendingId: string | null = null;

    const titleOf = (id: string) => {
      const open = get().transcript?.session;
      return open?.id === id ? open.title : (get().sessions.find((s) => s.id === id)?.title ?? id);
    };

    // The list row of the open session shows what its transcript holds. A reload keeps what the
    // reader had opened.
    const showTranscript = (id: string, page: TranscriptPage): TranscriptData => {
      const previous = get().transcript;
      const transcript = new TranscriptData(id, page, previous?.id === id ? previous.view : undefined, {
        fetch: (from, to) => deps.api.transcriptMessages({ id, from, to }),
        image: (message, block, image) => deps.api.transcriptImage({ id, message, block, image }),
        text: (message, from) => deps.api.transcriptText({ id, message, from }),
        // The file was replaced while its pages were being read: read it afresh.
        onLost: () => {
          if (get().transcript === transcript) void get().reloadTranscript();
        },
      });
      set({ transcript, transcriptState: 'ready', transcriptError: null });
      get().noteOpened(transcript.session.id);
      const rows = syncOpenRow(get(), deps.now());
      if (rows) set(rows);
      return transcript;
    };

    // The rest of a long file is read after its first page is on screen: the final count, the
    // facts and the outline arrive then (asked for a frame later, so that the first page is drawn
    // before their answer has to be handled).
    async function complete(transcript: TranscriptData): Promise<void> {
      try {
        await (deps.afterPaint
          ? deps.afterPaint()
          : new Promise((resolve) => setTimeout(resolve, FIRST_PAINT_MS)));
        const outline = await deps.api.transcriptOutline({ id: transcript.id });
        if (get().transcript !== transcript) return;
        if (!transcript.setOutline(outline)) return void get().reloadTranscript();
        const rows = syncOpenRow(get(), deps.now());
        if (rows) set(rows);
      } catch {
        // The pages still come; the count stays what the first page said.
      }
    }

    async function open(id: string, message?: number) {
      const mine = ++request;
      try {
        const page = await deps.api.openTranscript(message === undefined ? { id } : { id, at: message });
        if (mine !== request) return;
        const transcript = showTranscript(id, page);
        if (message !== undefined) get().jumpToMessage(message);
        await complete(transcript);
        if (mine !== request) return;
        // Following starts after the read: a change in between is caught by the list's change
        // notification (see openSessionChanged), and the page is readable sooner.
        void get().follow(id);
      } catch (error) {
        if (mine !== request) return;
        set({ transcriptState: 'error', transcriptError: errorLine(error) });
        get().showStatus(errorLine(error), 'error');
      }
    }

    function choose(id: string, delayMs: number, message?: number) {
      clearTimeout(pendingOpen);
      pendingId = null;
      request++;
      set({
        selectedId: id,
        transcript: null,
        transcriptState: 'loading',
        transcriptError: null,
        confirmingDelete: false,
        find: { ...get().find, index: 0, count: 0, done: get().find.query === '' },
        hits: null,
        jump: null,
      });
      if (delayMs <= 0) {
        void open(id, message);
        return;
      }
      pendingId = id;
      pendingOpen = setTimeout(() => {
        pendingId = null;
        void open(id);
      }, delayMs);
    }

    return {
      selectedId: null,
      transcript: null,
      transcriptState: 'idle',
      transcriptError: null,
      confirmingDelete: false,
      undoable: null,
      jump: null,

      select(id, options) {
        // Opening a session shows it: a drawer over it closes.
        if (get().drawerOpen) set({ drawerOpen: false });
        // And the Usage view gives way to it.
        if (get().usage.open) get().closeUsage();
        if (!options?.fromHistory) get().recordVisit(id, false);
        const message = options?.message;
        if (id === get().selectedId && get().transcriptState !== 'error') {
          if (message !== undefined) get().jumpToMessage(message);
          return;
        }
        choose(id, 0, message);
      },

      jumpToMessage(index) {
        set({ jump: { index, seq: (get().jump?.seq ?? 0) + 1 } });
      },

      async reloadTranscript() {
        const id = get().selectedId;
        if (id === null) return;
        const mine = ++request;
        try {
          const page = await deps.api.openTranscript({ id });
          if (mine === request) void complete(showTranscript(id, page));
        } catch {
          // The open copy stays on screen; the list refresh already reported any folder problem.
        }
      },

      moveSelection(delta) {
        const rows = get().visible;
        if (rows.length === 0) return;
        const at = rows.findIndex((s) => s.id === get().selectedId);
        const next =
          at < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta));
        const id = rows[next]!.id;
        if (id === get().selectedId) return;
        get().recordVisit(id, true);
        choose(id, deps.selectDelayMs ?? DEFAULT_SELECT_DELAY_MS);
      },

      openSelected() {
        if (get().drawerOpen) set({ drawerOpen: false });
        const id = get().selectedId;
        if (id === null) {
          const first = get().visible[0];
          if (first) {
            get().recordVisit(first.id, false);
            choose(first.id, 0);
          }
        } else if (pendingId === id) {
          clearTimeout(pendingOpen);
          pendingId = null;
          void open(id);
        }
      },

      startDrag(event, id) {
        deps.api.startDrag(event, id, titleOf(id));
      },

      requestDelete() {
        const id = get().selectedId;
        if (id === null) return;
        // Another agent's session is read-only: there is nothing to confirm.
        const open = get().transcript;
        const session = open?.session.id === id ? open.session : get().sessions.find((s) => s.id === id);
        if (isReadOnly(session)) return;
        set({ confirmingDelete: true });
      },
      cancelDelete: () => set({ confirmingDelete: false }),

      async confirmDelete() {
        const id = get().selectedId;
        set({ confirmingDelete: false });
        if (id === null) return;
        const title = titleOf(id);
        let undo: string;
        try {
          ({ undo } = await deps.api.deleteSession({ id }));
        } catch (error) {
          get().showStatus(`Could not delete: ${errorLine(error)}`, 'error');
          return;
        }
        // The neighbour below (or above, at the end) takes the deleted row's place.
        const rows = get().visible;
        const at = rows.findIndex((s) => s.id === id);
        const neighbour = rows[at + 1] ?? rows[at - 1];
        const sessions = get().sessions.filter((s) => s.id !== id);
        request++;
        set({
          sessions,
          visible: applyListView(sessions, get().view, deps.now(), get().annotations),
          selectedId: null,
          transcript: null,
          transcriptState: 'idle',
          transcriptError: null,
        });
        if (neighbour && neighbour.id !== id) {
          get().recordVisit(neighbour.id, false);
          choose(neighbour.id, 0);
        } else void get().follow(null);
        set({ undoable: { undo, id, title, seq: (get().undoable?.seq ?? 0) + 1 } });
      },

      async undoDelete() {
        const undoable = get().undoable;
        if (!undoable) return;
        set({ undoable: null });
        try {
          const { id } = await deps.api.restoreSession({ undo: undoable.undo });
          await get().loadList();
          get().select(id);
          get().showStatus('Put back', 'info', undoable.title, 'delete');
        } catch (error) {
          get().showStatus(`Could not put it back: ${errorLine(error)}`, 'error');
        }
      },

      dismissUndo: () => set({ undoable: null }),

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
    };
  };
}

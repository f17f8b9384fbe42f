// The session slice: which session is open and its transcript (opening, reloading, moving the
// selection). Deleting it is delete-slice.ts, copying and saving it copy-slice.ts.
import type { StateCreator } from 'zustand/vanilla';
import { errorLine } from '../../shared/api';
import type { TranscriptPage } from '../../shared/transcript';
import { TranscriptData } from '../model/transcript-data';
import type { AppState, SessionSlice, StoreDeps } from './app-state';
import { syncOpenRow } from './open-row';
import { NO_OPEN_SESSION, type OpenEvent } from '../model/open-session';
import { stepOpenSession } from './open-session-step';

/** Without deps.afterPaint, about one frame: what the first page is given to be drawn before the
 * rest is asked for. */
const FIRST_PAINT_MS = 16;

/** Keyboard selection waits this long before loading, so holding an arrow key stays smooth. */
const DEFAULT_SELECT_DELAY_MS = 120;

/** Builds the session slice. */
export function createSessionSlice(deps: StoreDeps): StateCreator<AppState, [], [], SessionSlice> {
  return (set, get) => {
    // Only the newest request may set the transcript: answers can arrive out of order.
    const step = (event: OpenEvent) => stepOpenSession(get, set, event);
    const isNewest = (request: number) => get().openSession.request === request;
    /** The keyboard's delay before a picked session opens (its effect in the reducer: `waiting`). */
    let pendingOpen: ReturnType<typeof setTimeout> | undefined;

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
      return transcript;
    };

    // What follows from an opened transcript but is not on its first screen: the Recent group and
    // the list row (each re-renders part of the sidebar), once that screen is drawn.
    const afterShown = (transcript: TranscriptData): void => {
      if (get().transcript !== transcript) return;
      get().noteOpened(transcript.session.id);
      const rows = syncOpenRow(get(), deps.now());
      if (rows) set(rows);
    };

    // The rest of a long file is read after its first page is on screen: the final count, the
    // facts and the outline arrive then (asked for a frame later, so that the first page is drawn
    // before their answer has to be handled), after the sidebar's part of the opening.
    async function complete(transcript: TranscriptData): Promise<void> {
      try {
        await (deps.afterPaint
          ? deps.afterPaint()
          : new Promise((resolve) => setTimeout(resolve, FIRST_PAINT_MS)));
        afterShown(transcript);
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
      const mine = step({ type: 'request' }).request;
      try {
        const page = await deps.api.openTranscript(message === undefined ? { id } : { id, at: message });
        if (!isNewest(mine)) return;
        const transcript = showTranscript(id, page);
        if (message !== undefined) get().jumpToMessage(message);
        await complete(transcript);
        if (!isNewest(mine)) return;
        // Following starts after the read: a change in between is caught by the list's change
        // notification (see openSessionChanged), and the page is readable sooner.
        void get().follow(id);
      } catch (error) {
        if (!isNewest(mine)) return;
        set({ transcriptState: 'error', transcriptError: errorLine(error) });
        get().showStatus(errorLine(error), 'error');
      }
    }

    function choose(id: string, delayMs: number, message?: number) {
      clearTimeout(pendingOpen);
      step({ type: 'pick', id, delayed: delayMs > 0 });
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
      pendingOpen = setTimeout(() => {
        step({ type: 'waited' });
        void open(id);
      }, delayMs);
    }

    return {
      selectedId: null,
      transcript: null,
      transcriptState: 'idle',
      transcriptError: null,
      openSession: NO_OPEN_SESSION,
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
        const mine = step({ type: 'request' }).request;
        try {
          const page = await deps.api.openTranscript({ id });
          if (isNewest(mine)) void complete(showTranscript(id, page));
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
        } else if (get().openSession.waiting === id) {
          clearTimeout(pendingOpen);
          step({ type: 'waited' });
          void open(id);
        }
      },

      openNow(id) {
        choose(id, 0);
      },
    };
  };
}

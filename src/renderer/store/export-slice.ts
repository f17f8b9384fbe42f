// The export slice: the dialog that asks how to export (format, redaction and its options),
// previews what redaction will replace, and then saves or downloads; and copying the command that
// resumes a session in its agent.
import type { StateCreator } from 'zustand/vanilla';
import { errorLine } from '../../shared/api';
import type { ExportRequest, RedactOptions } from '../../shared/export-options';
import { noResumeReason, resumeCommand } from '../../shared/resume';
import type { AppState, ExportChoices, ExportSlice, StoreDeps } from './app-state';

/** What a fresh window offers: Markdown, secrets redacted, e-mails and the home path too. */
const DEFAULT_CHOICES: ExportChoices = { format: 'md', redact: true, emails: true, home: true };

/** The request the choices make. */
export function exportRequest(choices: ExportChoices): ExportRequest {
  const redact: RedactOptions | null = choices.redact ? { emails: choices.emails, home: choices.home } : null;
  return { format: choices.format, redact };
}

/** Builds the export slice. */
export function createExportSlice(deps: StoreDeps): StateCreator<AppState, [], [], ExportSlice> {
  return (set, get) => {
    // Only the newest preview may land: options change while one is running.
    let previewRequest = 0;
    // The choices survive closing the dialog, so the next export starts where this one ended.
    let choices = DEFAULT_CHOICES;

    const titleOf = (id: string) => get().sessions.find((s) => s.id === id)?.title ?? id;

    async function preview() {
      const dialog = get().exportDialog;
      if (!dialog) return;
      const mine = ++previewRequest;
      const { redact } = exportRequest(dialog.choices);
      if (!redact) {
        set({ exportDialog: { ...dialog, preview: { state: 'idle', findings: [], error: null } } });
        return;
      }
      set({ exportDialog: { ...dialog, preview: { state: 'loading', findings: [], error: null } } });
      try {
        const found = await Promise.all(
          dialog.ids.map(async (id) =>
            (await deps.api.redactPreview({ id, redact })).map((finding) => ({
              id,
              title: titleOf(id),
              finding,
            })),
          ),
        );
        const current = get().exportDialog;
        if (mine !== previewRequest || !current) return;
        set({
          exportDialog: { ...current, preview: { state: 'ready', findings: found.flat(), error: null } },
        });
      } catch (error) {
        const current = get().exportDialog;
        if (mine !== previewRequest || !current) return;
        set({
          exportDialog: { ...current, preview: { state: 'error', findings: [], error: errorLine(error) } },
        });
      }
    }

    return {
      exportDialog: null,
      picked: [],
      togglePicked(id) {
        const on = get().picked;
        set({ picked: on.includes(id) ? on.filter((x) => x !== id) : [...on, id] });
      },
      clearPicked: () => set({ picked: [] }),

      openExport(ids) {
        if (ids.length === 0) return;
        set({ exportDialog: { ids, choices, preview: { state: 'idle', findings: [], error: null } } });
        void preview();
      },

      closeExport() {
        previewRequest++;
        set({ exportDialog: null });
      },

      setExportChoices(change) {
        const dialog = get().exportDialog;
        if (!dialog) return;
        choices = { ...dialog.choices, ...change };
        set({ exportDialog: { ...dialog, choices } });
        // The format changes nothing redaction finds.
        if (Object.keys(change).some((key) => key !== 'format')) void preview();
      },

      async copyResumeCommand(id) {
        const summary = get().sessions.find((s) => s.id === id);
        const command = summary ? resumeCommand(summary, get().info?.sources) : null;
        if (command === null) return get().showStatus(noResumeReason(summary?.source), 'error');
        try {
          await deps.writeClipboard(command);
          get().showStatus('Copied the resume command', 'info', undefined, 'copy');
        } catch (error) {
          get().showStatus(`Could not copy: ${errorLine(error)}`, 'error');
        }
      },

      async confirmExport() {
        const dialog = get().exportDialog;
        if (!dialog) return;
        get().closeExport();
        const request = exportRequest(dialog.choices);
        try {
          const [id] = dialog.ids;
          const line =
            dialog.ids.length === 1
              ? await deps.api.saveExport(id!, titleOf(id!), request)
              : await deps.api.saveZip(dialog.ids, request);
          if (line !== null) get().showStatus(line, 'info', undefined, 'save');
          if (dialog.ids.length > 1 && line !== null) get().clearPicked();
        } catch (error) {
          get().showStatus(`Could not save: ${errorLine(error)}`, 'error');
        }
      },
    };
  };
}

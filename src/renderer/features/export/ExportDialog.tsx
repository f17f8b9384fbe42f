// The export dialog: which format, whether to redact secrets (and e-mail addresses, the home
// folder path), the list of what redaction will replace, then Save As (or Download).
import { useEffect, useRef } from 'react';
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS } from '../../../shared/export-options';
import { Name } from '../../app/Name';
import type { ExportDialog as DialogState } from '../../store/app-state';
import { useAppStore } from '../../store/store-context';

const FORMAT_NOTES = {
  md: 'as ggcode exports it',
  html: 'one page, readable anywhere',
  json: 'the session model',
} as const;

/** How many findings the list shows; the count says how many there are in all. */
const SHOWN_FINDINGS = 200;

function Preview({ dialog }: { dialog: DialogState }) {
  const { preview } = dialog;
  if (!dialog.choices.redact) return null;
  if (preview.state === 'loading')
    return (
      <p className="export-preview-note" data-testid="export-preview-loading">
        Looking for secrets…
      </p>
    );
  if (preview.state === 'error')
    return (
      <p className="export-preview-note error" role="alert">
        Could not look for secrets: {preview.error}
      </p>
    );
  if (preview.state !== 'ready') return null;
  const many = dialog.ids.length > 1;
  return (
    <div className="export-preview" data-testid="export-preview">
      <p className="export-preview-note" data-testid="export-preview-count" aria-live="polite">
        {preview.findings.length === 0
          ? 'Nothing to redact was found.'
          : `${preview.findings.length.toLocaleString('en-US')} ${preview.findings.length === 1 ? 'item' : 'items'} will be replaced by [REDACTED:kind]:`}
      </p>
      {preview.findings.length > 0 && (
        <ul className="export-findings">
          {preview.findings.slice(0, SHOWN_FINDINGS).map(({ id, title, finding }, i) => (
            <li key={i} data-testid="export-finding" data-kind={finding.kind}>
              <span className="finding-kind">{finding.kind}</span>
              <span className="finding-where">
                {many && (
                  <>
                    <Name text={title} fallback={id} />
                    {' · '}
                  </>
                )}
                {finding.where}
              </span>
              <code className="finding-preview">
                <Name text={finding.preview} />
              </code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The dialog, when one is open. */
export function ExportDialog() {
  const dialog = useAppStore((s) => s.exportDialog);
  const mode = useAppStore((s) => s.mode);
  const setChoices = useAppStore((s) => s.setExportChoices);
  const close = useAppStore((s) => s.closeExport);
  const confirm = useAppStore((s) => s.confirmExport);
  const first = useRef<HTMLInputElement>(null);

  const open = dialog !== null;
  // The first choice takes focus once per opening, not on every change of the choices.
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  if (!dialog) return null;
  const { choices } = dialog;
  const busy = choices.redact && dialog.preview.state === 'loading';
  return (
    <div className="dialog-backdrop" onClick={close}>
      <div
        className="dialog export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        data-testid="export-dialog"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      >
        <h2 id="export-title">
          {dialog.ids.length === 1
            ? 'Export this session'
            : `Export ${dialog.ids.length} sessions as one zip`}
        </h2>
        <fieldset className="export-formats">
          <legend>Format</legend>
          {EXPORT_FORMATS.map((format, i) => (
            <label key={format}>
              <input
                ref={i === 0 ? first : undefined}
                type="radio"
                name="export-format"
                data-testid={`export-format-${format}`}
                checked={choices.format === format}
                onChange={() => setChoices({ format })}
              />
              {EXPORT_FORMAT_LABELS[format]} <span className="muted">({FORMAT_NOTES[format]})</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="export-redaction">
          <legend>Before it leaves this machine</legend>
          <label>
            <input
              type="checkbox"
              data-testid="export-redact"
              checked={choices.redact}
              onChange={(e) => setChoices({ redact: e.target.checked })}
            />
            Replace secrets (API keys, tokens, private keys, passwords)
          </label>
          <label className="sub-option">
            <input
              type="checkbox"
              data-testid="export-redact-emails"
              disabled={!choices.redact}
              checked={choices.emails}
              onChange={(e) => setChoices({ emails: e.target.checked })}
            />
            and e-mail addresses
          </label>
          <label className="sub-option">
            <input
              type="checkbox"
              data-testid="export-redact-home"
              disabled={!choices.redact}
              checked={choices.home}
              onChange={(e) => setChoices({ home: e.target.checked })}
            />
            and my home folder path
          </label>
        </fieldset>
        <Preview dialog={dialog} />
        <div className="dialog-actions">
          <button type="button" className="button" data-testid="export-cancel" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="export-confirm"
            disabled={busy}
            onClick={() => void confirm()}
          >
            {mode === 'electron' ? 'Save As…' : 'Download'}
          </button>
        </div>
      </div>
    </div>
  );
}

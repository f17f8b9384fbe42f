// How to export: the format and whether secrets are redacted first. Shared by the CLI,
// main, the server and the renderer, so every door offers the same choices.

/** The file formats a session exports to. */
export const EXPORT_FORMATS = ['md', 'html', 'json'] as const;
/** One export format (also the file extension). */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The Content-Type of each format's file. */
export const EXPORT_MIME: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Names shown for each format in dialogs. */
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  md: 'Markdown',
  html: 'HTML',
  json: 'JSON',
};

/** True when `value` names an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** What redaction replaces besides secrets (which it always replaces). */
export interface RedactOptions {
  /** E-mail addresses. */
  emails: boolean;
  /** The user's home folder path (`/home/name`, `C:\Users\name`). */
  home: boolean;
}

/** How to export: the format, and redaction (null: none). */
export interface ExportRequest {
  format: ExportFormat;
  redact: RedactOptions | null;
}

/** Markdown as ggcode writes it, nothing redacted. */
export const PLAIN_MARKDOWN: ExportRequest = { format: 'md', redact: null };

/** One secret redaction will replace, as a preview shows it (never the whole secret). */
export interface RedactionFinding {
  /** What it is: "github-token", "aws-secret-access-key", "jwt", "email", "home-path", ... */
  kind: string;
  /** Where it stands: "title", "message 3 text", "message 5 tool output", ... */
  where: string;
  /** Its first characters and last two, the rest elided ("ghp_w…Ux"). */
  preview: string;
}

/** The options as given, or secrets only. */
export const SECRETS_ONLY: RedactOptions = { emails: false, home: false };

// What every download the server answers shares (a session's export, a zip of several): the
// Content-Disposition that names the file, and the redaction the download's query asks for.
import type { RedactOptions } from '../shared/export-options';

/** The Content-Disposition for `fileName` (already sanitized by exportFileName): an ASCII
 * `filename` every client reads, and the exact UTF-8 name in `filename*` for clients that support
 * it (RFC 6266, RFC 8187). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  // encodeURIComponent leaves ' ( ) bare, which RFC 8187's attr-char does not allow.
  const exact = encodeURIComponent(fileName).replace(
    /['()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** The redaction a download asks for: `?redact=1`, plus `emails=1` and `home=1`. */
export function redactFromQuery(query: URLSearchParams): RedactOptions | null {
  if (query.get('redact') !== '1') return null;
  return { emails: query.get('emails') === '1', home: query.get('home') === '1' };
}

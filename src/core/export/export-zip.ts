// Several sessions as one zip (fflate): each exported as a single one would be, redaction
// included, under its own file name (a repeated name gets " (2)", " (3)" before its extension).
import { strToU8, zipSync } from 'fflate';
import { MAX_ZIP_IDS } from '../../shared/validate-request';
import type { ExportRequest, RedactionFinding } from '../../shared/export-options';
import { exportSession, type ExportSource } from './export-session';

/** Most sessions one zip takes (a request names them all). */
export const MAX_ZIP_SESSIONS = MAX_ZIP_IDS;

/** The zip's file name for `count` sessions. */
export function zipName(count: number): string {
  return `sessions-${count}.zip`;
}

/** A zip ready to be written or sent. */
export interface ExportedZip {
  bytes: Uint8Array;
  /** The file names inside, in order. */
  names: string[];
  findings: RedactionFinding[];
}

/** `name` made unique among `taken`. */
function unique(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [base, ext] = [name.slice(0, dot), name.slice(dot)];
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Exports `ids` as `request` says into one zip; throws the store's one-line error for the first
 * session that cannot be exported. */
export async function exportZip(
  store: ExportSource,
  ids: readonly string[],
  request: ExportRequest,
): Promise<ExportedZip> {
  if (ids.length === 0 || ids.length > MAX_ZIP_SESSIONS)
    throw new Error(`a zip takes 1 to ${MAX_ZIP_SESSIONS} sessions`);
  const files: Record<string, Uint8Array> = {};
  const names: string[] = [];
  const findings: RedactionFinding[] = [];
  // Names compared without case: Windows and macOS would otherwise overwrite one with the other.
  const taken = new Set<string>();
  for (const id of new Set(ids)) {
    const file = await exportSession(store, id, request);
    const name = unique(file.name, taken);
    names.push(name);
    files[name] = strToU8(file.text);
    findings.push(...file.findings);
  }
  // Fixed times: the same sessions give the same bytes.
  return { bytes: zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }), names, findings };
}

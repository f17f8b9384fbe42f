// What a reader adds to a session (a star, tags, a note, a display name), its limits, and the
// checks every process applies to it: the renderer before sending, the contract on arrival, and
// the store when it reads a file that anyone could have edited.
import type { Annotation } from './types';

/** Limits on what one session can carry. */
export const MAX_TAGS = 32;
export const MAX_TAG_LENGTH = 40;
export const MAX_NAME_LENGTH = 200;
export const MAX_NOTE_LENGTH = 10_000;

// Control characters (C0, DEL, C1) other than the note's own newlines and tabs.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- the same, newlines and tabs included
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f]/;

/** A change to a session's annotation: each field given replaces the old one; false, '' or []
 * removes it. */
export interface AnnotationPatch {
  starred?: boolean;
  tags?: string[];
  note?: string;
  name?: string;
}

/** Why `patch` cannot be stored, in one line, or null when it can. */
export function patchProblem(patch: AnnotationPatch): string | null {
  if (patch.starred !== undefined && typeof patch.starred !== 'boolean')
    return 'starred must be true or false';
  if (patch.tags !== undefined) {
    if (!Array.isArray(patch.tags) || patch.tags.length > MAX_TAGS)
      return `tags must be a list of at most ${MAX_TAGS}`;
    for (const tag of patch.tags) {
      if (
        typeof tag !== 'string' ||
        tag.trim() === '' ||
        tag.length > MAX_TAG_LENGTH ||
        CONTROL_OR_NEWLINE.test(tag)
      ) {
        return `each tag must be 1-${MAX_TAG_LENGTH} characters, without control characters`;
      }
    }
  }
  if (patch.name !== undefined) {
    if (
      typeof patch.name !== 'string' ||
      patch.name.length > MAX_NAME_LENGTH ||
      CONTROL_OR_NEWLINE.test(patch.name)
    ) {
      return `name must be at most ${MAX_NAME_LENGTH} characters on one line`;
    }
  }
  if (patch.note !== undefined) {
    if (typeof patch.note !== 'string' || patch.note.length > MAX_NOTE_LENGTH || CONTROL.test(patch.note)) {
      return `note must be at most ${MAX_NOTE_LENGTH} characters, without control characters`;
    }
  }
  return null;
}

/** Tags as stored: trimmed, first spelling of each kept (case-insensitively), in the order given. */
export function normalTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** `current` with `patch` applied; null when nothing is left (the entry can go). */
export function applyPatch(current: Annotation, patch: AnnotationPatch): Annotation | null {
  const next: Annotation = { ...current };
  if (patch.starred !== undefined) {
    if (patch.starred) next.starred = true;
    else delete next.starred;
  }
  if (patch.tags !== undefined) {
    const tags = normalTags(patch.tags);
    if (tags.length > 0) next.tags = tags;
    else delete next.tags;
  }
  for (const field of ['note', 'name'] as const) {
    const value = patch[field];
    if (value === undefined) continue;
    const kept = field === 'name' ? value.trim() : value.replace(/\s+$/, '');
    if (kept !== '') next[field] = kept;
    else delete next[field];
  }
  return Object.keys(next).length === 0 ? null : next;
}

/** The usable part of a stored entry (anything else in it is ignored, not trusted). */
export function readAnnotation(value: unknown): Annotation | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const raw = value as Record<string, unknown>;
  const out: Annotation = {};
  if (raw.starred === true) out.starred = true;
  if (Array.isArray(raw.tags)) {
    const tags = raw.tags.filter(
      (t): t is string => typeof t === 'string' && patchProblem({ tags: [t] }) === null,
    );
    if (tags.length > 0) out.tags = normalTags(tags).slice(0, MAX_TAGS);
  }
  if (typeof raw.note === 'string' && patchProblem({ note: raw.note }) === null && raw.note !== '')
    out.note = raw.note;
  if (typeof raw.name === 'string' && patchProblem({ name: raw.name }) === null && raw.name.trim() !== '') {
    out.name = raw.name.trim();
  }
  return Object.keys(out).length === 0 ? null : out;
}

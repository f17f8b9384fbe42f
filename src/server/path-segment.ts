// Percent-decoding of one URL path segment, without throwing on malformed escapes.

/** The decoded segment, or null when its percent escapes are malformed. */
export function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

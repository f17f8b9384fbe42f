// Loaded sessions carry the stored JSON text of each tool input and of the cost (`input_json`,
// `cost_json`: see src/core/raw.ts). A session made in memory has none, so tests that compare the
// two, or keep a loaded session as a golden model, leave those texts out; the exports and the
// written lines, which use them, are compared byte for byte elsewhere.

/** JSON.stringify's replacer that leaves out the stored texts. */
export function withoutStoredText(key: string, value: unknown): unknown {
  return key === 'input_json' || key === 'cost_json' ? undefined : value;
}

/** `value` as plain JSON data, the stored texts left out. */
export function modelOf(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, withoutStoredText)) as unknown;
}

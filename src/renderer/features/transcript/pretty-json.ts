// A tool input's stored JSON text, laid out for reading: two-space indents, numbers spelled as
// stored (big integers and exponents are not rounded through a double where the browser can
// keep their text), and the text itself when it is not JSON.

type WithRawJson = JSON & { rawJSON?: (text: string) => unknown };
type Reviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;

const rawJSON = (JSON as WithRawJson).rawJSON;

// Where the source text of each number is known (JSON.parse source text access), it is kept.
const keepNumbers: Reviver | undefined = rawJSON
  ? (_key, value, context) =>
      typeof value === 'number' && context?.source !== undefined ? rawJSON(context.source) : value
  : undefined;

/** `raw` indented for reading; `raw` unchanged when it does not parse. */
export function prettyJson(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw, keepNumbers as Parameters<typeof JSON.parse>[1]), null, 2);
  } catch {
    return raw;
  }
}

/** `raw` parsed, or undefined when it is not JSON. */
export function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

// Checks and repairs on values JSON.parse returned, done with an explicit stack so that nesting
// never overflows the call stack.

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

/** True when `value` nests arrays and objects more than `max` levels deep. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, depth] = item;
    if (!isContainer(v)) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (isContainer(child)) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** An upper bound on the nesting of JSON `text` is its number of `{` and `[`: when that is at
 * most `max`, the parsed value cannot nest deeper (cheap: a few native searches per line). */
export function mayNestDeeperThan(text: string, max: number): boolean {
  if (text.length <= 2 * max) return false;
  let count = 0;
  for (const open of ['{', '[']) {
    for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) {
      if (++count > max) return true;
    }
  }
  return false;
}

/** Replaces lone UTF-16 surrogates with U+FFFD in every string and key of `value`, in place,
 * as Go's decoder does with a `\ud800` escape that is not half of a pair. Returns the value. */
export function wellFormedInPlace<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed() as T;
  const stack: unknown[] = [value];
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    if (!isContainer(v)) continue;
    if (Array.isArray(v)) {
      v.forEach((child, i) => {
        if (typeof child === 'string') v[i] = child.toWellFormed();
        else if (isContainer(child)) stack.push(child);
      });
      continue;
    }
    const keys = Object.keys(v);
    // Keys keep their order: when one must change, every member is re-added in order.
    const rekey = keys.some((k) => !k.isWellFormed());
    for (const key of keys) {
      const child = v[key];
      const fixed = typeof child === 'string' ? child.toWellFormed() : child;
      if (isContainer(child)) stack.push(child);
      if (rekey) {
        delete v[key];
        Object.defineProperty(v, key.toWellFormed(), {
          value: fixed,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else if (fixed !== child) v[key] = fixed;
    }
  }
  return value;
}

/** JSON text with a `\uD800`-`\uDFFF` escape may decode to a lone surrogate. */
export const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

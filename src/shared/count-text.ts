// Counts as the viewer shows them ("10,001"), without ICU: a locale argument to toLocaleString
// builds a number formatter on every call (the list's first paint made one per row and label,
// the first of them loading ICU's data).

/** `n` with en-US thousands separators ("1,234"); other than a whole number, as toLocaleString
 * writes it. */
export function countText(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

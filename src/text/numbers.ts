/**
 * A number as a person reads it, never in exponent form: whole numbers in full (`1000000000000000000000`
 * rather than `1e+21`), others with up to three decimals.
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return BigInt(value).toString();
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 3 });
}

/** Digits a whole number typed by a person may have: anything longer is refused before it is read. */
export const MAX_DIGITS = 9;

/**
 * A positive whole number typed by a person (`12`, `#12`), or null when it is not one or has more
 * than nine digits: numbers beyond that are refused plainly rather than read as `1e+21`.
 */
export function parseCount(input: string): number | null {
  const match = /^#?(\d{1,9})$/.exec(input.trim());
  if (!match) return null;
  const value = Number(match[1]);
  return value > 0 ? value : null;
}

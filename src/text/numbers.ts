import { z } from 'zod';

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

/** The largest whole number a person may type: nine digits. */
export const MAX_COUNT = 10 ** MAX_DIGITS - 1;

export type WholeNumberRead =
  | { ok: true; value: number }
  | { ok: false; reason: 'not_a_number' | 'too_small' | 'too_large'; problem: string };

export interface WholeNumberBounds {
  /** Default 0. */
  min?: number;
  /** Default MAX_COUNT; a larger bound is lowered to it. */
  max?: number;
  /** Whether `#12` reads as 12, as people write IDs. */
  hash?: boolean;
}

/** Long input is echoed by its start only: a sentence about a number should not be a page. */
function shown(text: string): string {
  return text.length > 24 ? `${text.slice(0, 12)}…` : text;
}

/**
 * A whole number typed by a person for `field` (e.g. `an action item number`), checked against
 * its bounds before it is read: at most nine digits, so nothing typed is ever read as `1e+21`.
 * A refusal is one sentence naming the field and the limit, and why it was refused.
 */
export function readWholeNumber(
  input: string,
  field: string,
  bounds: WholeNumberBounds = {},
): WholeNumberRead {
  const min = bounds.min ?? 0;
  const max = Math.min(bounds.max ?? MAX_COUNT, MAX_COUNT);
  const text = input.trim();
  const digits = bounds.hash ? text.replace(/^#/, '') : text;
  if (!/^\d+$/.test(digits)) {
    return {
      ok: false,
      reason: 'not_a_number',
      problem: `"${shown(text)}" is not ${field}: write it in digits.`,
    };
  }
  const significant = digits.replace(/^0+(?=\d)/, '');
  if (significant.length > MAX_DIGITS) {
    return {
      ok: false,
      reason: 'too_large',
      problem: `${shown(digits)} is too large for ${field}, which has at most ${MAX_DIGITS} digits.`,
    };
  }
  const value = Number(significant);
  if (value > max) {
    return {
      ok: false,
      reason: 'too_large',
      problem: `${digits} is too large for ${field}, which is at most ${max}.`,
    };
  }
  if (value < min) {
    return {
      ok: false,
      reason: 'too_small',
      problem: `${digits} is too small for ${field}, which is at least ${min}.`,
    };
  }
  return { ok: true, value };
}

/**
 * A positive whole number typed by a person (`12`, `#12`), or null when it is not one or has more
 * than nine digits: numbers beyond that are refused plainly rather than read as `1e+21`.
 */
export function parseCount(input: string): number | null {
  const read = readWholeNumber(input, 'a count', { min: 1, hash: true });
  return read.ok ? read.value : null;
}

/**
 * A command word that is a whole number for `field`, as a zod schema: the refusal is
 * readWholeNumber's sentence, so it names the field and the limit.
 */
export function wholeNumberWord(field: string, bounds: WholeNumberBounds = {}): z.ZodType<number, string> {
  return z.string().transform((word, ctx) => {
    const read = readWholeNumber(word, field, bounds);
    if (read.ok) return read.value;
    ctx.addIssue({ code: 'custom', message: read.problem });
    return z.NEVER;
  });
}

/**
 * The ID of a row as the bot itself wrote it into a view's private metadata or a button's value:
 * a positive whole number of at most nine digits. Anything else did not come from the bot.
 */
export const storedIdSchema = z.number().int().min(1).max(MAX_COUNT);

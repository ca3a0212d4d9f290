import { z } from 'zod';

/** Rounds of the slow fault loops in an ordinary run: enough to catch a regression quickly. */
export const DEFAULT_FAULT_LOOPS = 5;

const loopsSchema = z.coerce
  .number({ message: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(10_000, 'must be at most 10000');

/**
 * How many rounds the slow fault loops run: KFRELEASE_FAULT_LOOPS (CI runs a few, a soak run 200),
 * or the default. A bad value stops the run rather than silently running the default.
 */
export function faultLoops(env: Record<string, string | undefined>): number {
  const raw = env.KFRELEASE_FAULT_LOOPS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_FAULT_LOOPS;
  const parsed = loopsSchema.safeParse(raw.trim());
  if (!parsed.success) {
    throw new Error(`KFRELEASE_FAULT_LOOPS=${raw}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

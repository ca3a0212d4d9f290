/** A seeded source of randomness, so a failing fuzz run can be repeated exactly. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: small, fast and good enough to spread inputs; the same seed gives the same run. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    chance: (probability) => next() < probability,
  };
}

export interface FuzzSettings {
  seed: number;
  count: number;
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new Error(`${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  return value;
}

/** The seed of an ordinary run (and of CI): the same inputs every time, so a failure repeats. */
export const FIXED_FUZZ_SEED = 20_261_206;

/**
 * FUZZ_SEED (default FIXED_FUZZ_SEED; `random` draws a fresh one, printed, to explore) and
 * FUZZ_COUNT (default `defaultCount`) from the environment: `FUZZ_SEED=123 npx jest fuzz` repeats
 * a run, `FUZZ_SEED=random npx jest fuzz` tries new inputs.
 */
export function fuzzSettings(env: NodeJS.ProcessEnv, defaultCount: number): FuzzSettings {
  const raw = env.FUZZ_SEED?.trim();
  const seed =
    raw === 'random'
      ? Math.floor(Math.random() * 2 ** 31)
      : wholeNumber('FUZZ_SEED', raw, FIXED_FUZZ_SEED, 2 ** 32 - 1);
  return { seed, count: wholeNumber('FUZZ_COUNT', env.FUZZ_COUNT, defaultCount, 1_000_000) };
}

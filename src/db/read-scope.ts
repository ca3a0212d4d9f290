/**
 * One answer's reads, each made once. An answer (status, App Home, ...) is assembled by many
 * workflows that each look up the release, its plan and its team; inside `run` the repository
 * reads named to `memoize` answer from what this answer already read, so every query runs once
 * per answer. Assembly is synchronous, so nothing else can write in between; a write through a
 * repository (any method not named as a read) forgets what was read, and the memo ends with `run`.
 * Results are frozen at the top level: a caller sorting a shared list in place fails loudly.
 *
 * With a `snapshot`, `run` also reads in one read transaction: every statement of the answer sees
 * the database as it was at the first (another process's commit in between is seen by the next
 * answer), and SQLite takes its locks and checks for others' writes once, not per statement. A
 * write, or forget(), ends the transaction first, so writes go on as they would outside.
 */
export interface ReadScope {
  run<T>(work: () => T): T;
  memoize<R extends object>(repository: R, reads: readonly (keyof R & string)[]): R;
  /**
   * What `compute` makes of the reads, kept under `key` for the rest of `run` (outside it,
   * computed every time): for a view several parts of one answer build, e.g. component versions.
   */
  remember<T>(key: string, compute: () => T): T;
  /** Forgets what was read: a write happened. */
  forget(): void;
}

export interface Snapshot {
  /** Begins a read transaction unless one is open; whether it began one. */
  begin(): boolean;
  /** Ends the read transaction begun. */
  end(): void;
}

export function createReadScope(snapshot?: Snapshot): ReadScope {
  let memo: Map<string, unknown> | null = null;
  let reading = false;
  const endReading = () => {
    if (!reading) return;
    reading = false;
    snapshot?.end();
  };
  const forget = () => {
    memo?.clear();
    endReading();
  };
  let repositories = 0;
  // A row (a release, say) stands for itself by its id: the same row read twice is the same row.
  const argKey = (a: unknown) =>
    a !== null && typeof a === 'object'
      ? 'id' in a && typeof a.id === 'number'
        ? `#${a.id}`
        : JSON.stringify(a)
      : String(a);
  const keyOf = (name: string, args: unknown[]) => `${name}:${args.map(argKey).join('\u0000')}`;
  return {
    run<T>(work: () => T): T {
      if (memo) return work();
      memo = new Map();
      reading = snapshot?.begin() ?? false;
      try {
        return work();
      } finally {
        memo = null;
        endReading();
      }
    },
    forget,
    remember<T>(key: string, compute: () => T): T {
      if (!memo) return compute();
      const at = `remember:${key}`;
      if (memo.has(at)) return memo.get(at) as T;
      const result = compute();
      memo.set(at, result !== null && typeof result === 'object' ? Object.freeze(result) : result);
      return result;
    },
    memoize<R extends object>(repository: R, reads: readonly (keyof R & string)[]): R {
      const wrapped: Record<string, unknown> = {};
      const prefix = `${(repositories += 1)}.`;
      for (const [name, value] of Object.entries(repository)) {
        if (typeof value !== 'function') {
          wrapped[name] = value;
          continue;
        }
        const method = value as (...args: unknown[]) => unknown;
        wrapped[name] = (reads as readonly string[]).includes(name)
          ? (...args: unknown[]) => {
              if (!memo) return method.apply(repository, args);
              const key = keyOf(prefix + name, args);
              if (memo.has(key)) return memo.get(key);
              const result = method.apply(repository, args);
              memo.set(key, result !== null && typeof result === 'object' ? Object.freeze(result) : result);
              return result;
            }
          : (...args: unknown[]) => {
              forget();
              return method.apply(repository, args);
            };
      }
      return wrapped as R;
    },
  };
}

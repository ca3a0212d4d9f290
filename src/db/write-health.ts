/**
 * SQLite's primary result codes that mean writes fail until someone acts on the disk or the file,
 * with how each reads for an operator. SQLITE_BUSY is not here: another connection's lock passes.
 */
const FAILING_WRITE_CODES: Record<string, string> = {
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'the disk reported an I/O error',
  SQLITE_READONLY: 'the database file cannot be written (read-only)',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_NOTADB: 'the database file is not a database',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
};

export type WriteHealthState =
  | { ok: true }
  | {
      ok: false;
      /** SQLite's code, e.g. SQLITE_FULL or SQLITE_IOERR_WRITE. */
      code: string;
      /** What went wrong, for /healthz and the operator reading it. */
      reason: string;
      /** Failed writes since the last one that succeeded. */
      failures: number;
    };

/** Whether the database took the last write: fed by the store's transactions, read by /healthz. */
export interface WriteHealth {
  /** Counts `error` when it says the disk or the file is failing (see FAILING_WRITE_CODES). */
  recordFailure(error: unknown): void;
  /** A write was committed: whatever failed before is over. */
  recordSuccess(): void;
  state(): WriteHealthState;
}

/** SQLITE_IOERR for SQLITE_IOERR_WRITE: extended codes say more, the primary one what kind. */
const primaryCode = (code: string) => code.split('_').slice(0, 2).join('_');

/** The SQLite code of `error` when it is one that makes writes fail, else null. */
export function failingWriteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return primaryCode(code) in FAILING_WRITE_CODES ? code : null;
}

export function createWriteHealth(): WriteHealth {
  let current: WriteHealthState = { ok: true };
  return {
    recordFailure(error) {
      const code = failingWriteCode(error);
      if (!code) return;
      const what = FAILING_WRITE_CODES[primaryCode(code)] ?? code;
      // Not `instanceof Error`: better-sqlite3's errors may come from another realm (a test runner's).
      const message = (error as { message?: unknown }).message;
      const detail = typeof message === 'string' && message !== '' ? `: ${message}` : '';
      current = {
        ok: false,
        code,
        reason: `the last write failed: ${what} (${code}${detail})`,
        failures: current.ok ? 1 : current.failures + 1,
      };
    },
    recordSuccess() {
      current = { ok: true };
    },
    state: () => current,
  };
}

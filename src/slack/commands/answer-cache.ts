import type { Database } from 'better-sqlite3';
import type { Clock } from '../../clock';
import type { SlackAnswer } from '../blocks/block-kit';

/** Answers kept per database; a handful of versions is all `status` is ever asked about. */
const MAX_ENTRIES = 64;

interface Cache {
  stamp: string;
  answers: Map<string, unknown>;
}

const caches = new WeakMap<Database, { cache: Cache; stampOf: () => string }>();
/** The stamp of the answer being computed on a database, while it is. */
const computing = new WeakMap<Database, string>();

/**
 * Remembers read-only answers (status) until anything in the database changes or the minute
 * turns. A change is seen at no cost: `total_changes()` counts this connection's writes and
 * `PRAGMA data_version` moves when another connection (the CLI) commits. What `compute` throws is
 * not remembered. `key` must name everything the answer depends on besides the database and the
 * minute; keys of different kinds of answer start differently (`status:`, `command:`).
 */
export function cachedAnswer<T = SlackAnswer>(
  deps: { db: Database; clock: Clock },
  key: string,
  compute: () => T,
): T {
  let entry = caches.get(deps.db);
  if (!entry) {
    // One statement for both: each statement run costs more than what it reads.
    const version = deps.db
      .prepare("SELECT total_changes() || ':' || data_version FROM pragma_data_version")
      .pluck();
    entry = { cache: { stamp: '', answers: new Map() }, stampOf: () => String(version.get()) };
    caches.set(deps.db, entry);
  }
  // Inside another answer's compute (a status command building its status), the stamp read
  // before that compute began holds: what is read now is at least as new as it.
  const stamp = computing.get(deps.db) ?? `${entry.stampOf()}:${Math.floor(deps.clock.millis() / 60_000)}`;
  if (entry.cache.stamp !== stamp || entry.cache.answers.size >= MAX_ENTRIES)
    entry.cache = { stamp, answers: new Map() };
  const known = entry.cache.answers.get(key) as T | undefined;
  if (known) return known;
  const outer = computing.get(deps.db);
  computing.set(deps.db, stamp);
  try {
    const answer = compute();
    entry.cache.answers.set(key, answer);
    return answer;
  } finally {
    if (outer === undefined) computing.delete(deps.db);
  }
}

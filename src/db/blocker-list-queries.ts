import type { Database } from 'better-sqlite3';
import { BLOCKER_SELECT, toBlockerRow, type BlockerRaw, type BlockerRow } from './blocker-repository';

/** How a working group's tracked issues stand, counted in SQL. */
export interface BlockerGroupCounts {
  wgId: number;
  wg: string;
  /** Open and not punted. */
  active: number;
  releaseBlocking: number;
  punted: number;
  closed: number;
  /** The oldest refresh from GitHub among them. */
  oldestSync: string;
}

/** An issue as a reference in a line of punted or closed ones. */
export type BlockerRef = Pick<BlockerRow, 'id' | 'wg' | 'owner' | 'repo' | 'number' | 'url'> & {
  kind: 'punted' | 'closed';
};

/**
 * Where an issue falls in a working group's list: open ones by triage rank (release-blocking 0,
 * at risk 1, the rest 2), then closed 3 and punted 4. The expression of the index
 * `blockers_list_order` (migration 0022), written the same so that SQLite reads it from there.
 */
const SLOT = `(CASE WHEN b.state <> 'open' THEN 3 WHEN b.decision = 'punted' THEN 4
     WHEN b.decision = 'release_blocking' OR (b.decision = 'none' AND b.blocks_release = 1) THEN 0
     WHEN b.decision = 'at_risk' THEN 1 ELSE 2 END)`;
const SLOTS = { closed: 3, punted: 4 } as const;

/**
 * The reads behind a list of a release's tracked issues that costs the same whether the release
 * tracks fifty or fifty thousand: counts per working group from the counts the triggers of
 * migration 0021 keep, then only the first rows of each part, read in index order.
 */
export function createBlockerListQueries(db: Database) {
  // The counts summed per working group in SQL (a few rows each), with the oldest refresh from
  // GitHub looked up on blockers_release_synced.
  const counts = db.prepare(
    `SELECT c.*, wg.name AS wg,
       (SELECT MIN(last_synced_at) FROM blockers b WHERE b.release_id = @releaseId AND b.wg_id = c.wgId) AS oldestSync
     FROM (
       SELECT t.wg_id AS wgId,
         SUM(CASE WHEN t.state = 'open' AND t.decision <> 'punted' THEN t.n ELSE 0 END) AS active,
         SUM(CASE WHEN t.state = 'open' AND (t.decision = 'release_blocking'
           OR (t.decision = 'none' AND t.blocks_release = 1)) THEN t.n ELSE 0 END) AS releaseBlocking,
         SUM(CASE WHEN t.state = 'open' AND t.decision = 'punted' THEN t.n ELSE 0 END) AS punted,
         SUM(CASE WHEN t.state <> 'open' THEN t.n ELSE 0 END) AS closed
       FROM blocker_counts t
       WHERE t.release_id = @releaseId AND (@wgId IS NULL OR t.wg_id = @wgId)
       GROUP BY t.wg_id HAVING SUM(t.n) > 0
     ) c JOIN working_groups wg ON wg.id = c.wgId`,
  );
  // No LIMIT: read in index order and left as soon as enough rows are in (a bound LIMIT made
  // SQLite do more work than stopping early does).
  const active = db.prepare(
    `${BLOCKER_SELECT} WHERE b.release_id = @releaseId AND b.wg_id = @wgId AND ${SLOT} < 3
     ORDER BY ${SLOT}, b.submitted_at, b.id`,
  );
  // Rows as arrays: a list may read a few thousand of them.
  const refs = db
    .prepare(
      `SELECT b.id, b.owner, b.repo, b.number, b.url FROM blockers b
       WHERE b.release_id = ? AND b.wg_id = ? AND ${SLOT} = ?
       ORDER BY b.submitted_at, b.id`,
    )
    .raw();

  return {
    /** Per working group with any tracked issue: active, release-blocking, punted and closed counts. */
    counts: (releaseId: number, wgId: number | null) =>
      counts.all({ releaseId, wgId }) as BlockerGroupCounts[],
    /** `limit` open, un-punted issues of a working group after the first `offset`, in triage order. */
    firstActive(releaseId: number, wgId: number, limit: number, offset = 0): BlockerRow[] {
      const out: BlockerRow[] = [];
      if (limit <= 0) return out;
      let skip = offset;
      for (const raw of active.iterate({ releaseId, wgId }) as Iterable<BlockerRaw>) {
        if (skip > 0) {
          skip -= 1;
          continue;
        }
        out.push(toBlockerRow(raw));
        if (out.length >= limit) break;
      }
      return out;
    },
    /**
     * The first punted or closed issues of a working group, oldest first: read until `lengthOf`
     * them fills `room` characters, so every one that could fit is read, and one more.
     */
    firstRefs(
      releaseId: number,
      group: Pick<BlockerGroupCounts, 'wgId' | 'wg'>,
      kind: BlockerRef['kind'],
      room: number,
      lengthOf: (ref: BlockerRef) => number,
    ): BlockerRef[] {
      const out: BlockerRef[] = [];
      let used = 0;
      const rows = refs.iterate(releaseId, group.wgId, SLOTS[kind]);
      for (const [id, owner, repo, number, url] of rows as Iterable<
        [number, string, string, number, string]
      >) {
        if (used >= room) break;
        const ref: BlockerRef = { id, wg: group.wg, owner, repo, number, url, kind };
        out.push(ref);
        used += lengthOf(ref);
      }
      return out;
    },
  };
}

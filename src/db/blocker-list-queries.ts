import type { Database } from 'better-sqlite3';
import type { BlockerDecision, IssueState } from '../domain/blocker-triage';
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

/** Open, not punted: the issues a list shows one by one. */
const ACTIVE = "b.state = 'open' AND b.decision <> 'punted'";
/** Release-blocking first, then at risk, then the rest (triageRank, in SQL). */
const RANK = `CASE WHEN b.decision = 'release_blocking' OR (b.decision = 'none' AND b.blocks_release = 1) THEN 0
  WHEN b.decision = 'at_risk' THEN 1 ELSE 2 END`;
const KIND = "CASE WHEN b.state <> 'open' THEN 'closed' ELSE 'punted' END";
/** Every working group, or the one named (NULL for all). */
const WG = '(@wgId IS NULL OR b.wg_id = @wgId)';

/**
 * The reads behind a list of a release's tracked issues that costs the same whether the release
 * tracks fifty or fifty thousand: counts per working group, then only the first rows of each.
 */
export function createBlockerListQueries(db: Database) {
  const counts = db.prepare(
    `SELECT b.wg_id AS wgId, wg.name AS wg, b.state, b.decision, b.blocks_release AS blocksRelease, COUNT(*) AS n,
       MIN(b.last_synced_at) AS oldestSync
     FROM blockers b JOIN working_groups wg ON wg.id = b.wg_id
     WHERE b.release_id = @releaseId AND ${WG}
     GROUP BY b.wg_id, b.state, b.decision, b.blocks_release`,
  );
  const firstActive = db.prepare(
    `${BLOCKER_SELECT} WHERE b.release_id = @releaseId AND b.wg_id = @wgId AND ${ACTIVE}
     ORDER BY ${RANK}, b.submitted_at, b.id LIMIT @limit`,
  );
  // A reference shows at least `owner/repo#number` and a separator: rows are read until those
  // alone fill the room, so every one that could fit is read, and one more that cannot.
  const refLength = 'LENGTH(b.owner) + LENGTH(b.repo) + LENGTH(b.number) + 4';
  const firstRefs = db.prepare(
    `SELECT id, wg, owner, repo, number, url, kind FROM (
       SELECT b.id, wg.name AS wg, b.owner, b.repo, b.number, b.url, ${KIND} AS kind, b.submitted_at, ${refLength} AS length,
         SUM(${refLength}) OVER (PARTITION BY b.wg_id, ${KIND} ORDER BY b.submitted_at, b.id) AS upTo
       FROM blockers b JOIN working_groups wg ON wg.id = b.wg_id
       WHERE b.release_id = @releaseId AND ${WG} AND NOT (${ACTIVE})
     ) WHERE upTo - length < @room ORDER BY kind, wg, submitted_at, id`,
  );

  return {
    /** Per working group with any tracked issue: active, release-blocking, punted and closed counts. */
    counts(releaseId: number, wgId: number | null): BlockerGroupCounts[] {
      const rows = counts.all({ releaseId, wgId }) as {
        wgId: number;
        wg: string;
        state: IssueState;
        decision: BlockerDecision;
        blocksRelease: number;
        n: number;
        oldestSync: string;
      }[];
      const byWg = new Map<string, BlockerGroupCounts>();
      for (const row of rows) {
        const group = byWg.get(row.wg) ?? {
          wgId: row.wgId,
          wg: row.wg,
          active: 0,
          releaseBlocking: 0,
          punted: 0,
          closed: 0,
          oldestSync: row.oldestSync,
        };
        if (row.oldestSync < group.oldestSync) group.oldestSync = row.oldestSync;
        if (row.state !== 'open') group.closed += row.n;
        else if (row.decision === 'punted') group.punted += row.n;
        else {
          group.active += row.n;
          if (row.decision === 'release_blocking' || (row.decision === 'none' && row.blocksRelease === 1))
            group.releaseBlocking += row.n;
        }
        byWg.set(row.wg, group);
      }
      return [...byWg.values()];
    },
    /** The first `limit` open, un-punted issues of a working group, in triage order. */
    firstActive: (releaseId: number, wgId: number, limit: number) =>
      (firstActive.all({ releaseId, wgId, limit }) as BlockerRaw[]).map(toBlockerRow),
    /**
     * The first punted and closed issues of each working group, oldest first: as many as could
     * fit in `room` characters of references, and one more.
     */
    firstRefs: (releaseId: number, wgId: number | null, room: number) =>
      firstRefs.all({ releaseId, wgId, room }) as BlockerRef[],
  };
}

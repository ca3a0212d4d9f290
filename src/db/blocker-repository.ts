import type { Database } from 'better-sqlite3';
import type { BlockerDecision, IssueState } from '../domain/blocker-triage';
import { objectRows } from './object-rows';

export interface BlockerRow {
  id: number;
  releaseId: number;
  wgId: number;
  wg: string;
  owner: string;
  repo: string;
  number: number;
  title: string;
  state: IssueState;
  isPullRequest: boolean;
  labels: string[];
  assignees: string[];
  url: string;
  blocksRelease: boolean;
  decision: BlockerDecision;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  submittedBy: string;
  submittedAt: string;
  note: string;
  githubUpdatedAt: string;
  lastSyncedAt: string;
}

/** What GitHub said about an issue, as stored. */
export interface BlockerGitHubState {
  title: string;
  state: IssueState;
  isPullRequest: boolean;
  labels: string[];
  assignees: string[];
  url: string;
  updatedAt: string;
}

export interface NewBlocker extends BlockerGitHubState {
  releaseId: number;
  wgId: number;
  owner: string;
  repo: string;
  number: number;
  blocksRelease: boolean;
  submittedBy: string;
  submittedAt: string;
  note: string;
}

export interface BlockerSyncState {
  /** The last blocker id refreshed in the pass under way; 0 when the next sync starts a new pass. */
  cursor: number;
  passStartedAt: string | null;
  passCompletedAt: string | null;
  /** No GitHub request before this moment (rate limit or backoff). */
  nextAttemptAt: string | null;
  failures: number;
  lastError: string | null;
}

export const BLOCKER_SELECT = `SELECT b.id, b.release_id AS releaseId, b.wg_id AS wgId, wg.name AS wg, b.owner, b.repo, b.number,
  b.title, b.state, b.is_pr AS isPullRequest, b.labels, b.assignees, b.url, b.blocks_release AS blocksRelease,
  b.decision, b.decision_reason AS decisionReason, b.decided_by AS decidedBy, b.decided_at AS decidedAt,
  b.submitted_by AS submittedBy, b.submitted_at AS submittedAt, b.note, b.github_updated_at AS githubUpdatedAt,
  b.last_synced_at AS lastSyncedAt
  FROM blockers b JOIN working_groups wg ON wg.id = b.wg_id`;
/** Tracked issues the sync refreshes: those of releases still under way. */
const ACTIVE = 'JOIN releases r ON r.id = b.release_id AND r.status = ?';

export type BlockerRaw = Omit<BlockerRow, 'isPullRequest' | 'labels' | 'assignees' | 'blocksRelease'> & {
  isPullRequest: number;
  labels: string;
  assignees: string;
  blocksRelease: number;
};

export function toBlockerRow(raw: BlockerRaw): BlockerRow {
  return {
    ...raw,
    isPullRequest: raw.isPullRequest === 1,
    blocksRelease: raw.blocksRelease === 1,
    labels: JSON.parse(raw.labels) as string[],
    assignees: JSON.parse(raw.assignees) as string[],
  };
}

/** A working group's open tracked issues, counted by triage. */
export interface OpenBlockerCounts {
  wg: string;
  /** Open and not punted. */
  open: number;
  atRisk: number;
  releaseBlocking: number;
  punted: number;
  /** Open, punted or not, that nobody has triaged. */
  undecided: number;
}

/** Tracked blocking issues per release, their triage, and where the GitHub sync stands. */
export function createBlockerRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO blockers (release_id, wg_id, owner, repo, number, title, state, is_pr, labels, assignees, url,
       blocks_release, submitted_by, submitted_at, note, github_updated_at, last_synced_at)
     VALUES (@releaseId, @wgId, @owner, @repo, @number, @title, @state, @isPr, @labels, @assignees, @url,
       @blocksRelease, @submittedBy, @submittedAt, @note, @updatedAt, @submittedAt)
     ON CONFLICT (release_id, owner, repo, number) DO NOTHING`,
  );
  const byId = db.prepare(`${BLOCKER_SELECT} WHERE b.id = ?`);
  const byRef = db.prepare(
    `${BLOCKER_SELECT} WHERE b.release_id = ? AND b.owner = ? AND b.repo = ? AND b.number = ?`,
  );
  const forRelease = db.prepare(`${BLOCKER_SELECT} WHERE b.release_id = ? ORDER BY wg.name, b.id`);
  const openCounts = objectRows(
    db.prepare(
      // From the counts the triggers of migration 0021 keep (a few rows per working group, in the
      // order of their key), one short row per working group. Release-blocking as
      // isReleaseBlocking says: marked so, or reported as blocking and not triaged yet.
      `SELECT wg.name AS wg,
       COALESCE(SUM(c.n) FILTER (WHERE c.decision <> 'punted'), 0) AS open,
       COALESCE(SUM(c.n) FILTER (WHERE c.decision = 'at_risk'), 0) AS atRisk,
       COALESCE(SUM(c.n) FILTER (WHERE c.decision = 'release_blocking'
         OR (c.decision = 'none' AND c.blocks_release = 1)), 0) AS releaseBlocking,
       COALESCE(SUM(c.n) FILTER (WHERE c.decision = 'punted'), 0) AS punted,
       COALESCE(SUM(c.n) FILTER (WHERE c.decision = 'none'), 0) AS undecided
     FROM blocker_counts c JOIN working_groups wg ON wg.id = c.wg_id
     WHERE c.release_id = ? AND c.state = 'open'
     GROUP BY c.wg_id`,
    ),
  );
  const decide = db.prepare(
    `UPDATE blockers SET decision = ?, decision_reason = ?, decided_by = ?, decided_at = ?
     WHERE id = ? AND decision = ?`,
  );
  const applyGitHub = db.prepare(
    `UPDATE blockers SET title = @title, state = @state, is_pr = @isPr, labels = @labels, assignees = @assignees,
       url = @url, github_updated_at = @updatedAt, last_synced_at = @now WHERE id = @id`,
  );
  const touch = db.prepare('UPDATE blockers SET last_synced_at = ? WHERE id = ?');
  const syncPage = db.prepare(`${BLOCKER_SELECT} ${ACTIVE} WHERE b.id > ? ORDER BY b.id LIMIT ?`);
  const countAfter = db.prepare(`SELECT COUNT(*) AS n FROM blockers b ${ACTIVE} WHERE b.id > ?`);
  const syncState = db.prepare(
    `SELECT cursor, pass_started_at AS passStartedAt, pass_completed_at AS passCompletedAt,
       next_attempt_at AS nextAttemptAt, failures, last_error AS lastError FROM blocker_sync WHERE id = 1`,
  );
  const saveSyncState = db.prepare(
    `UPDATE blocker_sync SET cursor = @cursor, pass_started_at = @passStartedAt,
       pass_completed_at = @passCompletedAt, next_attempt_at = @nextAttemptAt, failures = @failures,
       last_error = @lastError WHERE id = 1`,
  );
  const github = (state: BlockerGitHubState) => ({
    title: state.title,
    state: state.state,
    isPr: state.isPullRequest ? 1 : 0,
    labels: JSON.stringify(state.labels),
    assignees: JSON.stringify(state.assignees),
    url: state.url,
    updatedAt: state.updatedAt,
  });
  const one = (raw: unknown) => (raw ? toBlockerRow(raw as BlockerRaw) : null);

  return {
    /** Starts tracking an issue; null when the release already tracks it. */
    insert(blocker: NewBlocker): number | null {
      const result = insert.run({
        ...blocker,
        ...github(blocker),
        blocksRelease: blocker.blocksRelease ? 1 : 0,
      });
      return result.changes === 1 ? Number(result.lastInsertRowid) : null;
    },
    byId: (id: number) => one(byId.get(id)),
    byRef: (releaseId: number, ref: { owner: string; repo: string; number: number }) =>
      one(byRef.get(releaseId, ref.owner, ref.repo, ref.number)),
    forRelease: (releaseId: number) => (forRelease.all(releaseId) as BlockerRaw[]).map(toBlockerRow),
    /**
     * Per working group with open tracked issues, in no particular order: how many are open and
     * not punted, at risk, release-blocking, punted, and not triaged yet. For status and the
     * phase checklist, in one statement.
     */
    openCounts: (releaseId: number) => openCounts.all(releaseId) as OpenBlockerCounts[],
    /** Records a triage decision unless someone changed it since `expected` was read. */
    decide(
      id: number,
      expected: BlockerDecision,
      decision: { decision: BlockerDecision; reason: string | null; by: string; at: string },
    ): boolean {
      return (
        decide.run(decision.decision, decision.reason, decision.by, decision.at, id, expected).changes === 1
      );
    },
    /** Stores what GitHub answered and when it was asked. */
    applyGitHub: (id: number, state: BlockerGitHubState, now: string) =>
      applyGitHub.run({ ...github(state), id, now }),
    /** Marks an issue as asked about, when GitHub's answer changes nothing we store. */
    touch: (id: number, now: string) => touch.run(now, id),
    /** The next `limit` tracked issues of active releases after `afterId`, by id: the sync's order. */
    syncPage: (afterId: number, limit: number) =>
      (syncPage.all('active', afterId, limit) as BlockerRaw[]).map(toBlockerRow),
    countAfter: (afterId: number) => (countAfter.get('active', afterId) as { n: number }).n,
    syncState: () => syncState.get() as BlockerSyncState,
    saveSyncState: (state: BlockerSyncState) => saveSyncState.run(state),
  };
}

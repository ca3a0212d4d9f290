import type { Database } from 'better-sqlite3';
import type { ReleaseWindow } from '../domain/current-release';
import type { MilestoneKey, PhaseKey } from '../domain/phases';
import type { Timeline } from '../domain/timeline';
import { objectRows } from './object-rows';

/** Live from creation until closed or cancelled; then read-only. */
export type ReleaseStatus = 'live' | 'closed' | 'cancelled';

export interface ReleaseRow {
  id: number;
  version: string;
  template: string;
  timeZone: string;
  startDate: string;
  slackChannel: string | null;
  status: ReleaseStatus;
  createdAt: string;
  createdBy: string;
  /** When, by whom and why it was closed or cancelled. */
  closedAt: string | null;
  closedBy: string | null;
  closeReason: string | null;
}

/** The stored names of the statuses (see migration 0010). */
const STORED: Record<ReleaseStatus, string> = { live: 'active', closed: 'released', cancelled: 'cancelled' };
const statusOf = (stored: string): ReleaseStatus =>
  stored === 'active' ? 'live' : stored === 'released' ? 'closed' : 'cancelled';
const toRelease = (row: ReleaseRow | undefined): ReleaseRow | null =>
  row ? { ...row, status: statusOf(row.status) } : null;

export interface PlanInfo {
  revision: number;
  reason: string;
  createdAt: string;
  createdBy: string;
}

interface PhaseRow {
  phase: string;
  name: string;
  starts_on: string;
  ends_on: string;
}
interface MilestoneRow {
  milestone: string;
  name: string;
  phase: string;
  due_on: string;
  optional: number;
  owner: string;
  artifact: string | null;
}

const RELEASE_COLUMNS = `id, version, template, time_zone AS timeZone, start_date AS startDate,
  slack_channel AS slackChannel, status, created_at AS createdAt, created_by AS createdBy,
  closed_at AS closedAt, closed_by AS closedBy, close_reason AS closeReason`;

/** Plans whose dates are kept in memory: a few per release, for far more releases than a process reads. */
const MAX_PLANS_KEPT = 512;

/** Releases and their plans: the first plan and every re-plan, each stored whole. */
export function createReleaseRepository(db: Database) {
  const byVersion = objectRows(db.prepare(`SELECT ${RELEASE_COLUMNS} FROM releases WHERE version = ?`));
  const byId = objectRows(db.prepare(`SELECT ${RELEASE_COLUMNS} FROM releases WHERE id = ?`));
  const all = db.prepare(`SELECT ${RELEASE_COLUMNS} FROM releases ORDER BY start_date, id`);
  const live = objectRows(
    db.prepare(
      `SELECT ${RELEASE_COLUMNS} FROM releases WHERE status = '${STORED.live}' ORDER BY start_date, id`,
    ),
  );
  const insertRelease = db.prepare(
    `INSERT INTO releases (version, template, time_zone, start_date, slack_channel, created_at, created_by)
     VALUES (@version, @template, @timeZone, @startDate, @slackChannel, @createdAt, @createdBy)`,
  );
  const insertPlan = db.prepare(
    `INSERT INTO plans (release_id, revision, reason, created_at, created_by)
     VALUES (?, (SELECT COALESCE(MAX(revision), 0) + 1 FROM plans WHERE release_id = ?), ?, ?, ?)`,
  );
  const insertPhase = db.prepare(
    `INSERT INTO plan_phases (plan_id, phase, name, position, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertMilestone = db.prepare(
    `INSERT INTO plan_milestones (plan_id, milestone, name, phase, due_on, optional, owner, artifact)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const planColumns =
    'SELECT id, revision, reason, created_at AS createdAt, created_by AS createdBy FROM plans';
  const firstPlan = objectRows(
    db.prepare(`${planColumns} WHERE release_id = ? ORDER BY revision ASC LIMIT 1`),
  );
  const latestPlan = objectRows(
    db.prepare(`${planColumns} WHERE release_id = ? ORDER BY revision DESC LIMIT 1`),
  );
  const planPhases = db.prepare(
    'SELECT phase, name, starts_on, ends_on FROM plan_phases WHERE plan_id = ? ORDER BY position',
  );
  const planMilestones = db.prepare(
    `SELECT milestone, name, phase, due_on, optional, owner, artifact FROM plan_milestones
     WHERE plan_id = ? ORDER BY due_on, rowid`,
  );
  const windows = db.prepare(
    `SELECT r.version, r.time_zone AS timeZone, r.status, r.slack_channel AS slackChannel, r.start_date AS week1On,
            MIN(pp.starts_on) AS startsOn, MAX(pp.ends_on) AS endsOn,
            COALESCE(MAX(CASE WHEN pp.phase = 'release_day' THEN pp.ends_on END), MAX(pp.ends_on)) AS releaseOn
     FROM releases r
     JOIN plans p ON p.release_id = r.id
       AND p.revision = (SELECT MAX(revision) FROM plans WHERE release_id = r.id)
     JOIN plan_phases pp ON pp.plan_id = p.id
     GROUP BY r.id`,
  );
  const setChannel = db.prepare('UPDATE releases SET slack_channel = ? WHERE id = ?');
  const setStatus = db.prepare(
    `UPDATE releases SET status = @to, closed_at = @at, closed_by = @by, close_reason = @reason
     WHERE id = @id AND status = @from`,
  );
  const planCount = db.prepare('SELECT COUNT(*) AS n FROM plans WHERE release_id = ?');

  // A stored plan never changes (a re-plan stores a new one), so its dates are read once per
  // process and shared, frozen. Keyed by the plan row as well as its id: a database restored
  // under the running app that reuses an id for another plan is read afresh.
  const datesOf = new Map<
    number,
    { stamp: string; phases: Timeline['phases']; milestones: Timeline['milestones'] }
  >();
  function planDates(plan: PlanInfo & { id: number }, releaseId: number) {
    const stamp = `${releaseId}:${plan.revision}:${plan.createdAt}`;
    const known = datesOf.get(plan.id);
    if (known?.stamp === stamp) return known;
    const phases = (planPhases.all(plan.id) as PhaseRow[]).map((row) =>
      Object.freeze({
        key: row.phase as PhaseKey,
        name: row.name,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
      }),
    );
    const milestones = (planMilestones.all(plan.id) as MilestoneRow[]).map((row) =>
      Object.freeze({
        key: row.milestone as MilestoneKey,
        name: row.name,
        phase: row.phase as PhaseKey,
        dueOn: row.due_on,
        optional: row.optional === 1,
        owner: row.owner,
        artifact: row.artifact,
      }),
    );
    if (datesOf.size >= MAX_PLANS_KEPT) datesOf.clear();
    // Frozen, typed as the mutable Timeline: a caller changing a shared plan in place fails loudly.
    const dates = {
      stamp,
      phases: Object.freeze(phases) as Timeline['phases'],
      milestones: Object.freeze(milestones) as Timeline['milestones'],
    };
    datesOf.set(plan.id, dates);
    return dates;
  }

  function loadPlan(
    release: ReleaseRow,
    which: 'first' | 'latest',
  ): (PlanInfo & { timeline: Timeline }) | null {
    const plan = (which === 'first' ? firstPlan : latestPlan).get(release.id) as
      (PlanInfo & { id: number }) | undefined;
    if (!plan) return null;
    const { phases, milestones } = planDates(plan, release.id);
    const { id: _id, ...info } = plan;
    return {
      ...info,
      timeline: { startDate: release.startDate, zone: release.timeZone, phases, milestones },
    };
  }

  return {
    findByVersion: (version: string) => toRelease(byVersion.get(version) as ReleaseRow | undefined),
    findById: (id: number) => toRelease(byId.get(id) as ReleaseRow | undefined),
    list: () => (all.all() as ReleaseRow[]).map((row) => ({ ...row, status: statusOf(row.status) })),
    /** The live releases in list's order, read on releases_status (not every release ever made). */
    live: () => (live.all() as ReleaseRow[]).map((row) => ({ ...row, status: statusOf(row.status) })),
    /** Each release's span under its latest plan, for choosing the current release. */
    windows: () =>
      (windows.all() as ReleaseWindow[]).map((row) => ({ ...row, status: statusOf(row.status) })),
    /** Inserts a release and returns its id; the caller adds its first plan in the same transaction. */
    insert: (release: Omit<ReleaseRow, 'id' | 'status' | 'closedAt' | 'closedBy' | 'closeReason'>) =>
      Number(insertRelease.run(release).lastInsertRowid),
    /** Stores a whole plan; the first one stored is the release's first plan. */
    addPlan(releaseId: number, timeline: Timeline, meta: Omit<PlanInfo, 'revision'>): void {
      const planId = Number(
        insertPlan.run(releaseId, releaseId, meta.reason, meta.createdAt, meta.createdBy).lastInsertRowid,
      );
      timeline.phases.forEach((phase, position) =>
        insertPhase.run(planId, phase.key, phase.name, position, phase.startsOn, phase.endsOn),
      );
      for (const m of timeline.milestones) {
        insertMilestone.run(planId, m.key, m.name, m.phase, m.dueOn, m.optional ? 1 : 0, m.owner, m.artifact);
      }
    },
    firstPlan: (release: ReleaseRow) => loadPlan(release, 'first'),
    latestPlan: (release: ReleaseRow) => loadPlan(release, 'latest'),
    setChannel: (releaseId: number, channel: string) => setChannel.run(channel, releaseId).changes === 1,
    /**
     * Closes or cancels a live release (or reopens one: `to` live clears the record); false when it
     * was no longer in `from`.
     */
    setStatus: (
      releaseId: number,
      from: ReleaseStatus,
      to: ReleaseStatus,
      record: { at: string; by: string; reason: string | null } | null = null,
    ) =>
      setStatus.run({
        id: releaseId,
        from: STORED[from],
        to: STORED[to],
        at: record?.at ?? null,
        by: record?.by ?? null,
        reason: record?.reason ?? null,
      }).changes === 1,
    planCount: (releaseId: number) => (planCount.get(releaseId) as { n: number }).n,
  };
}

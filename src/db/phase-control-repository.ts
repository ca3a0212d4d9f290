import type { Database } from 'better-sqlite3';
import type { Tick } from '../domain/phase-checklist';
import { objectRows } from './object-rows';

/** A move to the next phase, as recorded. */
export interface PhaseTransition {
  fromPhase: string;
  toPhase: string;
  onDate: string;
  daysEarly: number;
  reason: string;
  unmet: { id: string; title: string }[];
  planRevision: number | null;
  actor: string;
  at: string;
}

/** One required criterion of a phase, as it stood when the phase ended. */
export interface UnmetCriterion {
  id: string;
  title: string;
}

/** What the release manager decided when a phase ended with criteria unmet. */
export interface PhaseEndDecision {
  phase: string;
  endsOn: string;
  decision: 'moved_on' | 'extended';
  reason: string;
  unmet: UnmetCriterion[];
  planRevision: number | null;
  actor: string;
  at: string;
}

/** Hand ticks of checklist items and the release manager's moves to the next phase. */
export function createPhaseControlRepository(db: Database) {
  const ticks = objectRows(
    db.prepare(
      `SELECT item, scope, checked_by AS by, checked_at AS at FROM checklist_ticks
     WHERE release_id = ? ORDER BY checked_at, item, scope`,
    ),
  );
  const insertTick = db.prepare(
    `INSERT INTO checklist_ticks (release_id, item, scope, checked_by, checked_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (release_id, item, scope) DO NOTHING`,
  );
  const deleteTick = db.prepare(
    'DELETE FROM checklist_ticks WHERE release_id = ? AND item = ? AND scope = ? COLLATE NOCASE',
  );
  const transitions = objectRows(
    db.prepare(
      `SELECT from_phase AS fromPhase, to_phase AS toPhase, on_date AS onDate, days_early AS daysEarly, reason,
            unmet, plan_revision AS planRevision, actor, at
     FROM phase_transitions WHERE release_id = ? ORDER BY id`,
    ),
  );
  const insertTransition = db.prepare(
    `INSERT INTO phase_transitions
       (release_id, from_phase, to_phase, on_date, days_early, reason, unmet, plan_revision, actor, at)
     VALUES (@releaseId, @fromPhase, @toPhase, @onDate, @daysEarly, @reason, @unmet, @planRevision, @actor, @at)`,
  );
  const endDecisions = db.prepare(
    `SELECT phase, ends_on AS endsOn, decision, reason, unmet, plan_revision AS planRevision, actor, at
     FROM phase_end_decisions WHERE release_id = ? ORDER BY id`,
  );
  const insertEndDecision = db.prepare(
    `INSERT INTO phase_end_decisions
       (release_id, phase, ends_on, decision, reason, unmet, plan_revision, actor, at)
     VALUES (@releaseId, @phase, @endsOn, @decision, @reason, @unmet, @planRevision, @actor, @at)
     ON CONFLICT (release_id, phase, ends_on) DO NOTHING`,
  );
  return {
    /** The decisions taken at the ends of the release's phases, oldest first. */
    endDecisions: (releaseId: number): PhaseEndDecision[] =>
      (endDecisions.all(releaseId) as (Omit<PhaseEndDecision, 'unmet'> & { unmet: string })[]).map((row) => ({
        ...row,
        unmet: JSON.parse(row.unmet) as UnmetCriterion[],
      })),
    /** Records a decision; false when that end of that phase was already decided. */
    recordEndDecision: (releaseId: number, d: PhaseEndDecision): boolean =>
      insertEndDecision.run({ releaseId, ...d, unmet: JSON.stringify(d.unmet) }).changes > 0,
    ticks: (releaseId: number) => ticks.all(releaseId) as Tick[],
    /** Records a tick; false when that item (and scope) was already ticked. */
    tick: (releaseId: number, tick: Tick): boolean =>
      insertTick.run(releaseId, tick.item, tick.scope, tick.by, tick.at).changes > 0,
    /** Removes a tick; false when there was none. */
    untick: (releaseId: number, item: string, scope: string): boolean =>
      deleteTick.run(releaseId, item, scope).changes > 0,
    transitions: (releaseId: number): PhaseTransition[] =>
      (transitions.all(releaseId) as (Omit<PhaseTransition, 'unmet'> & { unmet: string })[]).map((row) => ({
        ...row,
        unmet: JSON.parse(row.unmet) as PhaseTransition['unmet'],
      })),
    recordTransition(releaseId: number, t: PhaseTransition): void {
      insertTransition.run({ releaseId, ...t, unmet: JSON.stringify(t.unmet) });
    },
  };
}

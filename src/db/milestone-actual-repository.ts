import type { Database } from 'better-sqlite3';
import { objectRows } from './object-rows';

/** The day a milestone was actually done, and how kfrelease knows. */
export interface MilestoneActual {
  releaseId: number;
  milestone: string;
  /** Calendar date (YYYY-MM-DD) in the release's zone. */
  doneOn: string;
  /** `tag`: its tag was found on the manifests repository; `manual`: the release manager said so. */
  source: 'tag' | 'manual';
  /** The tag it was read from. */
  ref: string | null;
  recordedBy: string;
  recordedAt: string;
}

const COLUMNS = `release_id AS releaseId, milestone, done_on AS doneOn, source, ref,
  recorded_by AS recordedBy, recorded_at AS recordedAt`;

/** What actually happened, milestone by milestone, next to the plan. */
export function createMilestoneActualRepository(db: Database) {
  // A date given by hand is a decision: a tag found later does not overwrite it.
  const upsert = db.prepare(
    `INSERT INTO milestone_actuals (release_id, milestone, done_on, source, ref, recorded_by, recorded_at)
     VALUES (@releaseId, @milestone, @doneOn, @source, @ref, @recordedBy, @recordedAt)
     ON CONFLICT (release_id, milestone) DO UPDATE SET
       done_on = excluded.done_on, source = excluded.source, ref = excluded.ref,
       recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
     WHERE (excluded.source = 'manual' OR milestone_actuals.source = 'tag')
       AND (milestone_actuals.done_on IS NOT excluded.done_on OR milestone_actuals.source IS NOT excluded.source
            OR milestone_actuals.ref IS NOT excluded.ref)`,
  );
  const forRelease = objectRows(db.prepare(`SELECT ${COLUMNS} FROM milestone_actuals WHERE release_id = ?`));
  return {
    /** Records (or corrects) a milestone's day; answers whether anything changed. */
    record: (actual: MilestoneActual) => upsert.run(actual).changes === 1,
    forRelease: (releaseId: number) => forRelease.all(releaseId) as MilestoneActual[],
  };
}

import type { Database } from 'better-sqlite3';
import type { AwayPeriod } from '../domain/note-taker-rotation';

/** Away dates of people and the note-taker swaps of each release. */
export function createRotationRepository(db: Database) {
  const insertAway = db.prepare(
    `INSERT INTO away_periods (person_id, from_on, to_on, created_at)
     VALUES ((SELECT id FROM people WHERE github = ?), ?, ?, ?)`,
  );
  const away = db.prepare(
    `SELECT p.github, a.from_on AS fromOn, a.to_on AS toOn FROM away_periods a
     JOIN people p ON p.id = a.person_id ORDER BY a.from_on, a.id`,
  );
  const awayOf = db.prepare(
    `SELECT p.github, a.from_on AS fromOn, a.to_on AS toOn FROM away_periods a
     JOIN people p ON p.id = a.person_id WHERE p.github = ? ORDER BY a.from_on, a.id`,
  );
  const deleteAway = db.prepare(
    `DELETE FROM away_periods
     WHERE person_id = (SELECT id FROM people WHERE github = ?) AND from_on = ?`,
  );
  const upsertOverride = db.prepare(
    `INSERT INTO note_taker_overrides (release_id, meeting_on, github, created_by, created_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (release_id, meeting_on) DO UPDATE SET github = excluded.github,
       created_by = excluded.created_by, created_at = excluded.created_at`,
  );
  const overrides = db.prepare(
    'SELECT meeting_on AS meetingOn, github FROM note_taker_overrides WHERE release_id = ?',
  );
  return {
    /** Records that a person (by GitHub login) is away on these dates, inclusive. */
    addAway(github: string, fromOn: string, toOn: string, at: string): void {
      insertAway.run(github, fromOn, toOn, at);
    },
    away: () => away.all() as AwayPeriod[],
    /** One person's away periods, earliest first. */
    awayOf: (github: string) => awayOf.all(github) as AwayPeriod[],
    /** Takes back the away periods of a person starting on a date; answers how many there were. */
    removeAway: (github: string, fromOn: string) => deleteAway.run(github, fromOn).changes,
    setOverride(releaseId: number, meetingOn: string, github: string, by: string, at: string): void {
      upsertOverride.run(releaseId, meetingOn, github, by, at);
    },
    /** Meeting date to GitHub login of who takes the notes instead of the rotation's pick. */
    overrides(releaseId: number): Map<string, string> {
      const rows = overrides.all(releaseId) as { meetingOn: string; github: string }[];
      return new Map(rows.map((r) => [r.meetingOn, r.github]));
    },
  };
}

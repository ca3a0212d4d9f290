import type { Database } from 'better-sqlite3';
import type { RoleKey } from '../domain/roles';
import type { TeamAssignment } from '../domain/team';
import { objectRows } from './object-rows';

export interface PersonInput {
  name: string;
  github: string;
  slackId: string | null;
  organization: string;
}

export interface RoleInput {
  github: string;
  role: RoleKey;
  wgId: number | null;
  distribution: string | null;
  shadow: boolean;
}

interface AssignmentRow extends Omit<TeamAssignment, 'shadow'> {
  shadow: number;
}

/** People (across releases) and the roles they hold in each release. */
export function createTeamRepository(db: Database) {
  const assignments = objectRows(
    db.prepare(
      `SELECT p.name, p.github, p.slack_id AS slackId, p.organization, r.role, wg.name AS wg,
            r.distribution, r.shadow
     FROM team_roles r JOIN people p ON p.id = r.person_id LEFT JOIN working_groups wg ON wg.id = r.wg_id
     WHERE r.release_id = ? ORDER BY r.role, p.name, wg.name, r.distribution`,
    ),
  );
  const personByGithub = db.prepare(
    'SELECT id, name, slack_id AS slackId, organization FROM people WHERE github = ?',
  );
  const personBySlack = db.prepare('SELECT github, name FROM people WHERE slack_id = ?');
  const insertPerson = db.prepare(
    'INSERT INTO people (name, github, slack_id, organization) VALUES (?, ?, ?, ?)',
  );
  const updatePerson = db.prepare(
    'UPDATE people SET name = ?, slack_id = COALESCE(?, slack_id), organization = ? WHERE id = ?',
  );
  const deleteRoles = db.prepare('DELETE FROM team_roles WHERE release_id = ?');
  const insertRole = db.prepare(
    `INSERT INTO team_roles (release_id, person_id, role, wg_id, distribution, shadow)
     VALUES (?, (SELECT id FROM people WHERE github = ?), ?, ?, ?, ?)`,
  );
  const earlierTeams = db.prepare(
    `SELECT lower(p.github) AS github, COUNT(DISTINCT r.release_id) AS n
     FROM team_roles r JOIN people p ON p.id = r.person_id JOIN releases rel ON rel.id = r.release_id
     WHERE rel.start_date < ? GROUP BY lower(p.github)`,
  );
  const rolesOfSlackUser = db.prepare(
    `SELECT r.role, wg.name AS wg, r.distribution, r.shadow FROM team_roles r
     JOIN people p ON p.id = r.person_id LEFT JOIN working_groups wg ON wg.id = r.wg_id
     WHERE r.release_id = ? AND p.slack_id = ?`,
  );

  return {
    assignments: (releaseId: number): TeamAssignment[] =>
      (assignments.all(releaseId) as AssignmentRow[]).map((row) => ({ ...row, shadow: row.shadow === 1 })),
    /** Which GitHub login already uses a Slack ID, if any. */
    githubOfSlackId: (slackId: string) =>
      (personBySlack.get(slackId) as { github: string } | undefined)?.github ?? null,
    /** The name of the person with this Slack ID, if kfrelease knows them. */
    nameOfSlackId: (slackId: string) =>
      (personBySlack.get(slackId) as { name: string } | undefined)?.name ?? null,
    /** Adds or updates a person, keyed by GitHub login. A known Slack ID is kept when the input has none. */
    upsertPerson(person: PersonInput): void {
      const existing = personByGithub.get(person.github) as { id: number } | undefined;
      if (existing) updatePerson.run(person.name, person.slackId, person.organization, existing.id);
      else insertPerson.run(person.name, person.github, person.slackId, person.organization);
    },
    /** Replaces the release's roles with the given ones. Call inside a transaction. */
    replaceRoles(releaseId: number, roles: RoleInput[]): void {
      deleteRoles.run(releaseId);
      for (const r of roles)
        insertRole.run(releaseId, r.github, r.role, r.wgId, r.distribution, r.shadow ? 1 : 0);
    },
    /** Per GitHub login (lower case), the releases starting before `startDate` the person served on. */
    earlierTeams(startDate: string): Map<string, number> {
      const rows = earlierTeams.all(startDate) as { github: string; n: number }[];
      return new Map(rows.map((row) => [row.github, row.n]));
    },
    /** The roles a Slack user holds in one release. */
    rolesOf(releaseId: number, slackId: string) {
      return (
        rolesOfSlackUser.all(releaseId, slackId) as {
          role: RoleKey;
          wg: string | null;
          distribution: string | null;
          shadow: number;
        }[]
      ).map((row) => ({ ...row, shadow: row.shadow === 1 }));
    },
  };
}

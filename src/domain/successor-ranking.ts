import type { RoleKey } from './roles';
import { RELEASE_MANAGER_MIN_TEAMS, type TeamAssignment } from './team';

/** A member of the release team considered for release manager of the next release. */
export interface SuccessorCandidate {
  name: string;
  github: string;
  slackId: string | null;
  organization: string;
  roles: RoleKey[];
  /** Shadowed the release manager in this release. */
  shadowedReleaseManager: boolean;
  /** Release teams served on, this one included. */
  teamsServed: number;
  /** The handbook's prerequisite: two or more release teams. */
  eligible: boolean;
  /** Compared with the organization of the release manager handing over. */
  organizationVersusManager: 'different' | 'same' | 'unknown';
}

const sameOrganization = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The handbook's rule for choosing the next release manager: candidates are this release team's
 * members who served on two or more release teams; among several, prefer one from a different
 * organization than the release manager's. Eligible candidates come first, those from another
 * organization first among them, then release manager shadows, then by teams served.
 * `teamsServed` counts, per GitHub login (lower case), the release teams up to and including this one.
 */
export function rankSuccessors(
  team: TeamAssignment[],
  teamsServed: Map<string, number>,
): { candidates: SuccessorCandidate[]; recommended: SuccessorCandidate | null; managers: TeamAssignment[] } {
  const managers = team.filter((a) => a.role === 'release_manager' && !a.shadow);
  const managerLogins = new Set(managers.map((m) => m.github.toLowerCase()));
  const managerOrgs = managers.map((m) => m.organization).filter((o) => o.trim() !== '');
  const byPerson = new Map<string, TeamAssignment[]>();
  for (const a of team) {
    const login = a.github.toLowerCase();
    if (managerLogins.has(login)) continue;
    byPerson.set(login, [...(byPerson.get(login) ?? []), a]);
  }
  const candidates = [...byPerson].map(([login, roles]): SuccessorCandidate => {
    const person = roles[0] as TeamAssignment;
    const served = teamsServed.get(login) ?? 1;
    const org = person.organization.trim();
    return {
      name: person.name,
      github: person.github,
      slackId: person.slackId,
      organization: person.organization,
      roles: [...new Set(roles.map((r) => r.role))],
      shadowedReleaseManager: roles.some((r) => r.role === 'release_manager' && r.shadow),
      teamsServed: served,
      eligible: served >= RELEASE_MANAGER_MIN_TEAMS,
      organizationVersusManager:
        org === '' || managerOrgs.length === 0
          ? 'unknown'
          : managerOrgs.some((o) => sameOrganization(o, org))
            ? 'same'
            : 'different',
    };
  });
  const rank = (c: SuccessorCandidate) => [
    c.eligible ? 0 : 1,
    c.organizationVersusManager === 'different' ? 0 : c.organizationVersusManager === 'unknown' ? 1 : 2,
    c.shadowedReleaseManager ? 0 : 1,
    -c.teamsServed,
  ];
  candidates.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] ?? 0) - (rb[i] ?? 0);
    return a.name.localeCompare(b.name);
  });
  const first = candidates[0];
  return { candidates, recommended: first?.eligible ? first : null, managers };
}

import type { RoleKey } from './roles';

/** One role one person holds in one release. */
export interface TeamAssignment {
  name: string;
  github: string;
  slackId: string | null;
  organization: string;
  role: RoleKey;
  wg: string | null;
  distribution: string | null;
  shadow: boolean;
}

export interface TeamSummary {
  releaseManagers: TeamAssignment[];
  /** The Docs Lead, or the Release Manager when nobody was named (the handbook's rule). */
  docsLeads: TeamAssignment[];
  docsLeadImplied: boolean;
  productManagers: TeamAssignment[];
  /** Shadows of any role, listed apart. */
  shadows: TeamAssignment[];
  /** Per working group: liaisons, docs leads and test leads. */
  byWorkingGroup: {
    wg: string;
    liaisons: TeamAssignment[];
    docsLeads: TeamAssignment[];
    testLeads: TeamAssignment[];
  }[];
  /** Per distribution: its representatives. */
  byDistribution: { distribution: string; reps: TeamAssignment[] }[];
}

/** Groups a release's assignments the way the handbook describes the team. */
export function summarizeTeam(assignments: TeamAssignment[], workingGroups: string[]): TeamSummary {
  const main = assignments.filter((a) => !a.shadow);
  const withRole = (role: RoleKey) => main.filter((a) => a.role === role);
  const releaseManagers = withRole('release_manager');
  const namedDocsLeads = withRole('docs_lead');
  const docsLeadImplied = namedDocsLeads.length === 0 && releaseManagers.length > 0;
  const wgNames = [...new Set([...workingGroups, ...main.flatMap((a) => (a.wg ? [a.wg] : []))])];
  const inWg = (wg: string, role: RoleKey) => main.filter((a) => a.role === role && a.wg === wg);
  const distributions = [...new Set(withRole('distribution_rep').map((a) => a.distribution ?? ''))].sort();
  return {
    releaseManagers,
    docsLeads: docsLeadImplied ? releaseManagers : namedDocsLeads,
    docsLeadImplied,
    productManagers: withRole('product_manager'),
    shadows: assignments.filter((a) => a.shadow),
    byWorkingGroup: wgNames.map((wg) => ({
      wg,
      liaisons: inWg(wg, 'team_member'),
      docsLeads: inWg(wg, 'wg_docs_lead'),
      testLeads: inWg(wg, 'wg_test_lead'),
    })),
    byDistribution: distributions.map((distribution) => ({
      distribution,
      reps: withRole('distribution_rep').filter((a) => a.distribution === distribution),
    })),
  };
}

/** The handbook asks a Release Manager to have served on two or more earlier release teams. */
export const RELEASE_MANAGER_MIN_TEAMS = 2;

/**
 * Warnings (never refusals) about a team against the handbook's role rules.
 * `earlierTeams` counts, per GitHub login (lower case), the earlier releases the person served on.
 */
export function teamWarnings(summary: TeamSummary, earlierTeams: Map<string, number>): string[] {
  const warnings: string[] = [];
  if (summary.releaseManagers.length === 0)
    warnings.push('No Release Manager is named: add one with role release_manager.');
  for (const rm of summary.releaseManagers) {
    const served = earlierTeams.get(rm.github.toLowerCase()) ?? 0;
    if (served < RELEASE_MANAGER_MIN_TEAMS) {
      warnings.push(
        `${rm.name} (Release Manager) served on ${served} earlier release team${served === 1 ? '' : 's'} kfrelease knows of; the handbook asks for ${RELEASE_MANAGER_MIN_TEAMS} or more.`,
      );
    }
  }
  if (summary.docsLeadImplied) {
    warnings.push(`No Docs Lead is named, so the Release Manager holds the role, as the handbook says.`);
  }
  const uncovered = summary.byWorkingGroup.filter((g) => g.liaisons.length === 0).map((g) => g.wg);
  if (uncovered.length > 0) warnings.push(`No liaison for: ${uncovered.join(', ')}.`);
  return warnings;
}

import { parse } from 'yaml';
import type { Clock } from '../clock';
import { summarizeTeam, teamWarnings } from '../domain/team';
import type { RoleInput } from '../db/team-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { teamFileSchema, type TeamFile } from '../team/team-file-schema';
import { actorId, type Actor } from './actor';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { md } from '../text/mrkdwn';

export interface ImportTeamResult {
  version: string;
  changed: boolean;
  added: string[];
  removed: string[];
  warnings: string[];
}

/**
 * Loads a release team from the team YAML file. The file is the whole team: roles not in it are
 * removed. Re-importing the same file changes nothing. Every problem in the file is reported at
 * once and nothing is written.
 */
export function importTeam(
  deps: { store: Store; clock: Clock },
  input: { yaml: string; source: string; version?: string; actor: Actor },
): ImportTeamResult {
  const { store, clock } = deps;
  const file = parseTeamFile(input.yaml, input.source);
  const version = input.version ?? file.release;
  if (!version) {
    throw new UserError(
      'bad_file',
      md`${input.source}: says no release.`,
      md`Add \`release: v1.10.0\` to the file, or pass --release v1.10.0.`,
    );
  }
  const release = findRelease({ store, clock }, version);
  requireLive(release);

  const problems: string[] = [];
  const roles: RoleInput[] = [];
  const people = new Map<string, TeamFile['team'][number]>();
  file.team.forEach((entry, index) => {
    const where = `${input.source}: team[${index}] (${entry.name})`;
    const wg = entry.wg ? store.workingGroups.findByName(entry.wg) : null;
    if (entry.wg && !wg) {
      const known = store.workingGroups.list().map((g) => g.name);
      problems.push(
        `${where}: wg "${entry.wg}" is not a working group. Working groups: ${known.join(', ')}.`,
      );
    }
    const key = entry.github.toLowerCase();
    const earlier = people.get(key);
    if (
      earlier &&
      (earlier.name !== entry.name || (entry.slack && earlier.slack && earlier.slack !== entry.slack))
    ) {
      problems.push(
        `${where}: github ${entry.github} is listed before with another name or Slack ID; one person, one login.`,
      );
    }
    if (entry.slack) {
      const owner = store.team.githubOfSlackId(entry.slack);
      if (owner && owner.toLowerCase() !== key)
        problems.push(`${where}: Slack ID ${entry.slack} already belongs to ${owner}.`);
    }
    people.set(key, { ...entry, slack: entry.slack ?? earlier?.slack });
    roles.push({
      github: entry.github,
      role: entry.role,
      wgId: wg?.id ?? null,
      distribution: entry.distribution ?? null,
      shadow: entry.shadow,
    });
  });
  if (problems.length > 0)
    throw new UserError('bad_file', md`${problems.join('\n')}`, md`Fix the file and import it again.`);

  const describe = (a: {
    github: string;
    role: string;
    wg: string | null;
    distribution: string | null;
    shadow: boolean;
  }) =>
    `${a.github.toLowerCase()} ${a.shadow ? 'shadow ' : ''}${a.role}${a.wg ? ` (${a.wg})` : ''}${a.distribution ? ` (${a.distribution})` : ''}`;
  const before = new Set(store.team.assignments(release.id).map(describe));
  const wgNames = new Map(store.workingGroups.list().map((g) => [g.id, g.name]));
  const after = new Set(
    roles.map((r) => describe({ ...r, wg: r.wgId === null ? null : (wgNames.get(r.wgId) ?? null) })),
  );
  const added = [...after].filter((a) => !before.has(a));
  const removed = [...before].filter((b) => !after.has(b));
  const peopleOf = () =>
    JSON.stringify(
      store.team.assignments(release.id).map((a) => [a.github, a.name, a.slackId, a.organization]),
    );
  const peopleBefore = peopleOf();

  const changed = store.transaction(() => {
    for (const p of people.values()) {
      store.team.upsertPerson({
        name: p.name,
        github: p.github,
        slackId: p.slack ?? null,
        organization: p.organization,
      });
    }
    if (added.length > 0 || removed.length > 0) store.team.replaceRoles(release.id, roles);
    const peopleChanged = peopleOf() !== peopleBefore;
    if (added.length === 0 && removed.length === 0 && !peopleChanged) return false;
    store.audit.record({
      at: clock.now().toISO() ?? '',
      actor: actorId(input.actor),
      releaseId: release.id,
      action: 'team.imported',
      details: { source: input.source, added, removed, peopleChanged },
    });
    return true;
  });
  const assignments = store.team.assignments(release.id);
  const summary = summarizeTeam(
    assignments,
    store.workingGroups.list().map((g) => g.name),
  );
  const warnings = teamWarnings(summary, store.team.earlierTeams(release.startDate));
  const noSlack = [...people.values()].filter((p) => !p.slack).map((p) => p.name);
  if (noSlack.length > 0)
    warnings.push(
      `No Slack ID yet for ${noSlack.join(', ')}: kfrelease cannot mention them or let them act in Slack.`,
    );
  return { version: release.version, changed, added, removed, warnings };
}

function parseTeamFile(yaml: string, source: string): TeamFile {
  let data: unknown;
  try {
    data = parse(yaml);
  } catch (error) {
    throw new UserError('bad_file', md`${source}: is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = teamFileSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `${source}: ${issue.path.join('.') || '(top)'}: ${issue.message}`,
    );
    throw new UserError(
      'bad_file',
      md`${lines.join('\n')}`,
      md`See examples/team.yml for the shape of the file.`,
    );
  }
  return parsed.data;
}

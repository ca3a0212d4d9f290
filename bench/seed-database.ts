import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { buildServices } from '../src/app';
import type { AppServices } from '../src/app-services';
import { adjustableClock } from '../src/clock';
import type { Config } from '../src/config';
import type { WorkingGroup } from '../src/db/working-group-repository';
import { createLogger } from '../src/logger';
import { fakeSha } from '../src/sandbox/github-stand-in-model';
import { createRelease } from '../src/workflows/create-release';
import { importTeam } from '../src/workflows/import-team';
import { setMeetingSettings } from '../src/workflows/meeting-settings';
import { revisionTargets } from '../src/workflows/revision-targets';
import { BENCH_WORKING_GROUPS } from './build-bench-services';
import { generateTeamYaml } from './generate-team-yaml';
import { generateWorkingGroups } from './generate-working-groups';

/** Ten years of Kubeflow: a release every thirteen weeks, v1.0.0 to v1.39.0. */
export const SEED_SIZES = {
  releases: 40,
  weeksBetweenReleases: 13,
  workingGroups: BENCH_WORKING_GROUPS,
  /** Git revisions handed over (table `revisions`), spread evenly over the releases. */
  revisions: 5_000,
  /** Tracked blocking issues (table `blockers`), spread evenly over the releases. */
  trackedIssues: 20_000,
};

/** The Monday of week 1 of v1.0.0. */
const FIRST_START = '2016-12-05';
const TIME_ZONES = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'America/New_York'];
const ACTOR = { kind: 'cli', name: 'bench' } as const;

const at = (start: string, offset: { weeks?: number; days?: number; hours?: number; minutes?: number }) =>
  DateTime.fromISO(start, { zone: 'utc' }).plus(offset).toISO({ suppressMilliseconds: true }) ?? '';

/** 0 to 99, the same on every run: decides which rows are held, denied, pending, closed... */
const spread = (...parts: number[]) => parts.reduce((h, p) => (h * 31 + p * 17 + 7) % 9973, 11) % 100;

export interface SeededRelease {
  version: string;
  startDate: string;
  timeZone: string;
}

/** Someone who may submit revisions for a working group of the current release, as its liaison. */
export interface SeededLiaison {
  userId: string;
  wg: string;
  /** The repositories of the submission form, in the form's order. */
  repos: string[];
}

export interface SeededDatabase {
  releases: SeededRelease[];
  /** A liaison of the current release with a Slack ID, for the revision form. */
  liaison: SeededLiaison;
  /** The release the frozen clock falls in: the newest one. */
  currentVersion: string;
  /** Wednesday of week 11 (feature freeze) of the newest release, 12:00 UTC: use as KFRELEASE_NOW. */
  now: string;
  rows: Record<string, number>;
  seedMs: number;
}

/** What to seed besides the defaults: the scheduler's world has fewer releases, all still active. */
export interface SeedOptions {
  /** How many releases, 13 weeks apart; revisions and tracked issues keep their density per release. */
  releases?: number;
  /** Mark every release but the newest as released (default), as a decade-old database has them. */
  closeEarlierReleases?: boolean;
  /** Give every release a weekly meeting (Tuesday 16:00 in its zone), set when its team is imported. */
  meetings?: boolean;
}

/**
 * Fills the database at `config.databasePath` through the app's own workflows and repositories,
 * one function per table group. Tables nobody seeds show up with 0 rows in the results.
 */
export function seedDatabase(config: Config, options: SeedOptions = {}): SeededDatabase {
  const started = performance.now();
  const clock = adjustableClock(`${FIRST_START}T09:00:00Z`);
  const services = buildServices(config, { logger: createLogger('silent'), clock });
  try {
    // 1. working_groups, wg_repositories, wg_components
    seedWorkingGroups(services);
    // 2. releases, plans, plan_phases, plan_milestones, audit_log
    const releases = seedReleases(services, clock, options.releases);
    // 3. people, team_roles
    seedTeams(services, clock, releases);
    if (options.meetings) seedMeetings(services, clock, releases);
    // 4. releases.status: every release but the newest is out
    const current = releases[releases.length - 1];
    if (!current) throw new Error('no release seeded');
    if (options.closeEarlierReleases ?? true) markEarlierReleasesReleased(services, current.version);
    const now =
      DateTime.fromISO(current.startDate, { zone: 'utc' })
        .plus({ weeks: 10, days: 2, hours: 12 })
        .toISO({ suppressMilliseconds: true }) ?? '';
    // 5. revision_submissions, revisions, audit_log
    seedRevisions(services, releases, now);
    // 6. blockers, audit_log
    seedTrackedIssues(services, releases, now);
    return {
      releases,
      liaison: findLiaison(services, current.version),
      currentVersion: current.version,
      now,
      rows: countRows(services),
      seedMs: performance.now() - started,
    };
  } finally {
    services.store.db.close();
  }
}

/** Twenty working groups with two repositories and four components each, through the app's sync. */
export function seedWorkingGroups(services: AppServices): void {
  services.store.workingGroups.sync(generateWorkingGroups(SEED_SIZES.workingGroups));
}

/** Forty releases (or `count`) through createRelease, each created four weeks before its week 1, in mixed zones. */
export function seedReleases(
  services: AppServices,
  clock: ReturnType<typeof adjustableClock>,
  count: number = SEED_SIZES.releases,
): SeededRelease[] {
  const first = DateTime.fromISO(FIRST_START, { zone: 'utc' });
  const releases: SeededRelease[] = [];
  for (let i = 0; i < count; i++) {
    const start = first.plus({ weeks: i * SEED_SIZES.weeksBetweenReleases });
    const startDate = start.toISODate() ?? '';
    const timeZone = TIME_ZONES[i % TIME_ZONES.length] ?? 'UTC';
    clock.set(start.minus({ weeks: 4 }).set({ hour: 9 }).toISO() ?? '');
    const { release } = createRelease(services, {
      version: `v1.${i}.0`,
      startDate,
      template: 'handbook-17w',
      timeZone,
      channel: `C0REL${String(i).padStart(4, '0')}`,
      actor: ACTOR,
    });
    releases.push({ version: release.version, startDate, timeZone });
  }
  return releases;
}

/** A sixteen-role team per release through importTeam, imported three weeks before week 1. */
export function seedTeams(
  services: AppServices,
  clock: ReturnType<typeof adjustableClock>,
  releases: SeededRelease[],
): void {
  const workingGroups = generateWorkingGroups(SEED_SIZES.workingGroups).map((g) => g.name);
  releases.forEach((release, releaseIndex) => {
    clock.set(DateTime.fromISO(release.startDate, { zone: 'utc' }).minus({ weeks: 3 }).toISO() ?? '');
    const yaml = generateTeamYaml({ version: release.version, releaseIndex, workingGroups });
    importTeam(services, { yaml, source: `bench/team-${release.version}.yml`, actor: ACTOR });
  });
}

/** A weekly meeting per release through setMeetingSettings, set an hour after its team was imported. */
export function seedMeetings(
  services: AppServices,
  clock: ReturnType<typeof adjustableClock>,
  releases: SeededRelease[],
): void {
  for (const release of releases) {
    clock.set(at(release.startDate, { weeks: -3, hours: 1 }));
    setMeetingSettings(services, { version: release.version, words: ['tue', '16:00'], actor: ACTOR });
  }
}

/**
 * No workflow closes a release yet, so the status is set directly, as a decade-old database would
 * have it: everything but the current release is released.
 */
export function markEarlierReleasesReleased(services: AppServices, currentVersion: string): void {
  services.store.db.prepare(`UPDATE releases SET status = 'released' WHERE version <> ?`).run(currentVersion);
}

/** The bench's twenty working groups as the database has them (ids, repositories), in generated order. */
function benchGroups(services: AppServices): WorkingGroup[] {
  const byName = new Map(services.store.workingGroups.list().map((g) => [g.name, g]));
  return generateWorkingGroups(SEED_SIZES.workingGroups).map((g) => {
    const group = byName.get(g.name);
    if (!group) throw new Error(`working group ${g.name} was not seeded`);
    return group;
  });
}

/** Who did what in one release: its release manager and each working group's liaisons, by Slack ID. */
function releasePeople(services: AppServices, releaseId: number) {
  const assignments = services.store.team.assignments(releaseId);
  const manager =
    assignments.find((a) => a.role === 'release_manager' && !a.shadow && a.slackId)?.slackId ?? 'U0BENCHRM';
  const liaisons = new Map<string, { slackId: string; github: string }>();
  for (const a of assignments) {
    if (a.role === 'team_member' && a.wg && a.slackId && !liaisons.has(a.wg))
      liaisons.set(a.wg, { slackId: a.slackId, github: a.github });
  }
  const liaison = (wg: string) => liaisons.get(wg) ?? { slackId: manager, github: 'kubeflow-bot' };
  return { manager, liaison };
}

/** A liaison of `version` who has a Slack ID, with the repositories of their working group's form. */
export function findLiaison(services: AppServices, version: string): SeededLiaison {
  const release = services.store.releases.findByVersion(version);
  const member = release
    ? services.store.team
        .assignments(release.id)
        .find((a) => a.role === 'team_member' && !a.shadow && a.wg && a.slackId)
    : undefined;
  const group = services.store.workingGroups.list().find((g) => g.name === member?.wg);
  if (!member?.slackId || !group) throw new Error(`no liaison with a Slack ID in ${version}`);
  return { userId: member.slackId, wg: group.name, repos: revisionTargets(group).map((t) => t.repo) };
}

/**
 * 125 revisions per release (5,000 in 2,600 submissions over forty releases), stored with `store.revisions.insertSubmission` as
 * submitRevisions stores them, in one transaction. Per release (125 revisions): in three rounds
 * every working group hands over a tag for both its repositories (`rc.0` in week 5, `rc.1` in
 * week 9, `rc.2` on the first day of Feature Freeze), and in a fourth round five of them hand over
 * `rc.3` for their main repository the day after. Most are accepted. From the freeze on, about 6%
 * are held for the release manager, who approves or denies them two hours later with
 * `store.revisions.decide`; in the current release some are still held and a few from the freeze on
 * are still pending validation. Those are due again only after the frozen `now`, so the app's
 * background validation leaves them alone while the bench measures.
 */
export function seedRevisions(services: AppServices, releases: SeededRelease[], now: string): void {
  const { store } = services;
  const groups = benchGroups(services);
  const perRelease = Math.round(SEED_SIZES.revisions / SEED_SIZES.releases);
  const perRound = groups.length * 2;
  store.transaction(() => {
    releases.forEach((seeded, releaseIndex) => {
      const release = store.releases.findByVersion(seeded.version);
      const freezeStart = release
        ? store.releases.latestPlan(release)?.timeline.phases.find((p) => p.key === 'feature_freeze')
            ?.startsOn
        : undefined;
      if (!release || !freezeStart) throw new Error(`${seeded.version} has no plan with a feature freeze`);
      const current = releaseIndex === releases.length - 1;
      const people = releasePeople(services, release.id);
      // One submission per round and working group, holding that group's repositories of the round.
      const submissions = new Map<string, { round: number; group: WorkingGroup; repos: string[] }>();
      for (let slot = 0; slot < perRelease; slot++) {
        const round = Math.floor(slot / perRound);
        const group = groups[slot % groups.length];
        const repo = group?.repos[Math.floor((slot % perRound) / groups.length)];
        if (!group || !repo) continue;
        const key = `${round}:${group.name}`;
        const submission = submissions.get(key) ?? { round, group, repos: [] };
        submission.repos.push(repo);
        submissions.set(key, submission);
      }
      for (const { round, group, repos } of submissions.values()) {
        const minutes = groups.indexOf(group);
        const submittedAt =
          round === 0
            ? at(seeded.startDate, { weeks: 4, days: 1, hours: 10, minutes })
            : round === 1
              ? at(seeded.startDate, { weeks: 8, days: 1, hours: 10, minutes })
              : at(freezeStart, { days: round - 2, hours: 10, minutes });
        const freeze = round >= 2;
        const submittedBy = people.liaison(group.name).slackId;
        const rows = repos.map((repo) => {
          const tag = `v1.${releaseIndex}.0-rc.${round}`;
          const h = spread(releaseIndex, round, minutes, repo.length);
          const releaseUrl = `https://github.com/${repo}/releases/tag/${tag}`;
          const previous = freeze && round > 2 ? `v1.${releaseIndex}.0-rc.${round - 1}` : null;
          const held = freeze && h < 6;
          const pending = current && freeze && !held && h >= 94;
          const base = { repo, revision: tag, freeze };
          if (pending) {
            return {
              ...base,
              status: 'pending_validation' as const,
              nextValidationAt: at(now, { minutes: 10 }),
            };
          }
          const commitSha = fakeSha(`${repo}@${tag}`);
          return {
            ...base,
            nextValidationAt: null,
            status: held ? ('needs_exception' as const) : ('accepted' as const),
            kind: 'tag' as const,
            commitSha,
            version: tag,
            warnings: [],
            review: {
              reasons: held
                ? [
                    `It does not descend from the previous revision \`${previous ?? 'rc.1'}\` (diverged), so it may carry more than bug fixes.`,
                  ]
                : [],
              commits: previous ? [{ sha: commitSha, message: `Fix a regression before ${tag}` }] : [],
              pullRequests: previous
                ? [
                    {
                      number: 1000 + releaseIndex,
                      title: `Fix a regression before ${tag}`,
                      url: `https://github.com/${repo}/pull/${1000 + releaseIndex}`,
                      labels: ['kind/bug'],
                      flagged: false,
                    },
                  ]
                : [],
              releaseUrl,
              previous,
            },
            lastError: null,
          };
        });
        const ids = store.revisions.insertSubmission(
          { releaseId: release.id, wgId: group.id, submittedBy, submittedAt, note: '' },
          rows,
        );
        ids.forEach((id, i) => {
          const row = rows[i];
          if (!row) return;
          const details = { id, wg: group.name, repo: row.repo, revision: row.revision };
          store.audit.record({
            at: submittedAt,
            actor: submittedBy,
            releaseId: release.id,
            action: 'revision.submitted',
            details: { ...details, status: row.status },
          });
          if (row.status !== 'needs_exception') return;
          const h = spread(releaseIndex, round, id);
          if (current && h < 40) return;
          const approve = h < 70;
          const decidedAt = at(submittedAt, { hours: 2 });
          const reason = approve ? 'Only bug fixes on top of the previous tag.' : 'Carries a new feature.';
          store.revisions.decide(id, approve ? 'accepted' : 'denied', people.manager, decidedAt, reason);
          store.audit.record({
            at: decidedAt,
            actor: people.manager,
            releaseId: release.id,
            action: `revision.${approve ? 'approved' : 'denied'}`,
            details: { ...details, reason },
          });
        });
      }
    });
  });
}

const DECISIONS = [
  'release_blocking',
  'release_blocking',
  'at_risk',
  'at_risk',
  'at_risk',
  'punted',
] as const;

/**
 * 500 tracked blocking issues per release (20,000 over forty releases; 25 per working group, over its two
 * repositories, every third a pull request), stored with `store.blockers.insert` as the blocker
 * modal stores them, in one transaction. Those of released releases are mostly closed or merged;
 * those of the current release mostly open. About a third are triaged (release blocking, at risk
 * or punted) by the release manager a day after they were reported, with `store.blockers.decide`.
 */
export function seedTrackedIssues(services: AppServices, releases: SeededRelease[], now: string): void {
  const { store } = services;
  const groups = benchGroups(services);
  const perRelease = Math.round(SEED_SIZES.trackedIssues / SEED_SIZES.releases);
  store.transaction(() => {
    releases.forEach((seeded, releaseIndex) => {
      const release = store.releases.findByVersion(seeded.version);
      if (!release) throw new Error(`${seeded.version} was not seeded`);
      const current = releaseIndex === releases.length - 1;
      const people = releasePeople(services, release.id);
      for (let slot = 0; slot < perRelease; slot++) {
        const group = groups[slot % groups.length];
        if (!group) continue;
        const n = Math.floor(slot / groups.length);
        const [owner = '', repo = ''] = (group.repos[n % group.repos.length] ?? '').split('/');
        const number = 1 + releaseIndex * 40 + n;
        const isPullRequest = n % 3 === 1;
        const h = spread(releaseIndex, slot);
        const state = current
          ? isPullRequest
            ? h < 20
              ? 'merged'
              : 'open'
            : h < 15
              ? 'closed'
              : 'open'
          : isPullRequest
            ? h < 85
              ? 'merged'
              : 'closed'
            : h < 90
              ? 'closed'
              : 'open';
        const submittedAt = at(seeded.startDate, {
          weeks: 4 + (n % 6),
          days: slot % 5,
          hours: 9,
          minutes: n,
        });
        if (current && submittedAt >= now) throw new Error(`tracked issue after now: ${submittedAt}`);
        const liaison = people.liaison(group.name);
        const id = store.blockers.insert({
          releaseId: release.id,
          wgId: group.id,
          owner,
          repo,
          number,
          title: `${group.name}: ${isPullRequest ? 'Fix' : 'Crash in'} ${repo} component ${1 + (n % 4)} (${seeded.version})`,
          state,
          isPullRequest,
          labels: ['kind/bug', `area/${repo}`, h % 4 === 0 ? 'priority/p0' : 'priority/p1'],
          assignees: [liaison.github],
          url: `https://github.com/${owner}/${repo}/${isPullRequest ? 'pull' : 'issues'}/${number}`,
          updatedAt: submittedAt,
          blocksRelease: h % 3 === 0,
          submittedBy: liaison.slackId,
          submittedAt,
          note: h % 5 === 0 ? 'Breaks the upgrade path from the previous release.' : '',
        });
        if (id === null) throw new Error(`${owner}/${repo}#${number} tracked twice in ${seeded.version}`);
        const issue = `${owner}/${repo}#${number}`;
        store.audit.record({
          at: submittedAt,
          actor: liaison.slackId,
          releaseId: release.id,
          action: 'blocker.reported',
          details: { id, wg: group.name, issue, state, blocksRelease: h % 3 === 0 },
        });
        const decision = DECISIONS[spread(slot, releaseIndex, 3) % 18];
        if (!decision) continue;
        const decidedAt = at(submittedAt, { days: 1 });
        const reason = decision === 'punted' ? 'Moved to the next release.' : null;
        store.blockers.decide(id, 'none', { decision, reason, by: people.manager, at: decidedAt });
        store.audit.record({
          at: decidedAt,
          actor: people.manager,
          releaseId: release.id,
          action: `blocker.${decision}`,
          details: { id, wg: group.name, issue, from: 'none', reason },
        });
      }
    });
  });
}

function countRows(services: AppServices): Record<string, number> {
  const { db } = services.store;
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [table, db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number]),
  );
}

import type { ReleaseRow } from '../../src/db/release-repository';
import { trackingBodyHash } from '../../src/domain/tracking-issue-body';
import { rcCheckDeps, refreshRcTags } from '../../src/workflows/check-rc-tags';
import { createRelease } from '../../src/workflows/create-release';
import { addDocsItem } from '../../src/workflows/docs-tracking';
import { importTeam } from '../../src/workflows/import-team';
import { setMeetingSettings } from '../../src/workflows/meeting-settings';
import { runDueJobs } from '../../src/workflows/run-due-jobs';
import { manifestsWorkSettled } from '../../src/workflows/manifests-work';
import { submitRevisions } from '../../src/workflows/submit-revisions';
import { previewTrackingIssue } from '../../src/workflows/tracking-issue';
import { triageBlocker } from '../../src/workflows/triage-blocker';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { fakeSha } from '../fakes/fake-github-model';
import { revalidatePending } from '../../src/workflows/revalidate-pending';
import { databaseSnapshot } from './database-snapshot';
import { seedGitHub } from './revision-fixtures';
import { ADMIN, RELEASE_CHANNEL, startTestApp, type TestApp } from './start-app';
import { trackedIssue } from './tracked-issue';

/** One person per role the handbook names (and kfrelease's admin, and someone with no role). */
export const ROLES = {
  'release manager': 'U0RM00001',
  shadow: 'U0SHADOW1',
  'liaison (this WG)': 'U0LIAISN1',
  'liaison (other WG)': 'U0LIAISN2',
  'docs lead': 'U0DOCS001',
  'distribution rep': 'U0DISTRO1',
  admin: ADMIN,
  stranger: 'U0STRANGR',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** The working group the actions are about ("this WG"), and another one. */
export const THIS_WG = 'Notebooks';
export const OTHER_WG = 'Pipelines';
export const RELEASE = 'v1.10.0';
/** The key of a post of v1.10.0 kfrelease gave up on, which the Retry button sends again. */
export const FAILED_POST = 'matrix:failed-post';
/** Tuesday of week 11: Feature Freeze and Documentation. */
export const DURING_FREEZE = '2026-05-12T10:00:00Z';
/** Week 19: after release day (2026-06-22), patch releases may be opened. */
export const AFTER_RELEASE = '2026-06-30T10:00:00Z';

const person = (name: string, id: string, role: string, extra = '') =>
  `  - name: ${name}\n    github: ${id.toLowerCase()}\n    slack: ${id}\n    organization: Org ${id}\n    role: ${role}\n${extra}`;
const TEAM_YAML = `release: ${RELEASE}\nteam:\n${[
  person('Rita Manager', ROLES['release manager'], 'release_manager'),
  person('Sam Shadow', ROLES.shadow, 'release_manager', '    shadow: true\n'),
  person('Nora Notebooks', ROLES['liaison (this WG)'], 'team_member', `    wg: ${THIS_WG}\n`),
  person('Pete Pipelines', ROLES['liaison (other WG)'], 'team_member', `    wg: ${OTHER_WG}\n`),
  person('Dora Docs', ROLES['docs lead'], 'docs_lead'),
  person('Dana Distro', ROLES['distribution rep'], 'distribution_rep', '    distribution: AWS\n'),
].join('')}`;

const SLACK_METHODS = [
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'conversations.open',
  'conversations.history',
  'views.open',
  'views.update',
  'views.publish',
  'users.info',
];

export interface World {
  app: TestApp;
  github: FakeGitHub;
  release: ReleaseRow;
  /** Ids of what the seed made: the held revision, the tracked issues, the docs item. */
  ids: {
    heldRevision: number;
    untriagedIssue: number;
    blockingIssue: number;
    docsItem: number;
    /** A Notebooks feature at risk (kubeflow/kubeflow#103). */
    feature: number;
  };
  snapshot(): string;
  /** Runs what is due and delivers the outbox, so nothing writes behind the next request's back. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

function seedFakeGitHub(github: FakeGitHub): void {
  seedGitHub(github);
  github.addRepo('kubeflow/manifests');
  github.addCommit('kubeflow/manifests', fakeSha('m-1'), [], { date: '2026-05-11T08:00:00Z' });
  github.addBranch('kubeflow/manifests', 'v1.10-branch', fakeSha('m-1'));
  github.addTag('kubeflow/manifests', 'v1.10.0-rc.0', fakeSha('m-1'));
  for (const n of [101, 102, 103])
    github.addIssue('kubeflow/kubeflow', n, {
      title: `Bug ${n}`,
      labels: ['kind/bug'],
      updatedAt: '2026-05-01T00:00:00Z',
    });
}

async function seedRevisions(w: World): Promise<number> {
  const { services } = w.app;
  const submit = (revision: string) =>
    submitRevisions(
      { ...services, deadlineMs: 5000 },
      {
        release: w.release,
        wg: THIS_WG,
        userId: ROLES['liaison (this WG)'],
        entries: [{ field: 'repo:0', repo: 'kubeflow/kubeflow', revision }],
        note: '',
        noteField: 'note',
      },
    );
  for (const revision of ['v1.10.0', 'v1.10.1', 'v1.11.0']) await submit(revision);
  const held = services.store.revisions.forRelease(w.release.id).find((r) => r.status === 'needs_exception');
  if (!held) throw new Error('the seed has no held revision');
  return held.id;
}

/** Tracks issues #101 (not triaged) and #102 (release-blocking) of the Notebooks group, as reported. */
function seedBlockers(w: World): { untriaged: number; blocking: number } {
  const { store } = w.app.services;
  const wg = store.workingGroups.findByName(THIS_WG);
  if (!wg) throw new Error(`no working group ${THIS_WG}`);
  const track = (number: number) => {
    const id = store.blockers.insert(
      trackedIssue({
        releaseId: w.release.id,
        wgId: wg.id,
        repository: 'kubeflow/kubeflow',
        number,
        title: `Bug ${number}`,
        labels: ['kind/bug'],
        by: ROLES['liaison (this WG)'],
        at: '2026-05-11T08:00:00.000Z',
        updatedAt: '2026-05-01T00:00:00Z',
      }),
    );
    if (id === null) throw new Error(`issue ${number} not tracked`);
    return id;
  };
  const [untriaged, blocking] = [track(101), track(102)];
  const userId = ROLES['release manager'];
  triageBlocker(w.app.services, { target: { id: blocking }, userId, action: 'release_blocking' });
  return { untriaged, blocking };
}

/** A Notebooks feature tracked by kubeflow/kubeflow#103, at risk since Feature Freeze started. */
function seedFeature(w: World): number {
  const { store } = w.app.services;
  const wg = store.workingGroups.findByName(THIS_WG);
  if (!wg) throw new Error(`no working group ${THIS_WG}`);
  return store.features.insert({
    releaseId: w.release.id,
    wgId: wg.id,
    title: 'Notebook GPU picker',
    owner: 'kubeflow',
    repo: 'kubeflow',
    number: 103,
    githubTitle: 'Bug 103',
    githubState: 'open',
    isPullRequest: false,
    labels: ['kind/bug'],
    url: 'https://github.com/kubeflow/kubeflow/issues/103',
    githubUpdatedAt: '2026-05-01T00:00:00Z',
    docsNeeded: false,
    docsPages: '',
    docsItemId: null,
    highlight: false,
    state: 'at_risk',
    landedAt: null,
    by: ROLES['liaison (this WG)'],
    at: '2026-05-11T07:00:00.000Z',
  });
}

/** A post of v1.10.0 given up on its first attempt (Slack said the channel is gone). */
function seedFailedPost(w: World): void {
  const { store, clock } = w.app.services;
  const now = clock.now().toUTC().toISO() ?? '';
  const notice = { kind: 'missed_posts' as const, version: RELEASE, items: ['a post that failed'] };
  store.outbox.enqueue({ key: FAILED_POST, releaseId: w.release.id, channel: 'C0GONE', notice }, now);
  const id = store.outbox.byKey(FAILED_POST)?.id ?? 0;
  store.outbox.claim(id, 0, now);
  store.outbox.markFailed(id, 'chat.postMessage answered channel_not_found', now);
}

/**
 * The real app on a fake GitHub with v1.10.0 in Feature Freeze and a team of one person per role:
 * a held revision, two tracked Notebooks issues (one release-blocking), a docs item, a weekly
 * meeting, the RC tags found so far and a post kfrelease gave up on. With `githubToken`, kfrelease
 * may write the tracking issue.
 */
export async function startWorld(options: { githubToken?: boolean } = {}): Promise<World> {
  const github = await startFakeGitHub();
  seedFakeGitHub(github);
  const env: Record<string, string> = options.githubToken
    ? { GITHUB_TOKEN: 'ghp_authorizationMatrixToken' }
    : {};
  const app = await startTestApp({ now: DURING_FREEZE, githubUrl: github.url, env });
  for (const method of SLACK_METHODS) app.slack.expect(method);
  for (const id of Object.values(ROLES)) app.slack.addUser({ id, name: id.toLowerCase() });
  const actor = { kind: 'cli' as const, name: 'test' };
  const { services } = app;
  const { release } = createRelease(services, {
    version: RELEASE,
    startDate: '2026-03-02',
    template: 'handbook-17w',
    timeZone: 'Europe/Berlin',
    channel: RELEASE_CHANNEL,
    actor,
  });
  importTeam(services, { yaml: TEAM_YAML, source: 'team.yml', actor });
  setMeetingSettings(services, { words: ['tue', '16:00', 'Europe/Berlin'], actor });
  const world: World = {
    app,
    github,
    release,
    ids: { heldRevision: 0, untriagedIssue: 0, blockingIssue: 0, docsItem: 0, feature: 0 },
    snapshot: () => databaseSnapshot(services.store.db),
    settle: () => settle(world),
    stop: async () => {
      await app.stop();
      await github.close();
    },
  };
  await refreshRcTags(rcCheckDeps(services), release, 0);
  world.ids.heldRevision = await seedRevisions(world);
  const blockers = seedBlockers(world);
  world.ids.untriagedIssue = blockers.untriaged;
  world.ids.blockingIssue = blockers.blocking;
  const docs = addDocsItem(services, {
    userId: ROLES['docs lead'],
    version: RELEASE,
    values: {
      wg: THIS_WG,
      feature: 'Notebook culling',
      pages: '/docs/notebooks',
      owner: null,
      status: 'needed',
    },
  });
  if (docs.kind !== 'saved') throw new Error('docs item not saved');
  world.ids.docsItem = docs.item.id;
  world.ids.feature = seedFeature(world);
  seedFailedPost(world);
  await world.settle();
  return world;
}

/** Pending posts being delivered now (an attempt counted, no outcome yet) or due now. */
function outboxBusy(w: World): boolean {
  const { store, clock } = w.app.services;
  const now = clock.now().toUTC().toISO() ?? '';
  if (store.outbox.due(now, 1).length > 0) return true;
  const row = store.db
    .prepare("SELECT 1 FROM outbox WHERE status = 'pending' AND attempts > 0 AND last_error IS NULL LIMIT 1")
    .get();
  return row !== undefined;
}

/**
 * Does now what the app's background work would do on its next runs (revalidation, RC tags, due
 * jobs, the outbox), so that no timer finds anything to write while a cell runs inside its
 * rolled-back transaction.
 */
async function settle(w: World): Promise<void> {
  const { services } = w.app;
  // A manifests preview or pull request reads GitHub behind its answer: its outcome comes first.
  await manifestsWorkSettled();
  await revalidatePending(services);
  for (const release of services.store.releases.list())
    await (refreshRcTags(rcCheckDeps(services), release, 10 ** 9) ?? Promise.resolve());
  runDueJobs(services, services.clock.now());
  for (let round = 0; round < 200; round++) {
    if (!outboxBusy(w)) return;
    await w.app.deliverOutbox();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the outbox did not settle');
}

/** Records the tracking issue as written with today's body, so a sync finds nothing to change. */
export function recordTrackingIssue(w: World): void {
  const { store, clock } = w.app.services;
  const at = clock.now().toUTC().toISO() ?? '';
  const { body } = previewTrackingIssue(w.app.services, RELEASE);
  store.trackingIssues.claim(
    { releaseId: w.release.id, repo: 'kubeflow/manifests', createdBy: ADMIN, createdAt: at },
    at,
  );
  const issue = {
    issueNumber: 1,
    url: 'https://github.com/kubeflow/manifests/issues/1',
    bodyHash: trackingBodyHash(body),
  };
  store.trackingIssues.recordCreated(w.release.id, issue, at);
}

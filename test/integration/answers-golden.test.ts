import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../src/db/store';
import { importTeam } from '../../src/workflows/import-team';
import { EXAMPLE_TEAM_YAML, startAppWithTeam } from '../helpers/release-with-team';
import { ADMIN, type TestApp } from '../helpers/start-app';
import { openHome } from '../helpers/open-home';
import { trackedIssue } from '../helpers/tracked-issue';

/**
 * The answers people see, recorded before the read paths were made faster: status, blockers,
 * versions, timeline, decisions and App Home for fixed fixtures, at moments around the
 * daylight-saving switches of Europe/Berlin (v1.10.0) and America/Los_Angeles (v1.11.0), with
 * overdue items. Every payload must stay byte-identical. `UPDATE_GOLDEN=1` rewrites the files
 * after a change meant to alter what people see.
 */
const GOLDEN = join(__dirname, '..', 'fixtures', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const RM = 'U0ADA0001';
const ALAN = 'U0ALAN001'; // Pipelines liaison
const GRACE = 'U0GRACE01'; // Notebooks liaison
const MARGARET = 'U0MARG001'; // Docs lead
const DONALD = 'U0DONA001'; // AWS distribution representative
const STRANGER = 'U0NOBODY1';

/** The moments recorded, each named after what makes it interesting. */
const MOMENTS: [string, string][] = [
  // Friday before Berlin springs forward (Sunday 29 March); Los Angeles already on PDT.
  ['berlin-before-spring-forward', '2026-03-27T22:30:00Z'],
  // 00:30 on Monday 30 March in Berlin, the first Monday on CEST; still Sunday in UTC.
  ['berlin-after-spring-forward', '2026-03-29T22:30:00Z'],
  // Feature Freeze, with overdue revisions and issues tracked for weeks.
  ['feature-freeze', '2026-05-12T10:00:00Z'],
  // 23:30 in Los Angeles on Saturday 31 October, the night it falls back; already Sunday in Berlin.
  ['los-angeles-fall-back', '2026-11-01T06:30:00Z'],
  // Past v1.10.0's release day: every milestone overdue or done.
  ['after-release-day', '2026-07-10T10:00:00Z'],
];

const COMMANDS: [string, string, string][] = [
  ['status', 'status', ALAN],
  ['status-la', 'status v1.11.0', RM],
  ['blockers', 'blockers', ALAN],
  ['blockers-pipelines', 'blockers Pipelines', RM],
  ['versions', 'versions', GRACE],
  ['timeline', 'timeline', ALAN],
  ['timeline-la', 'timeline v1.11.0', ALAN],
  ['decisions', 'decisions', RM],
  ['blockers-long', 'blockers v1.11.0', RM],
  ['blockers-long-pipelines', 'blockers v1.11.0 Pipelines', RM],
];

const HOMES: [string, string][] = [
  ['home-rm', RM],
  ['home-liaison', ALAN],
  ['home-docs-lead', MARGARET],
  ['home-distribution', DONALD],
  ['home-stranger', STRANGER],
];

function seed(store: Store, now: string): void {
  const release = store.releases.findByVersion('v1.10.0')!;
  const wg = (name: string) => store.workingGroups.findByName(name)!.id;
  const issue = (
    n: number,
    group: string,
    repo: string,
    submittedAt: string,
    extra: { state?: 'open' | 'closed'; blocksRelease?: boolean; title?: string } = {},
  ) =>
    store.blockers.insert(
      trackedIssue({
        releaseId: release.id,
        wgId: wg(group),
        repository: `kubeflow/${repo}`,
        number: n,
        title: `Issue ${n} of ${group}`,
        isPullRequest: n % 5 === 0,
        labels: n % 3 === 0 ? ['kind/bug', 'priority/p1'] : [],
        assignees: n % 2 === 0 ? ['octocat'] : [],
        by: ALAN,
        at: submittedAt,
        ...extra,
      }),
    )!;
  // Reported around Berlin's and Los Angeles' switches and midnights, so ages cross them.
  issue(11, 'Pipelines', 'pipelines', '2026-03-08T09:59:00Z', { blocksRelease: true });
  issue(12, 'Pipelines', 'pipelines', '2026-03-28T23:30:00Z');
  const atRisk = issue(13, 'Pipelines', 'pipelines', '2026-03-29T00:30:00Z');
  const punted = issue(14, 'Pipelines', 'pipelines', '2026-02-20T12:00:00Z');
  issue(15, 'Pipelines', 'pipelines', '2026-03-01T12:00:00Z', { state: 'closed' });
  issue(21, 'Notebooks', 'kubeflow', '2026-03-27T22:00:00Z', { blocksRelease: true });
  const blocking = issue(22, 'Notebooks', 'kubeflow', '2026-01-15T08:00:00Z');
  issue(31, 'Training', 'trainer', '2026-03-29T01:00:00Z', { title: 'Gang scheduling <flaky> & slow' });
  store.blockers.decide(atRisk, 'none', { decision: 'at_risk', reason: null, by: RM, at: now });
  store.blockers.decide(punted, 'none', {
    decision: 'punted',
    reason: 'Needs an API change',
    by: RM,
    at: now,
  });
  store.blockers.decide(blocking, 'none', {
    decision: 'release_blocking',
    reason: 'Data loss',
    by: RM,
    at: now,
  });

  const submit = (group: string, at: string, rows: Parameters<Store['revisions']['insertSubmission']>[1]) =>
    store.revisions.insertSubmission(
      { releaseId: release.id, wgId: wg(group), submittedBy: RM, submittedAt: at, note: '' },
      rows,
    );
  const outcome = (status: 'accepted' | 'needs_exception' | 'denied', version: string) => ({
    status,
    kind: 'tag' as const,
    commitSha: `${version.replace(/\W/g, '')}`.padEnd(40, 'a').slice(0, 40),
    version,
    warnings: status === 'needs_exception' ? ['A minor version bump during Feature Freeze.'] : [],
    review: null,
    lastError: null,
  });
  submit('Notebooks', '2026-03-20T10:00:00Z', [
    {
      repo: 'kubeflow/kubeflow',
      revision: 'v1.10.0',
      freeze: false,
      nextValidationAt: null,
      ...outcome('accepted', 'v1.10.0'),
    },
  ]);
  const [held] = submit('Notebooks', '2026-05-11T23:30:00Z', [
    {
      repo: 'kubeflow/kubeflow',
      revision: 'v1.11.0',
      freeze: true,
      nextValidationAt: null,
      ...outcome('needs_exception', 'v1.11.0'),
    },
  ]);
  submit('Pipelines', '2026-03-29T00:15:00Z', [
    {
      repo: 'kubeflow/pipelines',
      revision: '2.5.0',
      freeze: false,
      nextValidationAt: null,
      ...outcome('accepted', '2.5.0'),
    },
    {
      repo: 'kubeflow/kfp-tekton',
      revision: 'v1.9.0',
      freeze: false,
      nextValidationAt: null,
      ...outcome('denied', 'v1.9.0'),
    },
  ]);
  submit('Training', '2026-03-29T01:00:00Z', [
    {
      repo: 'kubeflow/trainer',
      revision: 'v2.0.0',
      freeze: false,
      nextValidationAt: '2026-03-29T01:05:00Z',
      status: 'pending_validation',
    },
  ]);
  void held;

  store.docsItems.insert({
    releaseId: release.id,
    wgId: wg('Pipelines'),
    feature: 'Caching by default',
    pages: 'https://www.kubeflow.org/docs/components/pipelines/caching/',
    owner: ALAN,
    status: 'needed',
    by: MARGARET,
    at: '2026-03-28T23:30:00Z',
  });
  store.docsItems.insert({
    releaseId: release.id,
    wgId: wg('Notebooks'),
    feature: 'Culling settings',
    pages: 'notebooks/culling',
    owner: null,
    status: 'in_progress',
    by: MARGARET,
    at: '2026-03-29T01:30:00Z',
  });
  store.actionItems.add({
    releaseId: release.id,
    text: 'Chase the Training revision',
    owner: RM,
    createdBy: RM,
    createdAt: '2026-03-29T00:10:00Z',
  });
}

/**
 * v1.11.0 tracks more than Slack can show: 130 open issues over three working groups (45 in
 * Pipelines, release-blocking, at risk and untriaged mixed), 300 punted and 520 closed ones with
 * short references, so the list is cut and counted.
 */
function seedLongList(store: Store): void {
  const release = store.releases.findByVersion('v1.11.0')!;
  const groups = ['Pipelines', 'Notebooks', 'Training'].map((name) => store.workingGroups.findByName(name)!);
  let n = 0;
  const add = (g: number, state: 'open' | 'closed', blocksRelease: boolean, shortUrl: boolean) => {
    n += 1;
    const minute = String(n % 60).padStart(2, '0');
    return store.blockers.insert(
      trackedIssue({
        releaseId: release.id,
        wgId: groups[g]!.id,
        repository: `kf/r${g}`,
        number: n,
        title: `Long list issue ${n}`,
        state,
        blocksRelease,
        by: ALAN,
        // Several share a moment: the id breaks the tie.
        at: `2026-07-${String(1 + (n % 27)).padStart(2, '0')}T0${n % 10}:${minute}:00Z`,
        updatedAt: '2026-07-01T00:00:00Z',
        ...(shortUrl ? { url: `not a url ${n}` } : {}),
      }),
    )!;
  };
  for (let i = 0; i < 130; i += 1) {
    const id = add(i < 45 ? 0 : i < 100 ? 1 : 2, 'open', i % 7 === 0, false);
    if (i % 5 === 0)
      store.blockers.decide(id, 'none', {
        decision: 'at_risk',
        reason: null,
        by: RM,
        at: '2026-07-02T00:00:00Z',
      });
    if (i % 11 === 0)
      store.blockers.decide(id, i % 5 === 0 ? 'at_risk' : 'none', {
        decision: 'release_blocking',
        reason: null,
        by: RM,
        at: '2026-07-02T00:00:00Z',
      });
  }
  for (let i = 0; i < 300; i += 1) {
    const id = add(i % 3, 'open', false, true);
    store.blockers.decide(id, 'none', {
      decision: 'punted',
      reason: 'Later',
      by: RM,
      at: '2026-07-02T00:00:00Z',
    });
  }
  for (let i = 0; i < 520; i += 1) add(i % 2, 'closed', false, i % 4 !== 0);
}

describe('answers stay byte-identical for recorded cases', () => {
  let app: TestApp;
  const failures: string[] = [];

  const homeOf = async (user: string): Promise<unknown> => (await openHome(app, user)).args.view;

  function compare(name: string, payload: unknown): void {
    const file = join(GOLDEN, `${name}.json`);
    const actual = `${JSON.stringify(payload, null, 1)}\n`;
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, actual);
      return;
    }
    if (!existsSync(file)) return void failures.push(`${name}: no golden file (run with UPDATE_GOLDEN=1)`);
    if (readFileSync(file, 'utf8') !== actual) failures.push(name);
    expect({ name, payload: actual }).toEqual({ name, payload: readFileSync(file, 'utf8') });
  }

  beforeAll(async () => {
    app = await startAppWithTeam(MOMENTS[0]![1]);
    app.slack.expect('views.publish');
    await app.command('release create v1.11.0 2026-07-06 handbook-17w America/Los_Angeles', ADMIN);
    importTeam(app.services, {
      yaml: EXAMPLE_TEAM_YAML.replace(/^release: .*$/m, 'release: v1.11.0'),
      source: 'team.yml',
      actor: { kind: 'cli', name: 'test' },
    });
    seed(app.services.store, MOMENTS[0]![1]);
    seedLongList(app.services.store);
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it.each(MOMENTS)('at %s (%s) every answer matches its golden file', async (moment, now) => {
    app.clock.set(now);
    for (const [name, text, user] of COMMANDS) {
      const response = await app.command(text, user);
      expect(response.status).toBe(200);
      compare(`${moment}.${name}`, response.json());
    }
    for (const [name, user] of HOMES) compare(`${moment}.${name}`, await homeOf(user));
  });
});

import { DateTime } from 'luxon';
import { request } from 'node:http';
import { loadDemoSetup } from '../../src/sandbox/demo-workspace';
import { seedDemo } from '../../src/sandbox/seed-demo';
import { seedGitHub } from '../../src/sandbox/seed-github';
import { parseIcal, property, unescapeText } from '../browser/rfc5545';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { startTestApp, type TestApp } from '../helpers/start-app';

/** The demo release (config/sandbox): v1.11.0 from Mon 2 Mar 2026, Europe/Berlin; week 10 on 7 May. */
const NOW = '2026-05-07T08:00:00Z';
const REPLAN_REASON = 'Manifests need another week of testing';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function fetchText(url: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('public schedule', () => {
  let github: FakeGitHub;
  let app: TestApp;

  beforeAll(async () => {
    github = await startFakeGitHub();
    app = await startTestApp({ now: NOW, githubUrl: github.url });
    const demo = loadDemoSetup();
    seedGitHub(github, demo.workspace, app.services.store.workingGroups.list(), DateTime.fromISO(NOW));
    await seedDemo(app.services, demo);
    // A re-plan: Feature Freeze and everything after it a week later, with a private reason.
    const store = app.services.store;
    const release = store.releases.findByVersion('v1.11.0');
    const first = release && store.releases.firstPlan(release);
    if (!release || !first) throw new Error('demo release missing');
    const later = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const moved = (date: string) => (date >= '2026-05-10' ? later(date) : date);
    store.releases.addPlan(
      release.id,
      {
        ...first.timeline,
        phases: first.timeline.phases.map((p) => ({
          ...p,
          startsOn: moved(p.startsOn),
          endsOn: moved(p.endsOn),
        })),
        milestones: first.timeline.milestones.map((m) => ({ ...m, dueOn: moved(m.dueOn) })),
      },
      { reason: REPLAN_REASON, createdAt: NOW, createdBy: 'U0ADA0001' },
    );
  });
  afterAll(async () => {
    await app.stop();
    await github.close();
  });

  it('lists the releases with a link to each', async () => {
    const page = await fetchText(`${app.url}/schedule`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<a href="/schedule/v1.11.0">Kubeflow v1.11.0</a>');
    expect(page.body).toContain('Development');
    // The cycle runs from the first day of Preparation to the last of Post Release, as re-planned.
    const data = JSON.parse((await fetchText(`${app.url}/api/releases/v1.11.0.json`)).body) as {
      phases: { key: string; current: { startsOn: string; endsOn: string } }[];
    };
    const on = (key: string, end: 'startsOn' | 'endsOn') =>
      DateTime.fromISO(data.phases.find((p) => p.key === key)?.current[end] ?? '').toFormat('ccc d LLL yyyy');
    expect(page.body).toContain(
      `<td>${on('preparation', 'startsOn')} – ${on('post_release', 'endsOn')}</td>`,
    );
  });

  it('shows a release as a page with a Gantt chart, first plan against re-plan, and what ships', async () => {
    const page = await fetchText(`${app.url}/schedule/v1.11.0`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).not.toMatch(/<script/i);
    const phases = [...page.body.matchAll(/<g class="phase" data-phase="([a-z_]+)"/g)].map((m) => m[1]);
    expect(phases).toEqual([
      'preparation',
      'development',
      'feature_freeze',
      'manifests_testing',
      'documentation',
      'distribution_testing',
      'release_day',
      'post_release',
    ]);
    expect(page.body).toMatch(/<g class="milestone" data-milestone="release"/);
    expect(page.body).toMatch(/<rect class="planned" data-phase="feature_freeze"/);
    expect(page.body).not.toMatch(/<rect class="planned" data-phase="preparation"/);
    expect(page.body).toContain('<g class="today">');
    expect(page.body).toContain('re-planned on Thu 7 May 2026 (plan 2)');
    expect(page.body).toContain('<code>v1.9.0</code>');
    expect(page.body).toContain('Every Tuesday at 16:00 (Europe/Berlin)');
    expect(page.body).toContain('<code>v1.11.0-rc.1</code>');
  });

  it.each([
    ['1.11.0', 200],
    ['V1.11.0', 200],
    ['v9.9.9', 404],
    ['not-a-version', 404],
  ])('finds /schedule/%s by its version however it is spelled (%i)', async (version, status) => {
    expect((await fetchText(`${app.url}/schedule/${version}`)).status).toBe(status);
  });

  it('answers HEAD without a body, refuses POST, and answers an unknown path with 404 instead of failing', async () => {
    const head = await fetchText(`${app.url}/schedule/v1.11.0`, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await fetchText(`${app.url}/schedule/v1.11.0`, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await fetchText(`${app.url}/favicon.ico`)).status).toBe(404);
    expect((await fetchText(`${app.url}/healthz`)).status).toBe(200);
  });

  it('serves a valid iCalendar feed of the milestones and meetings', async () => {
    const feed = await fetchText(`${app.url}/schedule/v1.11.0.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const { calendar, problems } = parseIcal(feed.body);
    expect(problems).toEqual([]);
    const events = calendar?.components.filter((c) => c.name === 'VEVENT') ?? [];
    const milestones = events.filter((e) => property(e, 'DTSTART')?.params.VALUE === 'DATE');
    const meetings = events.filter((e) => property(e, 'DTSTART')?.params.VALUE === undefined);
    expect(milestones.map((e) => property(e, 'DTSTART')?.value)).toEqual([
      '20260518',
      '20260518',
      '20260529',
      '20260605',
      '20260619',
      '20260629',
    ]);
    const rc1 = milestones.find(
      (e) => property(e, 'UID')?.value === 'v1.11.0-milestone-rc.1@kfrelease.kubeflow.org',
    );
    expect(property(rc1 ?? { name: '', properties: [], components: [] }, 'SEQUENCE')?.value).toBe('1');
    expect(
      unescapeText(property(rc1 ?? { name: '', properties: [], components: [] }, 'DESCRIPTION')?.value ?? ''),
    ).toBe('Owner: Manifests WG\nProduces: v1.11.0-rc.1\nFirst planned for 2026-05-22.');
    // Tuesdays at 16:00 Berlin: 14:00 UTC in summer, 15:00 UTC before the clocks change on 29 March.
    expect(meetings.length).toBeGreaterThan(20);
    expect(meetings.map((e) => property(e, 'DTSTART')?.value)).toEqual(
      expect.arrayContaining(['20260324T150000Z', '20260331T140000Z']),
    );
  });

  it('gives the same data as JSON for tools, with nothing private in it', async () => {
    const answer = await fetchText(`${app.url}/api/releases/v1.11.0.json`);
    expect(answer.status).toBe(200);
    const data = JSON.parse(answer.body) as Record<string, unknown>;
    expect(data).toMatchObject({
      version: 'v1.11.0',
      timeZone: 'Europe/Berlin',
      plan: { revision: 2, replannedOn: '2026-05-07' },
      currentPhases: ['development'],
    });
    expect(data.components).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ component: 'KServe', repository: 'kserve/kserve', revision: 'v0.15.0' }),
      ]),
    );
    expect(answer.body).not.toMatch(/\b[UW]0[A-Z0-9]{4,}\b/);
    expect(answer.body).not.toMatch(/C0KFRELEASE|model cache|submitted|\bnotes?\b|\breason\b/i);
    expect(answer.body).not.toContain(REPLAN_REASON);
    const list = JSON.parse((await fetchText(`${app.url}/api/releases.json`)).body) as {
      releases: unknown[];
    };
    expect(list.releases).toEqual([expect.objectContaining({ version: 'v1.11.0', status: 'live' })]);
    // The list and the release's own data say the same about it, re-planned as it is (they did
    // not: the list had the first plan's release day and the first day of Preparation as start).
    const summaryKeys = Object.keys(list.releases[0] as object).sort();
    expect(summaryKeys).toEqual([
      'currentPhaseNames',
      'currentPhases',
      'cycle',
      'releaseOn',
      'shippedOn',
      'startDate',
      'status',
      'timeZone',
      'version',
    ]);
    expect(list.releases[0]).toEqual(Object.fromEntries(summaryKeys.map((key) => [key, data[key]])));
    const phases = data.phases as { key: string; current: { startsOn: string; endsOn: string } }[];
    const milestones = data.milestones as { key: string; dueOn: string }[];
    expect(data).toMatchObject({
      startDate: '2026-03-02',
      releaseOn: milestones.find((m) => m.key === 'release')?.dueOn,
      cycle: {
        startsOn: phases.find((p) => p.key === 'preparation')?.current.startsOn,
        endsOn: phases.find((p) => p.key === 'post_release')?.current.endsOn,
      },
    });
    expect((await fetchText(`${app.url}/api/releases/v9.9.9.json`)).status).toBe(404);
  });
});

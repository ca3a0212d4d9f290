import { createReleaseInSlack } from '../helpers/create-release-in-slack';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { readCalendar } from '../../src/workflows/calendar-file';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { ADMIN, answerText, startTestApp, type TestApp } from '../helpers/start-app';

const ANYONE = 'U0ANYONE1';

/**
 * v1.11.0 planned from Mon 12 Jan 2026 on the handbook's 17 weeks: Feature Freeze, the release
 * branch and rc.0 fall on Mon 23 Mar (KubeCon Europe, 23-26 Mar), rc.1 on Good Friday (3 Apr),
 * and Manifests testing starts on Easter Monday (6 Apr).
 */
describe('planning a release before it is created', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ now: '2025-11-03T10:00:00Z' });
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('proposes the timeline and warns about the holidays and the conference its dates fall on, creating nothing', async () => {
    const before = databaseSnapshot(app.services.store.db);
    const text = answerText(await app.command('release plan v1.11.0 2026-01-12', ANYONE));
    expect(text).toContain('Proposed timeline for Kubeflow v1.11.0');
    expect(text).toContain('nothing is created yet');
    expect(text).toContain('*Feature Freeze*: Mon 23 Mar 2026 – Sun 5 Apr 2026');
    expect(text).toMatch(
      /Mon 23 Mar 2026: first day of Feature Freeze, first day of Documentation, Release branch created \(v1\.11-branch\), First release candidate \(rc\.0\) tagged \(v1\.11\.0-rc\.0\) during \*KubeCon \+ CloudNativeCon Europe 2026\* \(Amsterdam\)/,
    );
    expect(text).toMatch(/Fri 3 Apr 2026: rc\.1 .* on \*Good Friday\*/);
    expect(text).toContain('Mon 6 Apr 2026: first day of Manifests testing on *Easter Monday*');
    expect(text).toContain('not a block');
    expect(text).toContain('`/kfrelease release create v1.11.0 2026-01-12`');
    expect(text).toContain('No weekly meeting is set up for any release yet');
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('checks the weekly meetings too, on the day the latest release meets', async () => {
    await createReleaseInSlack(app, 'release create v1.10.0 2025-09-01 handbook-17w Europe/Berlin', ADMIN);
    const release = app.services.store.releases.findByVersion('v1.10.0');
    app.services.store.meetings.saveMeeting(release?.id ?? 0, {
      weekday: 4,
      time: '16:00',
      zone: 'Europe/Berlin',
      channel: 'C0RELEASE',
      agendaHours: 24,
      notesUrl: null,
      since: '2025-11-03T10:00:00.000Z',
      updatedBy: ADMIN,
    });
    const text = answerText(await app.command('release plan v1.11.0 2026-01-12 Europe/Berlin', ANYONE));
    expect(text).toContain(
      'Thu 26 Mar 2026: weekly release team meeting during *KubeCon + CloudNativeCon Europe 2026*',
    );
    expect(text).toContain('Weekly meetings checked on Thursdays, as set up for v1.10.0');
    expect(text).toContain('`/kfrelease release create v1.11.0 2026-01-12 Europe/Berlin`');
  });

  it('says when no date falls on a holiday or conference', async () => {
    const text = answerText(await app.command('release plan v1.12.0 2026-06-01', ANYONE));
    expect(text).toContain(
      'No milestone, first day of a phase or weekly meeting falls on a holiday or conference',
    );
  });

  it('reports every problem with the arguments at once, with the usage', async () => {
    const text = answerText(await app.command('release plan 1.x 2026-01-13 nope Mars/Olympus', ANYONE));
    expect(text).toContain('is not a valid version');
    expect(text).toContain('There is no template "nope"');
    expect(text).toContain('"Mars/Olympus" is not a time zone');
    expect(text).toContain('/kfrelease release plan &lt;version&gt; &lt;start-date&gt;');
    const existing = answerText(await app.command('release plan v1.10.0 2025-09-01', ANYONE));
    expect(existing).toContain('Release v1.10.0 already exists');
  });

  it('creates the release as proposed, and the proposal becomes its first plan', async () => {
    const proposal = app.services.store.releases.findByVersion('v1.11.0');
    expect(proposal).toBeNull();
    await createReleaseInSlack(app, 'release create v1.11.0 2026-01-12 Europe/Berlin', ADMIN);
    const release = app.services.store.releases.findByVersion('v1.11.0');
    const first = release && app.services.store.releases.firstPlan(release);
    expect(first?.revision).toBe(1);
    expect(first?.timeline.milestones.find((m) => m.key === 'rc.1')?.dueOn).toBe('2026-04-03');
  });

  it('drafts the schedule announcement for kubeflow-discuss at the command line', async () => {
    const out: string[] = [];
    const env = {
      DATABASE_PATH: app.databasePath,
      KFRELEASE_NOW: '2025-11-03T10:00:00Z',
      LOG_LEVEL: 'silent',
    };
    const code = await runCli(['schedule-announcement', 'v1.11.0'], env, {
      out: (line) => out.push(line),
      err: (line) => out.push(line),
    });
    const text = out.join('\n');
    expect(code).toBe(0);
    expect(text).toContain('Subject: Kubeflow v1.11.0 release schedule');
    expect(text).toMatch(/2026-03-23 to 2026-04-05 {2}Feature Freeze/);
    expect(text).toMatch(/2026-04-03 {2}rc\.1 tagged on the last day of feature freeze +v1\.11\.0-rc\.1/);
    expect(text).toContain('Have a git revision ready on the first day of Feature Freeze, 2026-03-23');
    expect(text).toContain(
      '2026-04-03: rc.1 tagged on the last day of feature freeze (v1.11.0-rc.1) during Good Friday',
    );
    expect(text).toContain('Patch releases follow the release during Post Release');
    expect(text).toContain(
      'unless you object by 2025-11-10, we take this schedule as agreed (lazy consensus)',
    );
    expect(text).not.toContain('<@');
  });

  it('proposes a timeline at the command line too', async () => {
    const out: string[] = [];
    const env = {
      DATABASE_PATH: app.databasePath,
      KFRELEASE_NOW: '2025-11-03T10:00:00Z',
      LOG_LEVEL: 'silent',
    };
    const code = await runCli(['release', 'plan', 'v1.12.0', '2026-01-12'], env, {
      out: (line) => out.push(line),
      err: (line) => out.push(line),
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain(
      'warning: 2026-04-03 rc.1 tagged on the last day of feature freeze (v1.12.0-rc.1): Good Friday',
    );
    expect(out.join('\n')).toContain('Create it with: kfrelease release create v1.12.0 2026-01-12');
  });
});

describe('the calendar file the release team maintains', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-calendar-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused with every problem in it', () => {
    const file = join(dir, 'calendar.yml');
    writeFileSync(
      file,
      'holidays:\n  - name: Lunar New Year\n    date: 2026-02-31\nconferences:\n  - from: 2026-03-23\n',
    );
    expect(() => readCalendar(file)).toThrow(
      /holidays\[0\]\.date: is not a real date[\s\S]*conferences\[0\]\.name: is missing/,
    );
  });

  it('is no calendar at all when missing', () => {
    expect(readCalendar(join(dir, 'none.yml'))).toEqual({ events: [], source: null });
  });
});

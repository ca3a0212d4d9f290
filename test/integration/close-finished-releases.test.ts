import { createReleaseInSlack } from '../helpers/create-release-in-slack';
import { DateTime } from 'luxon';
import { startReleaseUpkeep } from '../../src/jobs/release-upkeep';
import { closeFinishedReleases } from '../../src/workflows/close-finished-releases';
import { computeDue } from '../../src/workflows/compute-due';
import { ADMIN, answerText, startTestApp, type TestApp } from '../helpers/start-app';

/**
 * v1.10.0: week 1 Mon 2 Mar 2026, Post Release ends Sun 26 Jul 2026 (Europe/Berlin); nobody closes
 * it, so kfrelease does four weeks later, after Sun 23 Aug.
 * v1.11.0: week 1 Mon 29 Jun 2026, under way then.
 */
describe('a release nobody closed is closed four weeks after its Post Release', () => {
  let app: TestApp;
  const statusOf = (version: string) => app.services.store.releases.findByVersion(version)?.status;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-02-02T10:00:00Z' });
    app.slack.expect('chat.postMessage');
    await createReleaseInSlack(app, 'release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin', ADMIN);
    await createReleaseInSlack(app, 'release create v1.11.0 2026-06-29 handbook-17w Europe/Berlin', ADMIN);
  });
  afterAll(async () => {
    await app.stop();
  });

  it('stays live through Post Release and the four weeks after, in its own time zone', () => {
    app.clock.set('2026-07-27T10:00:00Z'); // the day after Post Release
    expect(closeFinishedReleases(app.services)).toEqual([]);
    app.clock.set('2026-08-23T21:59:00Z'); // 23:59 in Berlin, the last of the four weeks
    expect(closeFinishedReleases(app.services)).toEqual([]);
    expect(statusOf('v1.10.0')).toBe('live');
  });

  it('is closed the day after, once, recorded and told; the release under way stays live', () => {
    app.clock.set('2026-08-23T22:01:00Z'); // 00:01 on 24 Aug in Berlin
    expect(closeFinishedReleases(app.services)).toEqual(['v1.10.0']);
    expect(closeFinishedReleases(app.services)).toEqual([]);
    expect([statusOf('v1.10.0'), statusOf('v1.11.0')]).toEqual(['closed', 'live']);
    const audit = app.services.store.db
      .prepare("SELECT actor, details FROM audit_log WHERE action = 'release.closed'")
      .all();
    expect(audit).toEqual([{ actor: 'kfrelease', details: '{"status":"closed","lastDay":"2026-07-26"}' }]);
  });

  it('leaves the scheduler looking only at the release under way, and still answers for the old one', async () => {
    const due = computeDue(app.services, DateTime.fromISO('2026-08-25T12:00:00Z'));
    expect(due.map((d) => d.release.version)).not.toContain('v1.10.0');
    expect(answerText(await app.command('status v1.10.0', ADMIN))).toContain('Kubeflow v1.10.0');
    expect(answerText(await app.command('status', ADMIN))).toContain('Kubeflow v1.11.0');
  });

  it('is what the release upkeep does first on each run', async () => {
    app.clock.set('2026-12-21T10:00:00Z'); // v1.11.0's Post Release ended on Sun 22 Nov, four weeks ago
    const upkeep = startReleaseUpkeep(app.services, 3_600_000);
    await upkeep.tick();
    await upkeep.stop();
    expect(statusOf('v1.11.0')).toBe('closed');
  });
});

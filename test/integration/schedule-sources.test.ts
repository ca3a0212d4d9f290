import { DateTime } from 'luxon';
import { renderedPayload } from '../helpers/rendered-posts';
import { buildAgenda } from '../../src/domain/agenda';
import { gatherAgendaFacts } from '../../src/workflows/agenda-facts';
import { runDueJobs } from '../../src/workflows/run-due-jobs';
import { BARBARA, CHANNEL, RM, scheduleWorld, type ScheduleWorld } from './schedule-world';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const payload = (w: ScheduleWorld, key: string) => {
  const row = w.services.store.db.prepare('SELECT channel, payload FROM outbox WHERE key = ?').get(key) as
    { channel: string; payload: string } | undefined;
  return row
    ? { channel: row.channel, blocks: JSON.stringify(JSON.parse(renderedPayload(row.payload)).blocks) }
    : null;
};

/** Records a check of the manifests repository that found the given milestones' branch or tags. */
function checked(
  world: ScheduleWorld,
  found: { milestone: string; name: string; rc: number | null }[],
): void {
  const { store } = world.services;
  const now = world.clock.now().toUTC().toISO() ?? '';
  store.rcTags.recordCheck({ releaseId: world.release.id, repo: 'kubeflow/manifests', at: now, error: null });
  for (const f of found) {
    store.rcTags.insert({
      releaseId: world.release.id,
      milestone: f.milestone,
      kind: f.rc === null && f.milestone === 'release_branch' ? 'branch' : 'tag',
      rc: f.rc,
      name: f.name,
      normalized: f.name,
      commitSha: 'b'.repeat(40),
      commitDate: null,
      firstSeenAt: now,
      note: null,
    });
  }
}

let world: ScheduleWorld;
afterEach(() => world.close());

describe('reminders and agendas fed by the RC checks, blockers and sign-offs', () => {
  it('reminds and escalates only the branch or tag a check has not found: a tag found is done', () => {
    world = scheduleWorld({ now: '2026-05-10T12:00:00Z', meeting: null });
    checked(world, [{ milestone: 'rc.0', name: 'v1.10.0-rc.0', rc: 0 }]);
    runDueJobs(world.services, at('2026-05-11T07:00:00Z'));
    // rc.0 was tagged: it is done, so it has no reminder at all any more.
    expect(world.services.store.jobRuns.all().map((r) => r.key)).not.toContain(
      'reminder:1:rc.0:2026-05-11:0d',
    );
    const branch = payload(world, 'reminder:1:release_branch:2026-05-11:0d');
    expect(branch?.channel).toBe(CHANNEL);
    expect(branch?.blocks).toContain(`v1.10-branch not there yet: <@${BARBARA}>`);
    expect(branch?.blocks).not.toContain('cannot check this one');

    runDueJobs(world.services, at('2026-05-12T07:00:00Z'));
    expect(payload(world, `escalation:1:release_branch:2026-05-11:${RM}`)?.blocks).toContain(
      'Overdue for Kubeflow v1.10.0: Release branch created (v1.10-branch) was due Mon 11 May',
    );
    expect(payload(world, `escalation:1:rc.0:2026-05-11:${RM}`)).toBeNull();
  });

  it('says it looks for a tag on the manifests repository before it was ever checked, and does not escalate it', () => {
    world = scheduleWorld({ now: '2026-05-10T12:00:00Z', meeting: null });
    runDueJobs(world.services, at('2026-05-11T07:00:00Z'));
    const reminder = payload(world, 'reminder:1:rc.0:2026-05-11:0d')?.blocks;
    expect(reminder).toContain(
      'kfrelease looks for it on the manifests repository and announces it here when it appears.',
    );
    expect(reminder).not.toContain('cannot check');
    runDueJobs(world.services, at('2026-05-12T07:00:00Z'));
    expect(world.services.store.jobRuns.byKey('escalation:1:rc.0:2026-05-11')?.outcome).toBe(
      'nothing_to_say',
    );
  });

  it('lists the missing RC tags, the blockers and (in distribution testing) the sign-offs on the agenda', () => {
    world = scheduleWorld({ now: '2026-06-01T08:00:00Z' });
    checked(world, [
      { milestone: 'release_branch', name: 'v1.10-branch', rc: null },
      { milestone: 'rc.0', name: 'v1.10.0-rc.0', rc: 0 },
      { milestone: 'rc.1', name: 'v1.10.0-rc.1', rc: 1 },
    ]);
    const facts = gatherAgendaFacts(world.services, world.release, world.clock.now());
    expect(facts.meetingOn).toBe('2026-06-02');
    expect(facts.missingRcTags).toEqual([
      { artifact: 'v1.10.0-rc.2', dueOn: '2026-05-29', owner: 'Manifests WG' },
    ]);
    expect(facts.blockers).toEqual([]);
    const sections = buildAgenda(facts).sections;
    const text = sections.flatMap((s) => [s.title, ...s.lines.map((l) => l.text)]).join('\n');
    expect(text).toContain('Missing RC tags\nv1.10.0-rc.2, due Fri 29 May · Manifests WG');
    expect(text).toContain('Blocking issues\nNo open blocking issues.');
    expect(text).toContain(
      'Distribution sign-offs\nAWS: pending on v1.10.0-rc.1\nAzure: pending on v1.10.0-rc.1',
    );
    const signoffs = sections.find((s) => s.title === 'Distribution sign-offs');
    expect(signoffs?.lines[0]?.people).toEqual([{ name: 'Donald Knuth', slackId: 'U0DONA001' }]);
  });
});

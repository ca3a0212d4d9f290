import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServices } from '../../src/app';
import { CLI_MEETING_COMMANDS, type ScheduleFlags } from '../../src/cli/meeting-cli-commands';
import { runCli } from '../../src/cli/main';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

describe('kfrelease meeting, rehearse and jobs run', () => {
  let dir: string;
  let env: Record<string, string>;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, env, {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  /** Runs one of these commands with flags main.ts may not pass through yet (--from, --to, --at). */
  const direct = async (name: string, positionals: string[], flags: Partial<ScheduleFlags>) => {
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const services = buildServices(loaded.config, { logger: createLogger('silent') });
    const out: string[] = [];
    try {
      await CLI_MEETING_COMMANDS[name]?.run(
        services,
        { positionals, flags: { json: false, markdown: false, ...flags } },
        { out: (l) => out.push(l) },
      );
    } finally {
      services.store.db.close();
    }
    return out.join('\n');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kfrelease-schedule-cli-'));
    env = { DATABASE_PATH: join(dir, 'k.db'), KFRELEASE_NOW: '2026-05-04T06:00:00Z', LOG_LEVEL: 'silent' };
    expect(
      (await run('release', 'create', 'v1.10.0', '2026-03-02', 'handbook-17w', 'Europe/Berlin', '--yes'))
        .code,
    ).toBe(0);
    expect((await run('team', 'import', join(__dirname, '..', '..', 'examples', 'team.yml'))).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets and shows the meeting', async () => {
    expect(await run('meeting', 'set', 'tue', '16:00')).toMatchObject({
      code: 1,
      err: expect.stringContaining('Give the channel (the release has none)'),
    });
    const set = await run('meeting', 'set', 'tue', '16:00', 'C0RELEASE', 'notes=https://example.com/notes');
    expect(set.code).toBe(0);
    expect(set.out).toContain(
      'Meeting:   Tuesdays at 16:00 (Europe/Berlin) in C0RELEASE; agenda 24 h before; notes https://example.com/notes',
    );
    expect((await run('meeting', 'show')).out).toContain(
      'Reminders: 7d, 1d, 0d before, at 09:00; quiet 20:00-08:00 (Europe/Berlin) (defaults)',
    );
    expect(JSON.parse((await run('meeting', 'show', '--json')).out).meeting).toMatchObject({
      weekday: 2,
      channel: 'C0RELEASE',
    });
  });

  it('rehearses the rest of the cycle without posting anything', async () => {
    const { code, out } = await run('rehearse', 'v1.10.0');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Kubeflow v1.10.0: \d+ posts from 2026-05-04 to 2026-07-26 \(Europe\/Berlin\); nothing is posted./,
    );
    // The release has no channel: reminders go to each person who owes something, directly.
    expect(out).toContain(
      'Mon 2026-05-04 09:00 +02:00  U0ALAN001   reminder   Due in a week (Mon 11 May) for Kubeflow v1.10.0: Git revisions from every working group',
    );
    expect(out).toContain(
      'Mon 2026-05-04 16:00 +02:00  C0RELEASE   agenda     Agenda for the Kubeflow v1.10.0 release team meeting, Tue 5 May 2026, 16:00 Europe/Berlin',
    );
    const week = await direct('rehearse', [], { from: '2026-05-10', to: '2026-05-12' });
    const kinds = week
      .split('\n')
      .slice(1)
      .map((l) => `${l.slice(0, 20)} ${l.slice(41, 51).trim()}`);
    expect(kinds.reduce<Record<string, number>>((n, k) => ({ ...n, [k]: (n[k] ?? 0) + 1 }), {})).toEqual({
      'Sun 2026-05-10 09:00 reminder': 7,
      'Mon 2026-05-11 09:00 reminder': 7,
      'Mon 2026-05-11 16:00 agenda': 1,
      'Mon 2026-05-11 16:00 note_taker': 1,
      'Tue 2026-05-12 09:00 escalation': 1,
    });
    expect((await run('jobs', 'run', '--json')).out).toContain('"ran": []');
  });

  it('runs what is due at an instant exactly once', async () => {
    const first = await direct('jobs run', [], { at: '2026-05-04T07:00:00Z' });
    expect(first).toContain(
      'Ran 3 job(s), skipped 0 that came too late, queued 7 post(s) at 2026-05-04T07:00:00.000Z',
    );
    expect(await direct('jobs run', [], { at: '2026-05-04T07:00:00Z' })).toContain('Ran 0 job(s)');
    await expect(direct('jobs run', [], { at: 'yesterday' })).rejects.toThrow(
      '--at yesterday is not an ISO timestamp',
    );
  });
});

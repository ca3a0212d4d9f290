import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServices } from '../../src/app';
import type { AppServices } from '../../src/app-services';
import { adjustableClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import type { ReleaseRow } from '../../src/db/release-repository';
import { createRelease } from '../../src/workflows/create-release';
import { importTeam } from '../../src/workflows/import-team';
import { setMeetingSettings } from '../../src/workflows/meeting-settings';

export const CHANNEL = 'C0RELEASE';
export const RM = 'U0ADA0001';
/** The rotation of examples/team.yml, by GitHub login: aturing, bliskov, ewd, ghopper, kjohnson. */
export const ALAN = 'U0ALAN001';
export const BARBARA = 'U0BARB001';
export const EDSGER = 'U0EDSG001';
export const GRACE = 'U0GRACE01';
export const KATHERINE = 'U0KATH001';
export const ROTATION = [ALAN, BARBARA, EDSGER, GRACE, KATHERINE];
const TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');
const CLI = { kind: 'cli', name: 'test' } as const;

export interface ScheduleWorld {
  services: AppServices;
  clock: ReturnType<typeof adjustableClock>;
  release: ReleaseRow;
  databasePath: string;
  close(): void;
}

/**
 * The real services on a temporary SQLite file with the real migrations: release v1.10.0 of the
 * 17-week handbook template (week 1 = Mon 2 Mar 2026) in `zone`, the team of examples/team.yml,
 * and (unless `meeting` is null) a weekly meeting, all created at `now`.
 */
export function scheduleWorld(
  options: { now?: string; zone?: string; meeting?: string[] | null; start?: string } = {},
): ScheduleWorld {
  const dir = mkdtempSync(join(tmpdir(), 'kfrelease-schedule-'));
  const databasePath = join(dir, 'kfrelease.db');
  const loaded = loadConfig({ DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const clock = adjustableClock(options.now ?? '2026-02-01T12:00:00Z');
  const services = buildServices(loaded.config, { clock, logger: createLogger('silent') });
  const zone = options.zone ?? 'Europe/Berlin';
  createRelease(services, {
    version: 'v1.10.0',
    startDate: options.start ?? '2026-03-02',
    template: 'handbook-17w',
    timeZone: zone,
    channel: CHANNEL,
    actor: CLI,
  });
  importTeam(services, { yaml: TEAM_YAML, source: 'team.yml', actor: CLI });
  if (options.meeting !== null) {
    setMeetingSettings(services, { words: options.meeting ?? ['tue', '16:00'], actor: CLI });
  }
  const release = services.store.releases.findByVersion('v1.10.0');
  if (!release) throw new Error('release not created');
  return {
    services,
    clock,
    release,
    databasePath,
    close() {
      services.store.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Gives a working group an accepted revision for `only` of its repositories, else every one it has components in. */
export function acceptRevisions(world: ScheduleWorld, wgName: string, only?: string[]): void {
  const { store } = world.services;
  const wg = store.workingGroups.list().find((g) => g.name === wgName);
  if (!wg) throw new Error(`no working group ${wgName}`);
  const repos = only ?? [...new Set(wg.components.map((c) => c.repo))];
  const at = world.clock.now().toUTC().toISO() ?? '';
  store.revisions.insertSubmission(
    { releaseId: world.release.id, wgId: wg.id, submittedBy: 'cli:test', submittedAt: at, note: '' },
    repos.map((repo) => ({
      repo,
      revision: 'v1.0.0',
      freeze: true,
      nextValidationAt: null,
      status: 'accepted' as const,
      kind: 'tag' as const,
      commitSha: 'a'.repeat(40),
      version: 'v1.0.0',
      warnings: [],
      review: null,
      lastError: null,
    })),
  );
}

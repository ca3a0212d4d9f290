import type { AppServices } from '../app-services';
import type { Actor } from '../workflows/actor';
import { createRelease } from '../workflows/create-release';
import { importTeam } from '../workflows/import-team';
import { setMeetingSettings } from '../workflows/meeting-settings';
import { submitBlockers } from '../workflows/submit-blockers';
import { submitRevisions } from '../workflows/submit-revisions';
import type { DemoSetup } from './demo-workspace';

const SANDBOX: Actor = { kind: 'cli', name: 'sandbox' };
/** The GitHub stand-in is on loopback; no need to hurry it. */
const SEED_DEADLINE_MS = 10_000;

/**
 * Creates the demo release on the first start, through the same workflows people use: the
 * release from its template, the team from the team file, the weekly meeting, the revisions
 * working groups handed over and the blocking issues they reported before the clock starts.
 * Returns false when the release already exists.
 */
export async function seedDemo(services: AppServices, demo: DemoSetup): Promise<boolean> {
  const { workspace } = demo;
  const log = services.logger.child({ component: 'sandbox' });
  if (services.store.releases.findByVersion(workspace.release.version)) return false;
  const { release } = createRelease(services, {
    version: workspace.release.version,
    startDate: workspace.release.start_date,
    template: workspace.release.template,
    timeZone: workspace.release.time_zone,
    channel: workspace.channel.id,
    actor: SANDBOX,
  });
  importTeam(services, { yaml: demo.teamYaml, source: demo.teamSource, actor: SANDBOX });
  if (workspace.meeting) {
    const { day, time } = workspace.meeting;
    setMeetingSettings(services, {
      version: release.version,
      words: [`day=${day}`, `time=${time}`],
      actor: SANDBOX,
    });
  }
  for (const handed of workspace.revisions) {
    const entries = Object.entries(handed.repos).map(([repo, revision], index) => ({
      field: `repo:${index}`,
      repo,
      revision,
    }));
    const result = await submitRevisions(
      { ...services, deadlineMs: SEED_DEADLINE_MS },
      { release, wg: handed.wg, userId: handed.by, entries, note: handed.note, noteField: 'note' },
    );
    if (result.kind === 'errors')
      log.warn({ wg: handed.wg, errors: result.errors }, 'demo revisions were refused');
  }
  for (const reported of workspace.blockers) {
    const result = await submitBlockers(
      { ...services, deadlineMs: SEED_DEADLINE_MS },
      {
        release,
        wg: reported.wg,
        userId: reported.by,
        text: reported.refs.join('\n'),
        blocksRelease: reported.blocks_release,
        note: reported.note,
      },
    );
    if (result.kind === 'refused' || result.problems.length > 0)
      log.warn({ wg: reported.wg, result }, 'demo blocking issues were refused');
  }
  log.info({ release: release.version }, 'demo release created');
  return true;
}

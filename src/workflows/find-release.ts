import type { Clock } from '../clock';
import { pickCurrentRelease } from '../domain/current-release';
import { parseVersion } from '../domain/version';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { code, md } from '../text/mrkdwn';

const CREATE_EXAMPLE = '/kfrelease release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin';

/** The named release, or the current one when no version is given; a UserError when there is none. */
export function findRelease(deps: { store: Store; clock: Clock }, version?: string): ReleaseRow {
  const { store, clock } = deps;
  if (version === undefined) {
    const now = clock.now();
    const todayByZone = new Map<string, string>();
    const todayIn = (zone: string) => {
      let today = todayByZone.get(zone);
      if (today === undefined) todayByZone.set(zone, (today = now.setZone(zone).toISODate() ?? ''));
      return today;
    };
    const current = pickCurrentRelease(store.releases.windows(), todayIn);
    const release = current ? store.releases.findByVersion(current.version) : null;
    if (!release) {
      throw new UserError(
        'not_found',
        md`There is no release yet.`,
        md`An admin creates one with ${code(CREATE_EXAMPLE)}.`,
      );
    }
    return release;
  }
  const parsed = parseVersion(version);
  if (!parsed.ok) throw new UserError('bad_argument', md`${parsed.error}`);
  const release = store.releases.findByVersion(parsed.version.canonical);
  if (!release) {
    const known = store.releases.list().map((r) => r.version);
    throw new UserError(
      'not_found',
      md`There is no release ${parsed.version.canonical}.`,
      known.length > 0
        ? md`Known releases: ${known.slice(-10).join(', ')}.`
        : md`An admin creates one with ${code(CREATE_EXAMPLE)}.`,
    );
  }
  return release;
}

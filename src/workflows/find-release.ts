import type { Clock } from '../clock';
import { pickRelease, type ReleaseChoice } from '../domain/current-release';
import { parseVersion } from '../domain/version';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { code, md } from '../text/mrkdwn';
import { todayIn } from './today-in';

const CREATE_EXAMPLE = '/kfrelease release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin';

type Deps = { store: Store; clock: Clock };

/** The release a version names; a UserError saying which exist when none does. */
export function releaseByVersion(deps: Deps, version: string): ReleaseRow {
  const { store } = deps;
  const parsed = parseVersion(version);
  if (!parsed.ok) throw new UserError('bad_argument', md`${parsed.error}`);
  const release = store.releases.findByVersion(parsed.version.canonical);
  if (release) return release;
  const known = store.releases.list().map((r) => r.version);
  throw new UserError(
    'not_found',
    md`There is no release ${parsed.version.canonical}.`,
    known.length > 0
      ? md`Known releases: ${known.slice(-10).join(', ')}.`
      : md`An admin creates one with ${code(CREATE_EXAMPLE)}.`,
  );
}

/**
 * The release a command is about when it names none, by the rule of pickRelease: the live one
 * bound to `channel`, else the live one whose cycle contains today, else the latest live one.
 * Answers with how it was chosen and the other live releases; a UserError when none is live.
 */
export function chooseRelease(deps: Deps, channel: string | null): ReleaseChoice<ReleaseRow> {
  const { store } = deps;
  // Only live releases can be chosen; the ended ones are read only to say which ended last.
  const todayByZone = new Map<string, string>();
  const today = (zone: string) => {
    let date = todayByZone.get(zone);
    if (date === undefined) todayByZone.set(zone, (date = todayIn(deps, zone)));
    return date;
  };
  const choice = pickRelease(store.releases.liveWindows(), { todayIn: today, channel });
  const byVersion = (version: string) => store.releases.findByVersion(version);
  const release = choice ? byVersion(choice.release.version) : null;
  if (choice && release) {
    const others = choice.others.flatMap((w) => byVersion(w.version) ?? []);
    return { release, how: choice.how, others };
  }
  const ended = [...store.releases.windows()].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
  if (ended) {
    throw new UserError(
      'not_found',
      md`No release is live: ${ended.version} was the last, and it is ${ended.status}.`,
      md`Name a release to read it, e.g. ${code(`/kfrelease status ${ended.version}`)}; an admin creates the next with ${code('/kfrelease release create')}.`,
    );
  }
  throw new UserError(
    'not_found',
    md`There is no release yet.`,
    md`An admin creates one with ${code(CREATE_EXAMPLE)}.`,
  );
}

/** The named release, or (no version) the one chooseRelease picks without a channel. */
export function findRelease(deps: Deps, version?: string): ReleaseRow {
  return version === undefined ? chooseRelease(deps, null).release : releaseByVersion(deps, version);
}

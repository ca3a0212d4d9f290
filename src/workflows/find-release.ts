import type { Clock } from '../clock';
import { pickRelease, type ReleaseChoice, type ReleaseWindow } from '../domain/current-release';
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
  const choice = pickRelease(liveWindows(store), { todayIn: today, channel });
  if (choice)
    return { release: choice.release.row, how: choice.how, others: choice.others.map((w) => w.row) };
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

/**
 * Each live release's span under its latest plan, with its row: from the live releases and their
 * plans, which the answer reads anyway (a release without a plan has no span and is left out).
 */
function liveWindows(store: Store): (ReleaseWindow & { row: ReleaseRow })[] {
  return store.releases.live().flatMap((row) => {
    const phases = store.releases.latestPlan(row)?.timeline.phases ?? [];
    if (phases.length === 0) return [];
    let startsOn = phases[0]?.startsOn ?? '';
    let endsOn = phases[0]?.endsOn ?? '';
    let releaseOn: string | null = null;
    for (const phase of phases) {
      if (phase.startsOn < startsOn) startsOn = phase.startsOn;
      if (phase.endsOn > endsOn) endsOn = phase.endsOn;
      if (phase.key === 'release_day' && (releaseOn === null || phase.endsOn > releaseOn))
        releaseOn = phase.endsOn;
    }
    const { version, timeZone, status, slackChannel, startDate } = row;
    return [
      {
        version,
        timeZone,
        status,
        slackChannel,
        week1On: startDate,
        startsOn,
        endsOn,
        releaseOn: releaseOn ?? endsOn,
        row,
      },
    ];
  });
}

/** The named release, or (no version) the one chooseRelease picks without a channel. */
export function findRelease(deps: Deps, version?: string): ReleaseRow {
  return version === undefined ? chooseRelease(deps, null).release : releaseByVersion(deps, version);
}

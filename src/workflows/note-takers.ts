import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { seriesDates } from '../domain/due-occurrences';
import { meetingMoment } from '../domain/meeting-schedule';
import {
  assignNoteTakers,
  planSwap,
  rotationMembers,
  type NoteTakerTurn,
  type RotationMember,
} from '../domain/note-taker-rotation';
import { UserError } from '../errors';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { announcedNoteTakers, followNoteTakerChanges } from './note-taker-changes';
import { loadReleaseSchedule } from './release-schedule';
import { md, user, type Mrkdwn } from '../text/mrkdwn';

export interface Rotation {
  release: ReleaseRow;
  members: RotationMember[];
  /** One per meeting of the series, in order, with its start. */
  turns: (NoteTakerTurn & { at: DateTime })[];
}

const NO_MEETING_HINT = md`The release manager sets the weekly meeting with \`/kfrelease meeting set tue 16:00\`, e.g.`;

/** The note-taker of every meeting of a release, from its team, away dates and swaps. */
export function noteTakerTurns(
  store: Store,
  release: ReleaseRow,
): { members: RotationMember[]; turns: NoteTakerTurn[] } {
  const schedule = loadReleaseSchedule(store, release);
  if (!schedule?.meeting) {
    throw new UserError(
      'not_found',
      md`${release.version} has no release team meeting yet.`,
      NO_MEETING_HINT,
    );
  }
  const members = rotationMembers(store.team.assignments(release.id));
  const turns = assignNoteTakers({
    members,
    meetingDates: seriesDates(schedule),
    away: store.rotation.away(),
    overrides: store.rotation.overrides(release.id),
  });
  return { members, turns };
}

/** The rotation with each meeting's start, for what needs to compare it with now. */
export function noteTakerRotation(store: Store, release: ReleaseRow): Rotation {
  const meeting = store.meetings.meeting(release.id);
  const { members, turns } = noteTakerTurns(store, release);
  if (!meeting) throw new Error(`meeting of ${release.version} vanished`);
  return { release, members, turns: turns.map((t) => ({ ...t, at: meetingMoment(meeting, t.meetingOn) })) };
}

/** Who takes the notes at the meeting on `meetingOn`, if anyone. */
export function noteTakerOn(store: Store, release: ReleaseRow, meetingOn: string): RotationMember | null {
  return noteTakerTurns(store, release).turns.find((t) => t.meetingOn === meetingOn)?.member ?? null;
}

export interface NoteTakersView {
  version: string;
  members: RotationMember[];
  /** The next few meetings and their note-takers, the first being the next meeting. */
  upcoming: { meetingOn: string; at: string; member: RotationMember | null; swapped: boolean }[];
}

/** `/kfrelease notetaker`: who takes the notes next, and after that. */
export function getNoteTakers(deps: { store: Store; clock: Clock }, version?: string): NoteTakersView {
  const rotation = noteTakerRotation(deps.store, findRelease(deps, version));
  const now = deps.clock.now();
  return {
    version: rotation.release.version,
    members: rotation.members,
    upcoming: rotation.turns
      .filter((t) => t.at > now)
      .slice(0, 4)
      .map((t) => ({ ...t, at: t.at.toISO() ?? '' })),
  };
}

function memberOf(rotation: Rotation, slackId: string, who: Mrkdwn): RotationMember {
  const member = rotation.members.find((m) => m.slackId === slackId);
  if (!member) {
    throw new UserError(
      'forbidden',
      md`${who} not a release team member (WG liaison) of ${rotation.release.version}, so not in the note-taking rotation.`,
      md`See the team with \`/kfrelease team\`.`,
    );
  }
  return member;
}

/**
 * Swaps the caller's next note-taking turn with another member's: both must be release team
 * members (liaisons). The other takes the caller's next turn; the caller takes theirs.
 */
export function swapNoteTaker(
  deps: { store: Store; clock: Clock },
  input: { userId: string; with: string; version?: string },
) {
  const release = findRelease(deps, input.version);
  requireLive(release);
  const rotation = noteTakerRotation(deps.store, release);
  const from = memberOf(rotation, input.userId, md`You are`);
  const to = memberOf(rotation, input.with, md`${user(input.with)} is`);
  if (from.github === to.github) throw new UserError('bad_argument', md`Pick someone else to swap with.`);
  const now = deps.clock.now();
  const today = now.setZone(release.timeZone).toISODate() ?? '';
  const upcoming = rotation.turns.filter((t) => t.at > now);
  const plan = planSwap({ turns: upcoming, away: deps.store.rotation.away(), from, to, today });
  if (!plan.ok)
    throw new UserError('conflict', md`${plan.problem}`, md`Mark away dates with \`/kfrelease away\`.`);
  const at = now.toUTC().toISO() ?? '';
  const announced = announcedNoteTakers(deps);
  deps.store.transaction(() => {
    for (const o of plan.overrides)
      deps.store.rotation.setOverride(release.id, o.meetingOn, o.github, input.userId, at);
    followNoteTakerChanges(deps, announced);
    deps.store.audit.record({
      at,
      actor: input.userId,
      releaseId: release.id,
      action: 'note_taker.swapped',
      details: { from: from.github, to: to.github, overrides: plan.overrides },
    });
  });
  return { version: release.version, from, to, overrides: plan.overrides };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (d: string) => ISO_DATE.test(d) && DateTime.fromISO(d).isValid;

/** Marks the caller away on the dates from `fromOn` to `toOn` (inclusive): the rotation skips them. */
export function markAway(
  deps: { store: Store; clock: Clock },
  input: { userId: string; fromOn: string; toOn?: string },
) {
  const toOn = input.toOn ?? input.fromOn;
  const bad = [input.fromOn, toOn].filter((d) => !isCalendarDate(d));
  if (bad.length > 0) {
    throw new UserError(
      'bad_argument',
      md`${bad.join(' and ')} is not a date.`,
      md`Write dates as YYYY-MM-DD, e.g. \`/kfrelease away 2026-05-18 2026-05-22\`.`,
    );
  }
  if (toOn < input.fromOn)
    throw new UserError(
      'bad_argument',
      md`${toOn} is before ${input.fromOn}.`,
      md`Give the first day, then the last.`,
    );
  if (DateTime.fromISO(toOn).diff(DateTime.fromISO(input.fromOn), 'days').days > 180) {
    throw new UserError('bad_argument', md`Mark at most 180 days at a time.`);
  }
  const github = knownPerson(deps, input.userId);
  const at = deps.clock.now().toUTC().toISO() ?? '';
  const announced = announcedNoteTakers(deps);
  deps.store.transaction(() => {
    deps.store.rotation.addAway(github, input.fromOn, toOn, at);
    followNoteTakerChanges(deps, announced);
    deps.store.audit.record({
      at,
      actor: input.userId,
      releaseId: null,
      action: 'away.added',
      details: { github, fromOn: input.fromOn, toOn },
    });
  });
  return { fromOn: input.fromOn, toOn };
}

/** The GitHub login of a person kfrelease knows from a team file; refuses anyone else. */
function knownPerson(deps: { store: Store }, userId: string): string {
  const github = deps.store.team.githubOfSlackId(userId);
  if (github) return github;
  throw new UserError(
    'not_found',
    md`kfrelease does not know you yet.`,
    md`Ask the release manager to add you to the team file with your Slack ID.`,
  );
}

/** The dates a person is away from today on (periods under way included), earliest first. */
export function listAway(deps: { store: Store; clock: Clock }, input: { userId: string }) {
  return awayFromToday(deps, knownPerson(deps, input.userId));
}

function awayFromToday(deps: { store: Store; clock: Clock }, github: string) {
  const today = deps.clock.now().toUTC().toISODate() ?? '';
  return { today, periods: deps.store.rotation.awayOf(github).filter((p) => p.toOn >= today) };
}

/**
 * Takes back away dates that have not started yet (a period under way or over stays, so the
 * note-taker turns already given out stay as they were). Refuses, listing the person's periods,
 * when none starts on that date.
 */
export function cancelAway(deps: { store: Store; clock: Clock }, input: { userId: string; fromOn: string }) {
  const github = knownPerson(deps, input.userId);
  if (!isCalendarDate(input.fromOn)) {
    throw new UserError(
      'bad_argument',
      md`${input.fromOn} is not a date.`,
      md`Give the first day of the away dates as YYYY-MM-DD, e.g. \`/kfrelease away cancel 2026-05-18\`.`,
    );
  }
  const { today, periods } = awayFromToday(deps, github);
  const yours = periods.map((p) => (p.fromOn === p.toOn ? p.fromOn : `${p.fromOn} to ${p.toOn}`));
  const period = periods.find((p) => p.fromOn === input.fromOn);
  if (!period) {
    throw new UserError(
      'not_found',
      md`You have no away dates starting on ${input.fromOn}.`,
      yours.length > 0
        ? md`Yours: ${yours.join(', ')}. Give the first day of the one to take back.`
        : md`You have no away dates from today on.`,
    );
  }
  if (period.fromOn <= today) {
    throw new UserError(
      'conflict',
      md`Your away dates from ${period.fromOn} have started, so they stay: the note-taker turns given out meanwhile stay as they were.`,
    );
  }
  const at = deps.clock.now().toUTC().toISO() ?? '';
  const announced = announcedNoteTakers(deps);
  deps.store.transaction(() => {
    deps.store.rotation.removeAway(github, period.fromOn);
    followNoteTakerChanges(deps, announced);
    deps.store.audit.record({
      at,
      actor: input.userId,
      releaseId: null,
      action: 'away.cancelled',
      details: { github, fromOn: period.fromOn, toOn: period.toOn },
    });
  });
  return period;
}

import { DateTime } from 'luxon';
import type { ReleaseRow } from '../db/release-repository';
import { meetingSpan, occurrencesBetween, type OccurrenceKind } from '../domain/due-occurrences';
import { addDays, localMoment } from '../domain/meeting-schedule';
import { UserError } from '../errors';
import type { AgendaDeps } from './agenda-facts';
import { findRelease } from './find-release';
import { occurrencePosts } from './occurrence-posts';
import type { Notice } from './notice';
import { loadReleaseSchedule } from './release-schedule';
import { md } from '../text/mrkdwn';

/** One post a rehearsal shows: when, where, what. */
export interface RehearsedPost {
  /** UTC ISO timestamp. */
  at: string;
  /** The same moment in the release's zone, e.g. "Mon 2026-03-02 16:00 +01:00". */
  local: string;
  kind: OccurrenceKind;
  key: string;
  channel: string;
  notice: Notice;
}

export interface Rehearsal {
  version: string;
  zone: string;
  from: string;
  to: string;
  posts: RehearsedPost[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateArg(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!ISO_DATE.test(value) || !DateTime.fromISO(value).isValid) {
    throw new UserError(
      'bad_argument',
      md`--${name} ${value} is not a date.`,
      md`Write it as YYYY-MM-DD, e.g. --from 2026-03-02.`,
    );
  }
  return value;
}

/**
 * Every post kfrelease would make for a release from `from` to `to` (calendar dates in the
 * release's zone, inclusive; default: today to the end of the cycle), in order, with its time and
 * channel, built by the same due computation and builders as the real jobs from the state as it
 * is now. Writes nothing and ignores what already ran: it shows the plan.
 */
export function rehearse(
  deps: AgendaDeps,
  input: { version?: string; from?: string; to?: string } = {},
): Rehearsal {
  const release: ReleaseRow = findRelease(deps, input.version);
  const schedule = loadReleaseSchedule(deps.store, release);
  if (!schedule) throw new Error(`release ${release.version} has no plan`);
  const zone = release.timeZone;
  const fromOn = dateArg(input.from, 'from') ?? deps.clock.now().setZone(zone).toISODate() ?? '';
  const span = meetingSpan(schedule.timeline);
  const toOn = dateArg(input.to, 'to') ?? span.toOn;
  if (input.to === undefined && toOn < fromOn) {
    // No --to was given: the cycle itself is over by the first day asked for.
    const since = input.from === undefined ? `today (${fromOn})` : `--from ${fromOn}`;
    throw new UserError(
      'bad_argument',
      md`The cycle of Kubeflow ${release.version} ended on ${span.toOn}, before ${since}: there is nothing left to rehearse.`,
      md`Rehearse a span of it with --from and --to, e.g. kfrelease rehearse ${release.version} --from ${span.fromOn} --to ${addDays(span.fromOn, 13)}`,
    );
  }
  if (toOn < fromOn) throw new UserError('bad_argument', md`--to ${toOn} is before --from ${fromOn}.`);
  const from = localMoment(fromOn, '00:00', zone);
  const to = localMoment(addDays(toOn, 1), '00:00', zone);
  const posts = occurrencesBetween(schedule, from, to).flatMap((occurrence) =>
    occurrencePosts(deps, release, occurrence).map((post) => ({
      at: occurrence.dueAt.toUTC().toISO() ?? '',
      local: occurrence.dueAt.setZone(zone).toFormat('ccc yyyy-MM-dd HH:mm ZZ'),
      kind: occurrence.kind,
      key: post.key,
      channel: post.channel,
      notice: post.notice,
    })),
  );
  return { version: release.version, zone, from: fromOn, to: toOn, posts };
}

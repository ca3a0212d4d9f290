import type { DateTime } from 'luxon';
import type { ReleaseRow } from '../db/release-repository';
import type { Logger } from '../logger';
import type { Occurrence } from '../domain/due-occurrences';
import { describeMeeting } from '../domain/meeting-schedule';
import { formatOffset } from '../domain/reminders';
import type { Notice } from './notice';
import type { AgendaDeps } from './agenda-facts';
import { releaseManagerIds } from './authority';
import { computeDue } from './compute-due';
import { occurrencePosts } from './occurrence-posts';
import { enqueuePosts } from './enqueue-posts';
import { applyOccurrence } from './occurrence-effects';

export interface JobRunSummary {
  /** Occurrences run now (posted, or with nothing to say). */
  ran: string[];
  /** Occurrences skipped because their time had passed. */
  skipped: string[];
  /** Posts queued in the outbox. */
  posts: number;
  /** Occurrences that failed to build; they are tried again on the next tick. */
  failed: string[];
}

const iso = (at: DateTime) => at.toUTC().toISO() ?? '';

/** "Agenda for the meeting of Tue 12 May 2026, 16:00 Europe/Berlin", for the missed-posts note. */
export function describeOccurrence(o: Occurrence, zone: string): string {
  if (o.meeting) {
    const what = o.kind === 'agenda' ? 'Agenda' : "Note-taker's notice";
    return `${what} for the meeting of ${describeMeeting(o.meeting.at, zone)}`;
  }
  if (o.kind === 'phase_start' && o.phase)
    return `Start of ${o.phase.name}: features not landed turn at risk`;
  if (o.phase) return `Check of the criteria of ${o.phase.name}, which ended ${o.phase.endsOn}`;
  const name = o.deadline ? `${o.deadline.name} (due ${o.deadline.dueOn})` : o.key;
  if (o.kind === 'escalation') return `Escalation of ${name}`;
  return `Reminder ${o.offset ? formatOffset(o.offset) : ''} before ${name}`;
}

/**
 * Runs everything due at `at`, each occurrence exactly once: its posts are built from live state,
 * then one transaction records the occurrence in job_runs (unique key), makes the changes it makes
 * (see applyOccurrence) and queues the posts in the outbox. A second run, or a second process,
 * finds the key and does nothing; a crash before the commit leaves no trace and the next tick runs
 * it again. Occurrences whose time passed while kfrelease was down are recorded as skipped, and
 * each release manager gets one note listing them.
 */
export function runDueJobs(deps: AgendaDeps & { logger: Logger }, at: DateTime): JobRunSummary {
  const summary: JobRunSummary = { ran: [], skipped: [], posts: 0, failed: [] };
  const log = deps.logger.child({ component: 'jobs' });
  for (const due of computeDue(deps, at)) {
    for (const occurrence of due.run) runOne(deps, due.release, occurrence, at, summary, log);
    if (due.skip.length > 0) skipAll(deps, due.release, due.skip, at, summary);
  }
  if (summary.ran.length + summary.skipped.length > 0)
    log.info({ at: iso(at), ...summary }, 'scheduled jobs ran');
  return summary;
}

function runOne(
  deps: AgendaDeps,
  release: ReleaseRow,
  occurrence: Occurrence,
  at: DateTime,
  summary: JobRunSummary,
  log: Logger,
): void {
  const { store } = deps;
  try {
    const posts = occurrencePosts(deps, release, occurrence);
    const recorded = store.transaction(() => {
      const fresh = store.jobRuns.record({
        key: occurrence.key,
        releaseId: release.id,
        kind: occurrence.kind,
        dueAt: iso(occurrence.dueAt),
        ranAt: iso(at),
        outcome: posts.length > 0 ? 'posted' : 'nothing_to_say',
        posts: posts.length,
      });
      if (!fresh) return fresh;
      applyOccurrence(store, release, occurrence, iso(at));
      enqueuePosts(store, release.id, posts, iso(at));
      return fresh;
    });
    if (!recorded) return;
    summary.ran.push(occurrence.key);
    summary.posts += posts.length;
  } catch (error) {
    summary.failed.push(occurrence.key);
    log.error(
      { err: error, key: occurrence.key, release: release.version },
      'scheduled job failed; retrying next tick',
    );
  }
}

function skipAll(
  deps: AgendaDeps,
  release: ReleaseRow,
  skip: Occurrence[],
  at: DateTime,
  summary: JobRunSummary,
): void {
  const { store } = deps;
  const recorded = store.transaction(() => {
    const fresh = skip.filter((o) =>
      store.jobRuns.record({
        key: o.key,
        releaseId: release.id,
        kind: o.kind,
        dueAt: iso(o.dueAt),
        ranAt: iso(at),
        outcome: 'skipped',
        posts: 0,
      }),
    );
    if (fresh.length === 0) return fresh;
    const notice: Notice = {
      kind: 'missed_posts',
      version: release.version,
      items: fresh.map((o) => describeOccurrence(o, release.timeZone)),
    };
    const key = `missed:${release.id}:${iso(at)}`;
    const managers = releaseManagerIds(store, release.id);
    const targets = managers.length > 0 ? managers : release.slackChannel ? [release.slackChannel] : [];
    enqueuePosts(
      store,
      release.id,
      targets.map((channel) => ({ key: `${key}:${channel}`, channel, notice })),
      iso(at),
    );
    summary.posts += targets.length;
    return fresh;
  });
  summary.skipped.push(...recorded.map((o) => o.key));
}

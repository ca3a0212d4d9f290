import { DateTime } from 'luxon';

/**
 * The hours of the day, in a release's zone, at which release upkeep must run for a bot that
 * runs all the time to be matched: 00:00, when the date changes (a finished release is closed by
 * date), and 09:00, when working hours start (src/jobs/release-upkeep.ts sends the weekly docs
 * reminder and the release-day announcement draft on its first run in working hours of the day).
 */
export const UPKEEP_HOURS = [0, 9] as const;

/** What a sandbox jump runs at each instant it passes through, in this order. */
export interface TimeRunners {
  /** Moves the clock the whole app reads. */
  setClock(at: DateTime): void;
  /**
   * The instants in (after, until] at which a scheduled job not yet done falls due (an agenda, a
   * note-taker notice, a reminder, an escalation, a phase-end check), as the database says now.
   */
  dueInstants(after: DateTime, until: DateTime): DateTime[];
  /** The time zones of the releases upkeep looks after. */
  zones(): string[];
  /** The scheduled jobs due at `at`: how many ran, and how many were skipped as too late. */
  runJobs(at: DateTime): { ran: number; skipped: number };
  /** Release upkeep: closing, blocker sync, RC tags, tracking issue, daily notices. */
  upkeep(at: DateTime): Promise<void>;
  /** Validation of revisions GitHub could not check in time. */
  revalidate(at: DateTime): Promise<void>;
  /** Delivers what the outbox holds and waits until it is in Slack. */
  deliver(at: DateTime): Promise<void>;
  /**
   * How many messages that became due in (after, until] are in Slack now: counted from the
   * outbox, since the app's own background sender may have posted some of them first.
   */
  posted(after: DateTime, until: DateTime): number;
}

export interface PassTimeSummary {
  from: DateTime;
  to: DateTime;
  /** The instants run, in order. */
  steps: DateTime[];
  /** Scheduled jobs that ran. */
  ran: number;
  /** Scheduled jobs skipped as too late: none, unless a job failed until it expired. */
  skipped: number;
  /** Messages the jump posted to Slack. */
  posted: number;
}

/** The upkeep instants in (after, until]: UPKEEP_HOURS of each day, in each zone. */
export function upkeepInstants(after: DateTime, until: DateTime, zones: readonly string[]): DateTime[] {
  const instants: DateTime[] = [];
  for (const zone of new Set(zones)) {
    const last = until.setZone(zone).startOf('day');
    for (let day = after.setZone(zone).startOf('day'); day <= last; day = day.plus({ days: 1 })) {
      for (const hour of UPKEEP_HOURS) {
        const at = day.set({ hour });
        if (at > after && at <= until) instants.push(at);
      }
    }
  }
  return instants;
}

/** The earliest instant in (after, until] that needs a run; `until` itself when nothing earlier. */
function nextInstant(runners: TimeRunners, after: DateTime, until: DateTime): DateTime {
  const candidates = [
    ...runners.dueInstants(after, until),
    ...upkeepInstants(after, until, runners.zones()),
  ].filter((at) => at > after && at < until);
  return candidates.reduce((earliest, at) => (at < earliest ? at : earliest), until);
}

/**
 * Moves the clock from `from` to `to` as if kfrelease had been running all along: it stops at
 * every instant in between at which something falls due and there runs the scheduled jobs,
 * release upkeep, revalidation and delivery, in that order, then at `to` itself. The next stop is
 * asked for after each run, since a run can change what is due (a found RC tag, a re-plan).
 *
 * Upkeep runs every 10 minutes in a real process, but its outcome only changes with the state
 * of GitHub, the database and the date, so it need not run at every 10-minute mark: the stops
 * are each due job (upkeep then sees what the job saw), the start of each day and of each
 * working day in each release's zone (UPKEEP_HOURS), and the end of the jump. Nothing that a
 * running bot would post is skipped, and each post goes out at the instant it would have.
 */
export async function passTime(params: {
  from: DateTime;
  to: DateTime;
  runners: TimeRunners;
}): Promise<PassTimeSummary> {
  const { from, to, runners } = params;
  const summary: PassTimeSummary = { from, to, steps: [], ran: 0, skipped: 0, posted: 0 };
  if (to <= from) return summary;
  let now = from;
  while (now < to) {
    const at = nextInstant(runners, now, to);
    runners.setClock(at);
    const jobs = runners.runJobs(at);
    await runners.upkeep(at);
    await runners.revalidate(at);
    await runners.deliver(at);
    summary.ran += jobs.ran;
    summary.skipped += jobs.skipped;
    summary.steps.push(at);
    now = at;
  }
  summary.posted = runners.posted(from, to);
  return summary;
}

import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { SlackPostError, toSlackPostError, type SlackPoster } from '../slack/slack-poster';
import { excerptOf, failureReport, isFailureReport } from './failure-report';
import type { OutboxContent, OutboxRepository, OutboxRow } from './outbox-repository';

/** A row's content as Slack takes it: the fallback text (mrkdwn) and the blocks. */
export type RenderOutbox = (content: OutboxContent) => { text: string; blocks: unknown[] };

export interface OutboxSenderParams {
  outbox: OutboxRepository;
  poster: SlackPoster;
  /** Turns a row's notice into the message (src/slack/notices). */
  render: RenderOutbox;
  clock: Clock;
  logger: Logger;
  /** Slack user IDs to tell when a message of this release (or of none) cannot be posted. */
  releaseManagers: (releaseId: number | null) => string[];
  /** Attempts before a message that keeps failing is given up; default 6. */
  maxAttempts?: number;
  /** Rows handled per run at most; default 100. */
  batchSize?: number;
  /**
   * Runs writes as one transaction (`store.transaction`), so a message is never marked failed
   * without its reports being queued. Default: runs them as they come.
   */
  transaction?: <T>(work: () => T) => T;
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

export interface OutboxSender {
  /** One delivery run over the rows due now; waits for a run already going, then runs. */
  deliverDue(): Promise<DeliveryResult>;
  /** Asks for a run soon; kicks during a run add at most one more run after it. */
  kick(): void;
  /** Kicks now and then every `intervalMs`. */
  start(intervalMs: number): void;
  /** No more timed runs or kicks; waits for the runs already going or asked for. */
  stop(): Promise<void>;
}

type Outcome = keyof DeliveryResult;

/** Seconds to wait after the `attempt`-th attempt failed: 5, 10, 20, ... at most 10 minutes. */
export function backoffSeconds(attempt: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempt - 1), 600);
}

function iso(at: DateTime): string {
  return at.toUTC().toISO() ?? '';
}

function isUserId(channel: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(channel);
}

function describe(failure: SlackPostError): string {
  return failure.message.includes(failure.code) ? failure.message : `${failure.code}: ${failure.message}`;
}

/**
 * Delivers the outbox to Slack, each message exactly once: an attempt is counted before it is
 * made, and any attempt after the first looks for the message in the conversation (by the key in
 * its metadata) before posting, so neither a lost answer nor a crash between posting and
 * recording posts twice. Messages that cannot be delivered stay in the database as failed and
 * are reported to the release managers by direct message.
 */
export function createOutboxSender(params: OutboxSenderParams): OutboxSender {
  const { outbox, poster, clock } = params;
  const maxAttempts = params.maxAttempts ?? 6;
  const batchSize = params.batchSize ?? 100;
  const transaction = params.transaction ?? (<T>(work: () => T): T => work());
  const log = params.logger.child({ component: 'outbox-sender' });

  /** The message of a row; a notice that cannot be rendered is a bug no retry mends. */
  function render(row: OutboxRow): { text: string; blocks: unknown[] } {
    try {
      return params.render(row.content);
    } catch (error) {
      log.error({ err: error, key: row.key }, 'message could not be rendered');
      throw new SlackPostError(
        'permanent',
        'render_failed',
        `the message could not be written: ${String(error)}`,
      );
    }
  }

  /**
   * Edits the message an entry replaces, where it was posted. Before that message is posted, the
   * edit waits; when it was never posted (given up), there is nothing to edit.
   */
  async function deliverEdit(row: OutboxRow & { replaces: string }, attempt: number): Promise<Outcome> {
    const original = outbox.byKey(row.replaces);
    if (!original || original.status === 'failed') {
      outbox.markFailed(row.id, `the message it edits (${row.replaces}) was never posted`, iso(clock.now()));
      log.warn({ key: row.key, replaces: row.replaces }, 'nothing to edit: the message was never posted');
      return 'failed';
    }
    if (original.status !== 'sent' || !original.postedChannel || !original.messageTs) {
      outbox.markAttemptFailed(
        row.id,
        `waiting for ${row.replaces} to be posted`,
        iso(clock.now().plus({ seconds: backoffSeconds(attempt) })),
      );
      return 'retried';
    }
    const message = render(row);
    await poster.update({ channel: original.postedChannel, ts: original.messageTs, ...message });
    outbox.markSent(
      row.id,
      { postedChannel: original.postedChannel, ts: original.messageTs },
      iso(clock.now()),
    );
    return 'sent';
  }

  async function deliverRow(row: OutboxRow): Promise<Outcome | 'skipped'> {
    // Should this attempt never report back (the process died), the row comes due again after the
    // backoff, and that attempt looks in Slack first.
    const retryAt = clock.now().plus({ seconds: backoffSeconds(row.attempts + 1) });
    const attempt = outbox.claim(row.id, row.attempts, iso(retryAt));
    if (attempt === null) return 'skipped';
    try {
      if (row.replaces) return await deliverEdit({ ...row, replaces: row.replaces }, attempt);
      const message = render(row);
      const conversation = isUserId(row.channel) ? await poster.openDirectMessage(row.channel) : row.channel;
      // An earlier attempt may have posted and lost the answer, or died before recording it.
      const found = attempt > 1 ? await poster.findByKey(conversation, row.key, { seq: row.id }) : null;
      if (found) {
        outbox.markSent(row.id, { postedChannel: conversation, ts: found }, iso(clock.now()));
        log.info({ key: row.key, channel: conversation }, 'message was already posted; recorded it');
        return 'sent';
      }
      const posted = await poster.post({
        channel: conversation,
        text: message.text,
        blocks: message.blocks,
        key: row.key,
        seq: row.id,
        attempt,
      });
      outbox.markSent(row.id, { postedChannel: posted.channel, ts: posted.ts }, iso(clock.now()));
      return 'sent';
    } catch (error) {
      return handleFailure(row, attempt, toSlackPostError(error, 'delivery'));
    }
  }

  function handleFailure(row: OutboxRow, attempt: number, failure: SlackPostError): Outcome {
    const error = describe(failure);
    if (failure.kind === 'permanent' || attempt >= maxAttempts) {
      giveUp(row, attempt, failure);
      return 'failed';
    }
    const waitSeconds =
      failure.kind === 'rate_limited' ? (failure.retryAfterSeconds ?? 60) : backoffSeconds(attempt);
    const nextAttemptAt = iso(clock.now().plus({ seconds: waitSeconds }));
    outbox.markAttemptFailed(row.id, error, nextAttemptAt);
    const data = { key: row.key, channel: row.channel, error, attempt, nextAttemptAt };
    if (failure.kind === 'rate_limited') log.warn(data, 'Slack rate-limited the post, will retry');
    else log.warn(data, 'post failed, will retry');
    return 'retried';
  }

  function giveUp(row: OutboxRow, attempt: number, failure: SlackPostError): void {
    const error = describe(failure);
    const now = iso(clock.now());
    const data = { key: row.key, channel: row.channel, error, attempts: attempt };
    if (isFailureReport(row.key)) {
      // Reporting a failed report would only fail the same way again: the log is the last word.
      outbox.markFailed(row.id, error, now);
      log.error(data, 'failure report could not be posted; kept in the outbox as failed');
      return;
    }
    const managers = managersOf(row);
    const excerpt = excerptFor(row);
    transaction(() => {
      outbox.markFailed(row.id, error, now);
      for (const manager of managers) {
        outbox.enqueue(failureReport({ ...row, attempts: attempt }, failure, manager, excerpt), now);
      }
    });
    log.error({ ...data, reportedTo: managers }, 'message could not be posted; kept in the outbox as failed');
  }

  function excerptFor(row: OutboxRow): string {
    try {
      return excerptOf(params.render(row.content).text);
    } catch {
      return 'notice' in row.content ? `(a ${row.content.notice.kind} message)` : '';
    }
  }

  function managersOf(row: OutboxRow): string[] {
    try {
      const managers = [...new Set(params.releaseManagers(row.releaseId))];
      if (managers.length === 0)
        log.error({ key: row.key }, 'no release manager to tell about a failed message');
      return managers;
    } catch (err) {
      log.error({ key: row.key, err }, 'could not look up the release managers to tell');
      return [];
    }
  }

  async function runOnce(): Promise<DeliveryResult> {
    const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
    const rows = outbox.due(iso(clock.now()), batchSize);
    // A conversation whose message must wait gets nothing more this run: later messages would
    // overtake it, and a rate-limited channel must be left alone.
    const held = new Set<string>();
    for (const row of rows) {
      if (held.has(row.channel)) continue;
      const outcome = await deliverRow(row);
      // Claimed by another sender: it keeps the conversation's order, this run leaves it alone.
      if (outcome === 'skipped') held.add(row.channel);
      else result[outcome] += 1;
      if (outcome === 'retried') held.add(row.channel);
    }
    if (rows.length > 0) log.debug({ due: rows.length, ...result }, 'delivery run finished');
    return result;
  }

  let running: Promise<DeliveryResult> | null = null;
  let queued: Promise<DeliveryResult> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: NodeJS.Timeout | undefined;
  let intervalMs = 0;
  let stopped = false;

  /**
   * While the sender runs on its interval, a row that comes due before the next tick (a retry after
   * a short backoff) gets a run of its own at that moment.
   */
  function wakeForNextDue(): void {
    if (stopped || !timer) return;
    const next = outbox.nextAttemptAt(iso(clock.now()));
    if (!next) return;
    const waitMs = DateTime.fromISO(next, { zone: 'utc' }).toMillis() - clock.now().toMillis();
    if (waitMs <= 0 || waitMs >= intervalMs) return;
    clearTimeout(wakeUp);
    wakeUp = setTimeout(kick, waitMs + 50);
    wakeUp.unref();
  }

  function startRun(): Promise<DeliveryResult> {
    let gaveUp = false;
    const run = runOnce()
      .then((result) => {
        gaveUp = result.failed > 0;
        return result;
      })
      .finally(() => {
        if (running === run) running = null;
        // A message given up on left reports to the release managers, due now: send them in a run
        // of their own rather than after the next interval.
        if (gaveUp && timer && !stopped) {
          kick();
          return;
        }
        try {
          wakeForNextDue();
        } catch (err) {
          log.warn({ err }, 'could not read when the next message comes due');
        }
      });
    running = run;
    return run;
  }

  function deliverDue(): Promise<DeliveryResult> {
    if (queued) return queued;
    if (!running) return startRun();
    queued = running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return startRun();
      });
    return queued;
  }

  function kick(): void {
    if (stopped) return;
    deliverDue().catch((err: unknown) => log.error({ err }, 'delivery run failed'));
  }

  return {
    deliverDue,
    kick,
    start(every) {
      if (!Number.isInteger(every) || every <= 0) {
        throw new RangeError(`intervalMs must be a whole number of milliseconds > 0, got ${every}`);
      }
      stopped = false;
      if (timer) return;
      intervalMs = every;
      timer = setInterval(kick, every);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(wakeUp);
      timer = undefined;
      await Promise.allSettled([running, queued]);
    },
  };
}

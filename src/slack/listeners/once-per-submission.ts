import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AppServices } from '../../app-services';
import { createViewSubmissionRepository } from '../../db/view-submission-repository';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
export type ViewListener = (args: ViewArgs) => Promise<void>;
type Ack = (response?: unknown) => Promise<void>;

/** How long a submission's answer is kept for a replay: Slack retries within minutes. */
const KEEP_MS = 24 * 60 * 60 * 1000;

const isErrors = (response: unknown) =>
  typeof response === 'object' && response !== null && 'response_action' in response
    ? (response as { response_action: unknown }).response_action === 'errors'
    : false;

/** One submission of a form: its hash (it changes whenever the form does) and what was filled in. */
function submissionDigest(view: ViewArgs['view']): string {
  return createHash('sha256')
    .update(JSON.stringify([view.hash ?? '', view.private_metadata, view.state.values]))
    .digest('hex');
}

/**
 * Wraps a form's listener so that each submission (the view's ID, its hash, which changes whenever
 * the form does, and what was filled in) is acted on once: the same submission again, a replayed request, a double click
 * or Slack's retry, is answered as the first one was and changes nothing, whether it comes after
 * the first was answered (recorded in the database) or while it is still being handled. A refusal
 * (the form's errors) changed nothing and is not recorded: the form can be sent again.
 */
export function oncePerSubmission(services: AppServices): (listener: ViewListener) => ViewListener {
  const submissions = createViewSubmissionRepository(services.store.db);
  const log = services.logger.child({ component: 'form-submissions' });
  const inFlight = new Map<string, Promise<{ response: unknown } | null>>();

  function earlierAnswer(viewId: string, submission: string): { response: unknown } | null {
    try {
      return submissions.find(viewId, submission);
    } catch (error) {
      log.warn({ err: error }, 'could not look up earlier submissions; handling it as new');
      return null;
    }
  }

  function remember(args: ViewArgs, submission: string, response: unknown): void {
    const at = services.clock.now();
    try {
      submissions.record({
        viewId: args.view.id,
        submission,
        callbackId: args.view.callback_id,
        userId: args.body.user.id,
        response: response ?? null,
        at: at.toISO() ?? '',
      });
      submissions.prune(at.minus({ milliseconds: KEEP_MS }).toISO() ?? '');
    } catch (error) {
      log.warn({ err: error }, 'could not record the submission');
    }
  }

  return (listener) => async (args) => {
    const submission = submissionDigest(args.view);
    const key = `${args.view.id}\n${submission}`;
    const context = { view: args.view.id, callbackId: args.view.callback_id, user: args.body.user.id };
    const earlier = earlierAnswer(args.view.id, submission) ?? (await inFlight.get(key)) ?? null;
    if (earlier) {
      log.info(context, 'the same form submission again: answered as the first time, nothing changed');
      await (args.ack as Ack)(earlier.response ?? undefined);
      return;
    }
    let settle: (answer: { response: unknown } | null) => void = () => undefined;
    inFlight.set(key, new Promise((resolve) => (settle = resolve)));
    const ack: Ack = async (response) => {
      if (!isErrors(response)) remember(args, submission, response);
      settle(isErrors(response) ? null : { response: response ?? null });
      await (args.ack as Ack)(response);
    };
    try {
      await listener({ ...args, ack } as ViewArgs);
    } finally {
      inFlight.delete(key);
      settle(null);
    }
  };
}

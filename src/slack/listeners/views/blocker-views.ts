import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { retryWhileBusy } from '../../../db/database-busy';
import type { SlackRouter } from '../slack-router';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import type { TriageAction } from '../../../domain/blocker-triage';
import { findRelease } from '../../../workflows/find-release';
import { submitBlockers, type SubmitBlockersResult } from '../../../workflows/submit-blockers';
import { TriageRefusal, triageBlocker } from '../../../workflows/triage-blocker';
import {
  BLOCKER_FORM_VIEW,
  blockerFormView,
  blockersSavedView,
  formBlockIds,
  TRIAGE_BLOCKER_VIEW,
  type BlockerFormParams,
} from '../../blocks/blocker-form-view';
import { fieldErrorFor } from '../slack-answers';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const formMetadata = z.object({ release: z.string(), attempt: z.number().int().min(0).max(1000) });
const triageMetadata = z.object({ blockerId: z.number().int().positive(), channel: z.string().nullable() });
const triageAction = z.enum(['at_risk', 'punt', 'release_blocking']);

function metadata<T>(schema: z.ZodType<T>, raw: string): T | null {
  try {
    return schema.parse(JSON.parse(raw || '{}'));
  } catch {
    return null;
  }
}

/**
 * How a checked submission is answered. Lines that could not be saved while others were come back
 * in a re-rendered form holding only those lines, each problem listed above them (`update`): the
 * saved ones are not typed twice. When nothing was saved, the problems go next to the field
 * (`errors`) and the text stays as typed.
 */
function answerFor(
  result: Extract<SubmitBlockersResult, { kind: 'checked' }>,
  form: Omit<BlockerFormParams, 'wg'>,
) {
  const { saved, alreadyTracked, problems } = result;
  if (problems.length === 0)
    return {
      response_action: 'update' as const,
      view: blockersSavedView(form.release, result.wg, saved, alreadyTracked),
    };
  if (saved.length === 0 && alreadyTracked.length === 0) {
    const lines = problems.map((p) => `Line ${p.line} "${p.text.slice(0, 80)}": ${p.problem}`);
    return {
      response_action: 'errors' as const,
      errors: { [formBlockIds(form.attempt).refs]: lines.join('\n').slice(0, 2000) },
    };
  }
  const view = blockerFormView({
    ...form,
    wg: result.wg,
    attempt: form.attempt + 1,
    refs: problems.map((p) => p.text).join('\n'),
    outcome: { saved, alreadyTracked, problems },
  });
  return { response_action: 'update' as const, view };
}

/** The report form was submitted: checked on GitHub, the good references saved, the rest answered. */
function blockerFormSubmitted(services: AppServices) {
  return async ({ ack, body, view }: ViewArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, view: BLOCKER_FORM_VIEW });
    const meta = metadata(formMetadata, view.private_metadata);
    const ids = formBlockIds(meta?.attempt ?? 0);
    if (!meta) {
      const refs = Object.keys(view.state.values).find((id) => id.startsWith('refs:')) ?? ids.refs;
      await ack({
        response_action: 'errors',
        errors: { [refs]: 'This form is out of date: close it and run /kfrelease block again.' },
      });
      return;
    }
    const values = view.state.values;
    const input = {
      wg: values[ids.wg]?.wg?.selected_option?.value ?? null,
      text: values[ids.refs]?.refs?.value ?? '',
      blocksRelease: values[ids.blocks]?.blocks?.selected_option?.value === 'yes',
      note: values[ids.note]?.note?.value ?? '',
    };
    try {
      const release = findRelease(services, meta.release);
      const deps = {
        ...services,
        github: services.github,
        logger,
        deadlineMs: services.githubDeadlineMs,
      };
      const result = await retryWhileBusy(() =>
        submitBlockers(deps, { release, userId: body.user.id, ...input }),
      );
      if (result.kind === 'refused') {
        await ack({ response_action: 'errors', errors: { [ids[result.field]]: result.message } });
        return;
      }
      const groups = services.store.workingGroups.list().map((g) => g.name);
      const answer = answerFor(result, { ...input, release: release.version, groups, attempt: meta.attempt });
      await ack(answer);
      logger.info(
        { wg: result.wg, saved: result.saved.length, problems: result.problems.length },
        'blockers reported',
      );
      if (result.saved.length > 0) services.deliverSoon();
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: { [ids.refs]: fieldErrorFor(error, services, logger, { wg: input.wg }) },
      });
    }
  };
}

/** A decision on one tracked issue was submitted: recorded, audited, announced; refusals next to the field. */
function triageSubmitted(services: AppServices) {
  return async ({ ack, body, view }: ViewArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, view: TRIAGE_BLOCKER_VIEW });
    const meta = metadata(triageMetadata, view.private_metadata);
    const action = triageAction.safeParse(view.state.values.decision?.decision?.selected_option?.value);
    if (!meta || !action.success) {
      const message = meta
        ? 'Choose a decision.'
        : 'This form is out of date: close it and press Triage again.';
      await ack({ response_action: 'errors', errors: { decision: message } });
      return;
    }
    try {
      await retryWhileBusy(() =>
        triageBlocker(services, {
          target: { id: meta.blockerId },
          userId: body.user.id,
          action: action.data as TriageAction,
          reason: view.state.values.reason?.reason?.value ?? '',
        }),
      );
      await ack();
      services.deliverSoon();
    } catch (error) {
      const field = error instanceof TriageRefusal ? error.field : 'decision';
      await ack({
        response_action: 'errors',
        errors: { [field]: fieldErrorFor(error, services, logger, { blocker: meta.blockerId }) },
      });
    }
  };
}

export function registerBlockerViews(router: SlackRouter, services: AppServices): void {
  router.view(BLOCKER_FORM_VIEW, blockerFormSubmitted(services));
  router.view(TRIAGE_BLOCKER_VIEW, triageSubmitted(services));
}

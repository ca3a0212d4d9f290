import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import { retryWhileBusy } from '../../../db/database-busy';
import { componentField, declareDependencies } from '../../../workflows/dependency-declarations';
import { shippedDependencyList } from '../../../workflows/load-dependency-list';
import {
  DECLARATION_ACTION,
  DECLARE_DEPENDENCIES_VIEW,
  declarationSavedView,
} from '../../blocks/dependency-blocks';
import type { SlackRouter } from '../slack-router';
import { fieldErrorFor } from '../slack-answers';

const metadataSchema = z.object({
  release: z.string().max(40),
  wg: z.string().max(100),
  components: z.array(z.string().max(100)).max(50),
});

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

function readJson(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return null;
  }
}

/** The declaration form was submitted: every field checked, saved, answered in the modal. */
function declarationSubmitted(services: AppServices) {
  return async ({ ack, body, view }: ViewArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, view: DECLARE_DEPENDENCIES_VIEW });
    const blockIds = Object.keys(view.state.values);
    // A refusal is shown next to the first field the form has.
    const firstField = blockIds[0] ?? componentField(0);
    const parsed = metadataSchema.safeParse(readJson(view.private_metadata));
    if (!parsed.success) {
      await ack({
        response_action: 'errors',
        errors: { [firstField]: 'This form is out of date: close it and run /kfrelease deps again.' },
      });
      return;
    }
    const metadata = parsed.data;
    const values = Object.fromEntries(
      blockIds.map((id) => [id, view.state.values[id]?.[DECLARATION_ACTION]?.value ?? '']),
    );
    try {
      const result = await retryWhileBusy(() =>
        declareDependencies(
          { ...services, dependencyList: shippedDependencyList() },
          { userId: body.user.id, ...metadata, version: metadata.release, values },
        ),
      );
      if (result.kind === 'errors') {
        await ack({ response_action: 'errors', errors: result.errors });
        return;
      }
      await ack({ response_action: 'update', view: declarationSavedView(result) });
      logger.info(
        { wg: metadata.wg, conflicts: result.conflicts.map((c) => c.dependency) },
        'dependencies declared',
      );
      services.deliverSoon();
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: { [firstField]: fieldErrorFor(error, services, logger, { wg: metadata.wg }) },
      });
    }
  };
}

/** Registers the declaration form's submission. */
export function registerDependencyViews(router: SlackRouter, services: AppServices): void {
  router.view(DECLARE_DEPENDENCIES_VIEW, declarationSubmitted(services));
}

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { retryWhileBusy } from '../../../db/database-busy';
import type { SlackRouter } from '../slack-router';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import { addDocsItem } from '../../../workflows/docs-tracking';
import { DOCS_ADD_VIEW, docsSavedView } from '../../blocks/docs-blocks';
import { fieldErrorFor } from '../slack-answers';

const metadataSchema = z.object({ release: z.string() });

type StateValue = {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_user?: string | null;
};

/** The docs item form was submitted: saved and confirmed, or answered next to each wrong field. */
export function docsAddSubmitted(services: AppServices) {
  return async ({
    ack,
    body,
    view,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, view: DOCS_ADD_VIEW });
    const metadata = metadataSchema.safeParse(
      (() => {
        try {
          return JSON.parse(view.private_metadata || '{}');
        } catch {
          return {};
        }
      })(),
    );
    if (!metadata.success) {
      await ack({
        response_action: 'errors',
        errors: { feature: 'This form is out of date: close it and open it again.' },
      });
      return;
    }
    const field = (block: string): StateValue => (view.state.values[block]?.[block] ?? {}) as StateValue;
    const values = {
      wg: field('wg').selected_option?.value,
      feature: field('feature').value ?? '',
      pages: field('pages').value ?? '',
      owner: field('owner').selected_user ?? null,
      status: field('status').selected_option?.value,
    };
    try {
      const result = await retryWhileBusy(() =>
        addDocsItem(services, { userId: body.user.id, version: metadata.data.release, values }),
      );
      if (result.kind === 'errors') {
        await ack({ response_action: 'errors', errors: result.errors as Record<string, string> });
        return;
      }
      logger.info(
        { release: result.release.version, item: result.item.id, wg: result.item.wg },
        'docs item added',
      );
      await ack({
        response_action: 'update',
        view: docsSavedView(result.release.version, result.item),
      });
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: { feature: fieldErrorFor(error, services, logger, {}) },
      });
    }
  };
}

export function registerDocsViews(router: SlackRouter, services: AppServices): void {
  router.view(DOCS_ADD_VIEW, docsAddSubmitted(services));
}

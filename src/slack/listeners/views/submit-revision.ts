import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { retryWhileBusy } from '../../../db/database-busy';
import { z } from 'zod';
import type { AppServices } from '../../../app-services';
import { findRelease } from '../../../workflows/find-release';
import { submitRevisions } from '../../../workflows/submit-revisions';
import {
  NOTE_BLOCK,
  repoBlockId,
  REVISION_ACTION,
  submissionResultView,
} from '../../blocks/submit-revision-view';
import { fieldErrorFor } from '../slack-answers';

const metadataSchema = z.object({
  release: z.string(),
  wg: z.string().nullable(),
  repos: z.array(z.string()).max(50),
});

/** The revision form was submitted: checked on GitHub within the deadline, saved, answered. */
export function submitRevisionSubmitted(services: AppServices) {
  return async ({
    ack,
    body,
    view,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const logger = services.logger.child({ user: body.user.id, view: 'submit_revision' });
    let metadata: z.infer<typeof metadataSchema>;
    try {
      metadata = metadataSchema.parse(JSON.parse(view.private_metadata || '{}'));
    } catch {
      await ack({
        response_action: 'errors',
        errors: { [NOTE_BLOCK]: 'This form is out of date: close it and run /kfrelease submit again.' },
      });
      return;
    }
    const firstField = metadata.repos.length > 0 ? repoBlockId(0) : NOTE_BLOCK;
    if (!metadata.wg) {
      await ack({ response_action: 'errors', errors: { [firstField]: 'Choose a working group first.' } });
      return;
    }
    const wg = metadata.wg;
    const value = (blockId: string, actionId: string) => view.state.values[blockId]?.[actionId]?.value ?? '';
    try {
      const release = findRelease(services, metadata.release);
      const result = await retryWhileBusy(() =>
        submitRevisions(
          { ...services, logger, deadlineMs: services.githubDeadlineMs },
          {
            release,
            wg,
            userId: body.user.id,
            entries: metadata.repos.map((repo, i) => ({
              field: repoBlockId(i),
              repo,
              revision: value(repoBlockId(i), REVISION_ACTION),
            })),
            note: value(NOTE_BLOCK, 'note'),
            noteField: NOTE_BLOCK,
          },
        ),
      );
      if (result.kind === 'errors') {
        await ack({ response_action: 'errors', errors: result.errors });
        return;
      }
      await ack({
        response_action: 'update',
        view: submissionResultView(release.version, metadata.wg, result.revisions),
      });
      logger.info({ wg: metadata.wg, saved: result.revisions.map((r) => r.status) }, 'revisions submitted');
      services.deliverSoon();
    } catch (error) {
      await ack({
        response_action: 'errors',
        errors: { [firstField]: fieldErrorFor(error, services, logger, { wg: metadata.wg }) },
      });
    }
  };
}

import { code, lines, md } from '../../text/mrkdwn';
import type { CreateReleaseRequest } from '../../workflows/create-release';
import { actions, answer, button, context, section, type SlackAnswer } from './block-kit';

/** *Create anyway* under a release create with dates in the past; its value is the request. */
export const CREATE_RELEASE_ANYWAY = 'release_create_anyway';
/** *Cancel* beside it: nothing is created. */
export const CANCEL_CREATE_RELEASE = 'release_create_cancel';

/**
 * The answer to `release create` with a start date or release day in the past: what is past, and
 * the two buttons, only for the person who asked.
 */
export function confirmCreateBlocks(warnings: string[], request: CreateReleaseRequest): SlackAnswer {
  const command = `/kfrelease release create ${request.version} ${request.startDate} ${request.template} ${request.timeZone}`;
  return answer(md`Kubeflow ${request.version} has dates in the past: create it anyway?`, [
    section(
      lines(
        md`:warning: *Kubeflow ${request.version} has dates in the past.* Nothing is created yet.`,
        ...warnings.map((w) => md`${w}`),
      ),
    ),
    actions('release_create_confirm', [
      button({
        actionId: CREATE_RELEASE_ANYWAY,
        text: 'Create anyway',
        value: JSON.stringify(request),
        style: 'primary',
      }),
      button({ actionId: CANCEL_CREATE_RELEASE, text: 'Cancel', value: request.version }),
    ]),
    context(md`Create anyway creates it with the same arguments: ${code(command)}.`),
  ]);
}

/** What replaces the question once Cancel is pressed. */
export function createCancelledBlocks(version: string): SlackAnswer {
  const text = md`Nothing was created: Kubeflow ${version} was not created.`;
  return answer(text, [section(text)]);
}

/** What a second *Create anyway* hears: the release is there already, nothing changed. */
export function alreadyCreatedBlocks(version: string, startDate: string): SlackAnswer {
  const text = md`Kubeflow ${version} is already created (week 1 starts ${startDate}); nothing changed. See it with ${code(`/kfrelease status ${version}`)}.`;
  return answer(text, [section(text)]);
}

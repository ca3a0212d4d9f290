import { code, md } from '../../text/mrkdwn';
import { actions, answer, button, section, type SlackAnswer } from './block-kit';

/** "Open the sign-off form" once the manifests repository has been checked. */
export const OPEN_SIGNOFF_FORM = 'open_signoff_form';

/**
 * `/kfrelease signoff` while the manifests repository is being looked at for the first time (or
 * again after two minutes) and no RC is known yet: the form opens from the button once it answered.
 */
export function signoffCheckingBlocks(release: string, repo: string): SlackAnswer {
  const lead = md`No RC tag of Kubeflow ${release} is known yet: kfrelease is checking ${code(repo)} for one now.`;
  return answer(lead, [
    section(md`:mag: ${lead} Press the button in a moment to sign off on what it finds.`),
    actions('signoff_checking', [
      button({
        actionId: OPEN_SIGNOFF_FORM,
        text: 'Open the sign-off form',
        value: release,
        style: 'primary',
      }),
    ]),
  ]);
}

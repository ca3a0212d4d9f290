import { code, join, md } from '../../text/mrkdwn';
import type { AcceptedRevision } from '../../workflows/accept-revision';
import type { ComponentMarkResult } from '../../workflows/component-skips';
import { answer, context, section, type SlackAnswer } from './block-kit';

/** `/kfrelease revision accept`: saved, and being checked on GitHub. */
export function acceptedAnywayBlocks(result: AcceptedRevision): SlackAnswer {
  const what = md`${result.repo} ${code(result.revision)}`;
  return answer(md`Accepting ${what} for ${result.wg} whatever the rules say`, [
    section(
      md`:hourglass_flowing_sand: Checking ${what} on GitHub. Once GitHub shows it, it is ${result.wg}'s accepted revision for Kubeflow ${result.release.version} whatever the rules say: the release channel hears it.`,
    ),
    context(md`Your reason is in the decision log: ${code('/kfrelease decisions')}`),
  ]);
}

/** `/kfrelease component skip`: marked as not shipping. */
export function componentSkippedBlocks(result: ComponentMarkResult): SlackAnswer {
  const names = join(result.components.map((c) => md`*${c.component}* (${c.repo})`));
  return answer(md`Not shipping in Kubeflow ${result.release.version}`, [
    section(
      md`:no_entry_sign: ${names} ${result.components.length === 1 ? 'is' : 'are'} not shipping in Kubeflow ${result.release.version}: no revision is owed, and versions, status, the agenda, reminders and the App Home say so. Reason: ${result.reason}`,
    ),
    context(md`${code(`/kfrelease component ship ${result.components[0]?.repo ?? ''}`)} takes it back.`),
  ]);
}

/** `/kfrelease component ship`: owes a revision again. */
export function componentShippedBlocks(result: ComponentMarkResult): SlackAnswer {
  const names = join(result.components.map((c) => md`*${c.component}* (${c.repo})`));
  return answer(md`Shipping in Kubeflow ${result.release.version} again`, [
    section(
      md`:package: ${names} ${result.components.length === 1 ? 'ships' : 'ship'} in Kubeflow ${result.release.version} again: ${result.components[0]?.wg ?? 'its working group'} owes a revision for it.`,
    ),
  ]);
}

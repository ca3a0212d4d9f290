import type { Decision, DecisionPage } from '../../workflows/decision-log';
import { code, italic, md, type Mrkdwn } from '../../text/mrkdwn';
import { answer, context, header, section, type Block, type SlackAnswer } from './block-kit';
import { lineSections } from './line-sections';
import { pageFooter } from './page-footer';
import { actor, formatDate } from './format';

const LINES_PER_SECTION = 8;

function decisionLine(d: Decision): Mrkdwn {
  return md`• ${formatDate(d.at.slice(0, 10))} · ${actor(d.actor)} · ${d.summary}${d.reason ? md`\n    ${italic(d.reason)}` : ''}`;
}

/**
 * `/kfrelease decisions`: a page of the uses of the release manager's authority, oldest first,
 * with the count and the commands for the pages around it when there is more than one.
 */
export function decisionLogBlocks(log: DecisionPage): SlackAnswer {
  const command = `/kfrelease decisions ${log.version}`;
  const blocks: Block[] = [header(`Decisions of Kubeflow ${log.version}`)];
  if (log.page.total === 0) {
    blocks.push(
      section(
        md`_No decision yet: moving on a phase, delaying, approving or denying a held revision, opening a patch release all show here._`,
      ),
    );
  }
  blocks.push(...lineSections(log.decisions.map(decisionLine), LINES_PER_SECTION, code(command)));
  const footer = pageFooter(log.page, 'decisions', command);
  if (footer) blocks.push(context(footer));
  blocks.push(
    context(
      md`The release manager's authority, from the handbook: moving to the next phase, delaying the release, denying component version upgrades.`,
    ),
  );
  return answer(md`Decisions of Kubeflow ${log.version}: ${log.page.total}`, blocks);
}

/** The post in the release channel when the release manager decides something. */
export function decisionPost(version: string, d: Decision): SlackAnswer {
  const summary = `${d.summary.charAt(0).toLowerCase()}${d.summary.slice(1)}`;
  const decided = md`Kubeflow ${version}: ${actor(d.actor)} ${summary}`;
  return answer(decided, [
    section(md`:scales: ${decided}${d.reason ? md`\n${italic(d.reason)}` : ''}`),
    context(md`Every decision of the release: \`/kfrelease decisions\``),
  ]);
}

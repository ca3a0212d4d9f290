import type { Decision } from '../../workflows/decision-log';
import { code, italic, md, type Mrkdwn } from '../../text/mrkdwn';
import { answer, context, header, listSection, section, type Block, type SlackAnswer } from './block-kit';
import { actor, formatDate } from './format';

const LINES_PER_SECTION = 8;
/** Slack allows 50 blocks per message: a header, the pages of decisions and two context lines. */
const MAX_SECTIONS = 40;
const SEE_ALL = md`${code('/kfrelease decisions')}`;

function decisionLine(d: Decision): Mrkdwn {
  return md`• ${formatDate(d.at.slice(0, 10))} · ${actor(d.actor)} · ${d.summary}${d.reason ? md`\n    ${italic(d.reason)}` : ''}`;
}

/** `/kfrelease decisions`: every use of the release manager's authority, oldest first. */
export function decisionLogBlocks(log: { version: string; decisions: Decision[] }): SlackAnswer {
  const blocks: Block[] = [header(`Decisions of Kubeflow ${log.version}`)];
  if (log.decisions.length === 0) {
    blocks.push(
      section(
        md`_No decision yet: moving on a phase, delaying, approving or denying a held revision, opening a patch release all show here._`,
      ),
    );
  }
  const decisionLines = log.decisions.map(decisionLine);
  const shown = Math.min(decisionLines.length, LINES_PER_SECTION * MAX_SECTIONS);
  for (let i = 0; i < shown; i += LINES_PER_SECTION) {
    blocks.push(listSection(null, decisionLines.slice(i, Math.min(i + LINES_PER_SECTION, shown)), SEE_ALL));
  }
  // Out of blocks: say how many decisions are not shown rather than dropping them.
  const hidden = decisionLines.length - shown;
  if (hidden > 0) blocks.push(context(md`_and ${hidden} more: ${SEE_ALL}_`));
  blocks.push(
    context(
      md`The release manager's authority, from the handbook: moving to the next phase, delaying the release, denying component version upgrades.`,
    ),
  );
  return answer(md`Decisions of Kubeflow ${log.version}: ${log.decisions.length}`, blocks);
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

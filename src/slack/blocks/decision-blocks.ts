import type { Decision } from '../../workflows/decision-log';
import { context, escapeMrkdwn, header, section, type Block, type SlackAnswer } from './block-kit';
import { formatDate } from './format';

const who = (actor: string) => (actor.startsWith('cli:') ? escapeMrkdwn(actor.slice(4)) : `<@${actor}>`);
const LINES_PER_SECTION = 8;
const MAX_SECTIONS = 40;

function decisionLine(d: Decision): string {
  return `• ${formatDate(d.at.slice(0, 10))} · ${who(d.actor)} · ${escapeMrkdwn(d.summary)}${d.reason ? `\n    _${escapeMrkdwn(d.reason)}_` : ''}`;
}

/** `/kfrelease decisions`: every use of the release manager's authority, oldest first. */
export function decisionLogBlocks(log: { version: string; decisions: Decision[] }): SlackAnswer {
  const blocks: Block[] = [header(`Decisions of Kubeflow ${log.version}`)];
  if (log.decisions.length === 0) {
    blocks.push(
      section(
        '_No decision yet: moving on a phase, delaying, approving or denying a held revision, opening a patch release all show here._',
      ),
    );
  }
  const lines = log.decisions.map(decisionLine);
  for (let i = 0; i < lines.length && blocks.length <= MAX_SECTIONS; i += LINES_PER_SECTION) {
    blocks.push(section(lines.slice(i, i + LINES_PER_SECTION).join('\n')));
  }
  blocks.push(
    context(
      "The release manager's authority, from the handbook: moving to the next phase, delaying the release, denying component version upgrades.",
    ),
  );
  return { text: `Decisions of Kubeflow ${log.version}: ${log.decisions.length}`, blocks };
}

/** The post in the release channel when the release manager decides something. */
export function decisionPost(version: string, d: Decision): { text: string; blocks: Block[] } {
  const summary = `${d.summary.charAt(0).toLowerCase()}${d.summary.slice(1)}`;
  const text = `Kubeflow ${version}: ${who(d.actor)} ${escapeMrkdwn(summary)}`;
  return {
    text,
    blocks: [
      section(`:scales: ${text}${d.reason ? `\n_${escapeMrkdwn(d.reason)}_` : ''}`),
      context('Every decision of the release: `/kfrelease decisions`'),
    ],
  };
}

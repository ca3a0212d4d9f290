import type { ComponentVersionsView } from '../../workflows/component-versions';
import { context, escapeMrkdwn, header, section, type Block, type SlackAnswer } from './block-kit';

const MAX_SECTIONS = 40;

/** `/kfrelease versions`: every component with the revision that ships, and who still owes one. */
export function versionsBlocks(view: ComponentVersionsView): SlackAnswer {
  const blocks: Block[] = [header(`Component versions of Kubeflow ${view.version}`)];
  if (view.missing.length > 0) {
    const lead = view.freeze
      ? ':rotating_light: *Feature Freeze has started and these working groups have no accepted revision for every component:*'
      : '*No accepted revision yet:*';
    blocks.push(section(`${lead} ${view.missing.map(escapeMrkdwn).join(', ')}`));
  }
  for (const group of view.groups.slice(0, MAX_SECTIONS)) {
    const lines = group.components.map((c) => {
      const shipped = c.accepted
        ? `\`${escapeMrkdwn(c.accepted.revision)}\`${c.accepted.commitSha ? ` (${c.accepted.commitSha.slice(0, 7)})` : ''} by ${c.accepted.submittedBy.startsWith('cli:') ? c.accepted.submittedBy.slice(4) : `<@${c.accepted.submittedBy}>`} ${c.accepted.submittedAt.slice(0, 10)}`
        : view.freeze
          ? ':red_circle: _missing_'
          : '_none yet_';
      const waiting = c.waiting
        ? ` · \`${escapeMrkdwn(c.waiting.revision)}\` ${c.waiting.status === 'needs_exception' ? 'held for the release manager' : 'pending validation'}`
        : '';
      return `• ${escapeMrkdwn(c.component)}: ${shipped}${waiting}`;
    });
    blocks.push(
      section(
        `*${escapeMrkdwn(group.wg)}*${group.complete ? ' :white_check_mark:' : ''}\n${lines.join('\n')}`,
      ),
    );
  }
  blocks.push(
    context(
      `${view.held} held for the release manager · ${view.pending} pending validation · \`npx kfrelease versions --markdown\` prints the table for the manifests README`,
    ),
  );
  return { text: `Component versions of Kubeflow ${view.version}`, blocks };
}

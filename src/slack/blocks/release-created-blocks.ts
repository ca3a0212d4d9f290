import type { ReleaseRow } from '../../db/release-repository';
import type { Timeline } from '../../domain/timeline';
import { context, section, type SlackAnswer } from './block-kit';
import { formatDate } from './format';

/** The answer to `release create`: what was created and what to do next. */
export function releaseCreatedBlocks(result: {
  release: ReleaseRow;
  timeline: Timeline;
  notes: string[];
}): SlackAnswer {
  const { release, timeline } = result;
  const releaseDay = timeline.milestones.find((m) => m.key === 'release');
  const lines = [
    `:white_check_mark: Created Kubeflow *${release.version}* (template \`${release.template}\`, ${release.timeZone}).`,
    `Week 1 starts ${formatDate(release.startDate)}${releaseDay ? `; release day ${formatDate(releaseDay.dueOn)}` : ''}. This is the first plan: later re-plans are measured against it.`,
    `Next: load the team with \`npx kfrelease team import team.yml --release ${release.version}\` on the bot's host, then check \`/kfrelease timeline ${release.version}\`.`,
  ];
  const blocks = [section(lines.join('\n'))];
  if (result.notes.length > 0)
    blocks.push(context(`Version read as ${release.version}: ${result.notes.join('; ')}.`));
  return { text: `Created Kubeflow ${release.version}`, blocks };
}

import type { ReleaseRow } from '../../db/release-repository';
import type { Timeline } from '../../domain/timeline';
import { code, join, lines, md } from '../../text/mrkdwn';
import { answer, context, section, type Block, type SlackAnswer } from './block-kit';
import { formatDate } from './format';

/** The answer to `release create`: what was created and what to do next. */
export function releaseCreatedBlocks(result: {
  release: ReleaseRow;
  timeline: Timeline;
  notes: string[];
}): SlackAnswer {
  const { release, timeline } = result;
  const releaseDay = timeline.milestones.find((m) => m.key === 'release');
  const importTeam = code(`npx kfrelease team import team.yml --release ${release.version}`);
  const blocks: Block[] = [
    section(
      lines(
        md`:white_check_mark: Created Kubeflow *${release.version}* (template ${code(release.template)}, ${release.timeZone}).`,
        md`Week 1 starts ${formatDate(release.startDate)}${releaseDay ? `; release day ${formatDate(releaseDay.dueOn)}` : ''}. This is the first plan: later re-plans are measured against it.`,
        md`Next: load the team with ${importTeam} on the bot's host, then check ${code(`/kfrelease timeline ${release.version}`)}.`,
      ),
    ),
  ];
  if (result.notes.length > 0)
    blocks.push(context(md`Version read as ${release.version}: ${join(result.notes, '; ')}.`));
  return answer(md`Created Kubeflow ${release.version}`, blocks);
}

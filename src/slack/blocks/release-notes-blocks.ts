import { code, md } from '../../text/mrkdwn';
import type { ReleaseNotes } from '../../workflows/release-notes';
import { answer, context, section, type SlackAnswer } from './block-kit';
import { codeSections } from './tracking-issue-blocks';

/** `/kfrelease release-notes`: the Markdown draft in code blocks, ready to copy. */
export function releaseNotesBlocks(notes: ReleaseNotes): SlackAnswer {
  const undecided =
    notes.undecided > 0 ? ` · :warning: ${notes.undecided} feature(s) neither landed nor punted yet` : '';
  return answer(md`Draft release notes for Kubeflow ${notes.version}`, [
    section(
      md`*Draft release notes for Kubeflow ${notes.version}* (Markdown): copy and edit before publishing.`,
    ),
    ...codeSections(notes.markdown),
    context(
      md`${notes.landed} landed feature(s), ${notes.highlights} highlight(s), ${notes.punted} punted${undecided} · ${code(`kfrelease release-notes ${notes.version}`)} prints it on the command line`,
    ),
  ]);
}

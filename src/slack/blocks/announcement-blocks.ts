import type { AnnouncementDraft } from '../../workflows/announcement-draft';
import { code, md, type Mrkdwn } from '../../text/mrkdwn';
import { answer, context, section, type SlackAnswer } from './block-kit';
import { formatDate } from './format';
import { codeSections } from './tracking-issue-blocks';

function footer(draft: AnnouncementDraft): Mrkdwn {
  const missing =
    draft.missing > 0 ? ` · :warning: ${draft.missing} component(s) have no accepted revision yet` : '';
  return md`${draft.components.length} component(s) with changelog links${missing} · ${code(`/kfrelease announcement ${draft.version}`)} shows it again`;
}

/** `/kfrelease announcement`: the draft as plain text in code blocks, ready to copy and edit. */
export function announcementBlocks(draft: AnnouncementDraft): SlackAnswer {
  const day = draft.releaseDate ? ` (release day ${formatDate(draft.releaseDate)})` : '';
  return answer(md`Draft release announcement for Kubeflow ${draft.version}`, [
    section(
      md`*Draft release announcement for Kubeflow ${draft.version}*${day}: copy it, fill in the [brackets], send it to kubeflow-discuss.`,
    ),
    ...codeSections(draft.text),
    context(footer(draft)),
  ]);
}

/** The release-day direct message carrying the draft. */
export function announcementDm(draft: AnnouncementDraft, asReleaseManager: boolean): SlackAnswer {
  const who = asReleaseManager
    ? 'No product manager with a Slack ID is named, so this comes to you as release manager. '
    : '';
  return answer(md`It is release day for Kubeflow ${draft.version}: here is a draft of the announcement.`, [
    section(
      md`:tada: *It is release day for Kubeflow ${draft.version}.* ${who}Here is a draft of the announcement for kubeflow-discuss: copy it and fill in the [brackets].`,
    ),
    ...codeSections(draft.text),
    context(footer(draft)),
  ]);
}

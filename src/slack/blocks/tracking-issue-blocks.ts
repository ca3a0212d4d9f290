import {
  bold,
  channel as channelLink,
  code,
  escapeSlackText,
  link,
  md,
  type Mrkdwn,
} from '../../text/mrkdwn';
import type { TrackingIssuePreview } from '../../workflows/tracking-issue';
import { answer, context, section, type Block, type SlackAnswer } from './block-kit';
import { actor, plural } from './format';

/** Room for the code fence inside Slack's 3,000-character section text. */
const CODE_CHUNK = 2900;
/** Slack allows 50 blocks in a message; the rest of a very long text is left out, and said so. */
const MAX_CODE_SECTIONS = 40;

const escapedLength = (text: string) => escapeSlackText(text).length;

/** A line cut into pieces of at most CODE_CHUNK characters once escaped, between characters. */
function pieces(line: string): string[] {
  if (escapedLength(line) <= CODE_CHUNK) return [line];
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const cost = escapedLength(char);
    if (size + cost > CODE_CHUNK) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += cost;
  }
  out.push(current);
  return out;
}

/**
 * Long plain text as code-block sections, split between lines, for a person to copy. It is text:
 * md escapes it, so nothing in it becomes a Slack link or mention, and Slack shows it as typed.
 * Beyond what a message can hold, a context line says how many lines are left out and `seeAll`.
 */
export function codeSections(body: string, seeAll: Mrkdwn = md`the command line`): Block[] {
  const chunks: { text: string; firstLine: number }[] = [];
  let current: string[] = [];
  let size = 0;
  let firstLine = 0;
  const rawLines = body === '' ? [] : body.split('\n');
  rawLines.forEach((raw, index) => {
    for (const piece of pieces(raw)) {
      const cost = escapedLength(piece) + (current.length > 0 ? 1 : 0);
      if (current.length > 0 && size + cost > CODE_CHUNK) {
        chunks.push({ text: current.join('\n'), firstLine });
        current = [];
        size = 0;
      }
      if (current.length === 0) firstLine = index;
      else size += 1;
      size += escapedLength(piece);
      current.push(piece);
    }
  });
  if (current.length > 0) chunks.push({ text: current.join('\n'), firstLine });
  const shown: Block[] = chunks
    .slice(0, MAX_CODE_SECTIONS)
    .map((chunk) => section(md`\`\`\`\n${chunk.text}\n\`\`\``));
  const firstHidden = chunks[MAX_CODE_SECTIONS];
  if (firstHidden) {
    const hidden = plural(rawLines.length - firstHidden.firstLine, 'more line');
    shown.push(context(md`_The rest (${hidden}) is too long for Slack: use ${seeAll}._`));
  }
  return shown;
}

/** `/kfrelease tracking-issue preview`: the issue as it would be written, nothing sent to GitHub. */
export function trackingPreviewBlocks(preview: TrackingIssuePreview): SlackAnswer {
  const issue = preview.issue;
  const issueLink = issue?.url ? link(issue.url, `${issue.repo}#${issue.issueNumber}`) : null;
  const state = issueLink
    ? preview.changed
      ? md`The issue ${issueLink} differs: \`/kfrelease tracking-issue sync\` writes this text to it.`
      : md`The issue ${issueLink} already says exactly this.`
    : md`There is no tracking issue yet: the release manager creates it with \`/kfrelease tracking-issue setup <owner/repo>\`.`;
  const version = preview.release.version;
  const seeAll = md`the command line, ${code(`npx kfrelease tracking-issue preview ${version}`)}`;
  return answer(md`Tracking issue preview for Kubeflow ${version}`, [
    section(md`*Dry run:* nothing was sent to GitHub. ${bold(preview.title)}`),
    ...codeSections(preview.body, seeAll),
    context(state),
  ]);
}

/** The answer to setup: the issue is being created. */
export function trackingSetupStartedBlocks(
  version: string,
  repo: string,
  channel: string | null,
): SlackAnswer {
  const where = channel ? channelLink(channel) : md`you`;
  const text = md`Creating the tracking issue of Kubeflow ${version} in ${repo}; ${where} will hear where it is.`;
  return answer(text, [section(md`:hourglass: ${text}`)]);
}

/** The answer to sync: up to date already, or being updated. */
export function trackingSyncBlocks(
  version: string,
  url: string,
  state: 'unchanged' | 'updating',
): SlackAnswer {
  const text =
    state === 'unchanged'
      ? md`The tracking issue of Kubeflow ${version} is already up to date.`
      : md`Updating the tracking issue of Kubeflow ${version}; you will get a message when it is done.`;
  return answer(text, [
    section(md`${state === 'unchanged' ? ':white_check_mark:' : ':hourglass:'} ${text}`),
    context(link(url)),
  ]);
}

/** Posted in the release channel once the tracking issue exists. */
export function trackingIssueCreatedPost(version: string, url: string, requester: string): SlackAnswer {
  const where = link(url);
  return answer(md`The tracking issue of Kubeflow ${version} is on GitHub: ${where}`, [
    section(
      md`:memo: The tracking issue of Kubeflow ${version} is on GitHub: ${where}\nWorking groups, distribution representatives and the community follow the release there; kfrelease keeps its description up to date.`,
    ),
    context(md`Created by ${actor(requester)}`),
  ]);
}

/**
 * A direct message about a write in the background: a headline and the details. A string is
 * text (escaped); a headline with a link or mention comes as Mrkdwn.
 */
export function trackingIssueNoticeDm(headline: Mrkdwn, detail: Mrkdwn): SlackAnswer {
  return answer(md`${headline} ${detail}`, [section(headline), context(detail)]);
}

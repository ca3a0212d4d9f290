import type { TrackingIssuePreview } from '../../workflows/tracking-issue';
import { context, escapeMrkdwn, section, type Block, type SlackAnswer } from './block-kit';

/** Room for the code fence inside Slack's 3,000-character section text. */
const CODE_CHUNK = 2900;
/** Slack allows 50 blocks in a message; the rest of a very long text is left out, and said so. */
const MAX_CODE_SECTIONS = 40;

/**
 * Long plain text as code-block sections, split between lines, for a person to copy. Slack's
 * mrkdwn control characters are escaped; Slack shows them as typed.
 */
export function codeSections(text: string): Block[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of escapeMrkdwn(text).split('\n')) {
    for (let line = raw; ;) {
      const head = line.slice(0, CODE_CHUNK);
      if (current.length + head.length + 1 > CODE_CHUNK && current !== '') {
        chunks.push(current);
        current = '';
      }
      current = current === '' ? head : `${current}\n${head}`;
      line = line.slice(CODE_CHUNK);
      if (line === '') break;
    }
  }
  if (current !== '') chunks.push(current);
  const shown = chunks.slice(0, MAX_CODE_SECTIONS).map((chunk) => section(`\`\`\`\n${chunk}\n\`\`\``));
  if (chunks.length > MAX_CODE_SECTIONS)
    shown.push(context('_The rest is too long for Slack: use the command line._'));
  return shown;
}

/** `/kfrelease tracking-issue preview`: the issue as it would be written, nothing sent to GitHub. */
export function trackingPreviewBlocks(preview: TrackingIssuePreview): SlackAnswer {
  const issue = preview.issue;
  const state = issue?.url
    ? preview.changed
      ? `The issue <${issue.url}|${escapeMrkdwn(issue.repo)}#${issue.issueNumber}> differs: \`/kfrelease tracking-issue sync\` writes this text to it.`
      : `The issue <${issue.url}|${escapeMrkdwn(issue.repo)}#${issue.issueNumber}> already says exactly this.`
    : 'There is no tracking issue yet: the release manager creates it with `/kfrelease tracking-issue setup <owner/repo>`.';
  return {
    text: `Tracking issue preview for Kubeflow ${preview.release.version}`,
    blocks: [
      section(`*Dry run:* nothing was sent to GitHub. *${escapeMrkdwn(preview.title)}*`),
      ...codeSections(preview.body),
      context(state),
    ],
  };
}

/** The answer to setup: the issue is being created. */
export function trackingSetupStartedBlocks(
  version: string,
  repo: string,
  channel: string | null,
): SlackAnswer {
  const where = channel ? `<#${channel}>` : 'you';
  const text = `Creating the tracking issue of Kubeflow ${version} in ${repo}; ${where} will hear where it is.`;
  return { text, blocks: [section(`:hourglass: ${escapeMrkdwn(text)}`)] };
}

/** The answer to sync: up to date already, or being updated. */
export function trackingSyncBlocks(
  version: string,
  url: string,
  state: 'unchanged' | 'updating',
): SlackAnswer {
  const text =
    state === 'unchanged'
      ? `The tracking issue of Kubeflow ${version} is already up to date.`
      : `Updating the tracking issue of Kubeflow ${version}; you will get a message when it is done.`;
  return {
    text,
    blocks: [
      section(`${state === 'unchanged' ? ':white_check_mark:' : ':hourglass:'} ${text}`),
      context(`<${url}|${url}>`),
    ],
  };
}

/** Posted in the release channel once the tracking issue exists. */
export function trackingIssueCreatedPost(version: string, url: string, requester: string): SlackAnswer {
  const text = `The tracking issue of Kubeflow ${version} is on GitHub: ${url}`;
  return {
    text,
    blocks: [
      section(
        `:memo: The tracking issue of Kubeflow ${version} is on GitHub: <${url}|${escapeMrkdwn(url)}>\nWorking groups, distribution representatives and the community follow the release there; kfrelease keeps its description up to date.`,
      ),
      context(`Created by <@${requester}>`),
    ],
  };
}

/** A direct message about a write in the background: a headline and the details. */
export function trackingIssueNoticeDm(headline: string, detail: string): SlackAnswer {
  return { text: `${headline} ${detail}`, blocks: [section(headline), context(escapeMrkdwn(detail))] };
}

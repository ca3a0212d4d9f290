import type { ManifestsPullRow } from '../../db/manifests-pull-repository';
import { bold, code, link, md, text, type Mrkdwn } from '../../text/mrkdwn';
import type { ManifestsItem } from '../../workflows/manifests-change';
import type { ManifestsStarted } from '../../workflows/manifests-pulls';
import type { Notice } from '../../workflows/notice';
import { answer, context, section, type Block, type SlackAnswer } from './block-kit';
import { codeSections } from './tracking-issue-blocks';

/** Slack allows 50 blocks in a message: room for the headline and a closing line. */
const MAX_BLOCKS = 47;

const STATE_WORDS = { open: 'open', closed: 'closed without merging', merged: 'merged' } as const;

/** The answer to `manifests preview` and `manifests pr`: the work runs, a direct message follows. */
export function manifestsStartedBlocks(started: ManifestsStarted): SlackAnswer {
  const which = started.components.join(', ');
  const { version } = started.release;
  const headline =
    started.mode === 'write'
      ? md`:hourglass: Opening the manifests pull requests of Kubeflow ${version} in ${started.repo} (${which}); you will get a direct message with each one.`
      : md`:hourglass: Reading ${started.repo} for the manifests change of Kubeflow ${version} (${which}); the ${started.mode === 'preview' ? 'preview' : 'dry run'} comes as a direct message. Nothing is written to GitHub.`;
  return answer(headline, [section(headline)]);
}

function pullLink(repo: string, pull: NonNullable<ManifestsItem['pull']>): Mrkdwn {
  return link(pull.url, `${repo}#${pull.number}`);
}

function outcomeText(item: ManifestsItem, repo: string, base: string): Mrkdwn {
  const revision = item.revision ?? '';
  const pull = item.pull ? pullLink(repo, item.pull) : null;
  switch (item.outcome) {
    case 'would_open':
      return md`would open a pull request from ${code(item.branch)} into ${code(base)}`;
    case 'would_update':
      return md`would update ${pull ?? ''} (branch ${code(item.branch)}) to ${code(revision)}`;
    case 'opened':
      return md`:white_check_mark: opened ${pull ?? ''}`;
    case 'updated':
      return md`:arrows_counterclockwise: updated ${pull ?? ''} to ${code(revision)}`;
    case 'up_to_date':
      return md`${pull ?? ''} already carries ${code(revision)}`;
    case 'no_change':
      return md`nothing to change: ${item.detail ?? ''}`;
    case 'no_revision':
      return md`no accepted revision yet`;
    case 'not_shipping':
      return md`not shipping this release`;
    case 'busy':
      return md`:hourglass: ${item.detail ?? ''}`;
    case 'failed':
      return md`:x: ${item.detail ?? ''}`;
  }
}

type ManifestsNotice = Extract<Notice, { kind: 'manifests_pulls' }>;

/** The direct message with each component's outcome, and the diffs of a preview or dry run. */
export function manifestsPullsDm(notice: ManifestsNotice): SlackAnswer {
  const { version, repo, mode } = notice;
  const headline =
    mode === 'preview'
      ? md`*Manifests preview for Kubeflow ${version}:* nothing was written to ${repo}.`
      : mode === 'dry_run'
        ? md`*Dry run:* nothing was written to ${repo}. For Kubeflow ${version}, ${code('/kfrelease manifests pr')} would:`
        : md`*Manifests pull requests of Kubeflow ${version} in ${repo}:*`;
  if (notice.failure !== null || notice.base === null) {
    const failed = md`:x: ${mode === 'write' ? 'The manifests pull requests' : 'The manifests change'} of Kubeflow ${version} could not be ${mode === 'write' ? 'written' : 'prepared'}: ${notice.failure ?? ''}`;
    return answer(failed, [section(failed)]);
  }
  const base = notice.base;
  const blocks: Block[] = [section(headline)];
  let hidden = 0;
  for (const item of notice.items) {
    const what = item.revision
      ? md` (${item.upstreamRepo} ${code(item.revision)})`
      : md` (${item.upstreamRepo})`;
    const itemBlocks: Block[] = [
      section(md`• ${bold(item.component)}${what}: ${outcomeText(item, repo, base)}`),
    ];
    if (mode !== 'write' && item.diff) itemBlocks.push(...codeSections(item.diff));
    if (blocks.length + itemBlocks.length > MAX_BLOCKS) hidden += 1;
    else blocks.push(...itemBlocks);
  }
  if (hidden > 0)
    blocks.push(
      context(
        md`_and ${hidden} more components: name one, e.g. ${code('/kfrelease manifests preview katib')}_`,
      ),
    );
  const summary = notice.items.map((i) => `${i.component}: ${i.outcome.replaceAll('_', ' ')}`).join('; ');
  return answer(md`${headline} ${text(summary)}`, blocks);
}

type ChangedNotice = Extract<Notice, { kind: 'manifests_pull_changed' }>;

/** Posted in the release channel when a sync pull request is merged, closed or reopened. */
export function manifestsPullChangedPost(notice: ChangedNotice): SlackAnswer {
  const what = notice.revision
    ? md`${notice.upstreamRepo ?? ''} ${code(notice.revision)}`
    : md`${notice.component}`;
  const icon =
    notice.state === 'merged' ? ':tada:' : notice.state === 'closed' ? ':x:' : ':arrows_counterclockwise:';
  const pr = link(notice.url, `#${notice.number}`);
  const line = md`${icon} The manifests pull request ${pr} syncing ${what} for Kubeflow ${notice.version} is now ${STATE_WORDS[notice.state]}.`;
  return answer(line, [section(line)]);
}

/** A component's sync pull request, for the versions table: " · manifests #12 merged". */
export function manifestsPullSuffix(pull: ManifestsPullRow | undefined): Mrkdwn {
  if (!pull?.url || pull.number === null || !pull.state) return md``;
  return md` · manifests ${link(pull.url, `#${pull.number}`)} ${STATE_WORDS[pull.state]}${pull.revision ? md` (${code(pull.revision)})` : ''}`;
}

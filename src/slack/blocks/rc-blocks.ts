import { DateTime } from 'luxon';
import type { ReleaseArtifactRow } from '../../db/rc-tag-repository';
import type { ArtifactStatus, RcStatusView } from '../../workflows/rc-status';
import { context, escapeMrkdwn, header, section, type Block, type SlackAnswer } from './block-kit';
import { formatCountdown, formatDate } from './format';

const ICONS: Record<ArtifactStatus['state'], string> = {
  found: ':white_check_mark:',
  upcoming: ':hourglass_flowing_sand:',
  due: ':large_orange_circle:',
  missing: ':red_circle:',
  skipped: ':white_circle:',
};

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const code = (text: string) => `\`${escapeMrkdwn(text)}\``;

/** "Tue 12 May 2026, 12:00" in the release's zone. */
function moment(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat('ccc d LLL yyyy, HH:mm');
}

function artifactLine(a: ArtifactStatus, zone: string): string {
  const label = `*${escapeMrkdwn(a.key)}*${a.optional && a.dueOn ? ' _(optional)_' : ''}`;
  const due = a.dueOn ? `due ${formatDate(a.dueOn)}` : '';
  const f = a.found;
  if (a.state === 'found' && f) {
    const commit = `commit \`${f.commitSha.slice(0, 7)}\`${f.commitDate ? ` of ${moment(f.commitDate, zone)}` : ''}`;
    const late = a.daysLate > 0 ? ` · _${days(a.daysLate)} late_` : '';
    const note = f.note ? `\n      :warning: ${escapeMrkdwn(f.note)}` : '';
    return `${ICONS.found} ${label} ${code(f.name)}: ${commit}, first seen ${moment(f.firstSeenAt, zone)}${due ? ` · ${due}` : ''}${late}${note}`;
  }
  const expected = a.expected ? ` ${code(a.expected)}` : '';
  const owner = a.owner ? ` · ${escapeMrkdwn(a.owner)}` : '';
  if (a.state === 'missing')
    return `${ICONS.missing} ${label}${expected}: *missing*, ${due}, ${days(a.daysLate)} late${owner}`;
  if (a.state === 'due') return `${ICONS.due} ${label}${expected}: *due today*, not found yet${owner}`;
  if (a.state === 'skipped') return `${ICONS.skipped} ${label}${expected}: not cut (${due})`;
  return `${ICONS.upcoming} ${label}${expected}: not yet due, ${due}, ${formatCountdown(a.daysLeft ?? 0)}${owner}`;
}

function checkLine(view: RcStatusView, checking: boolean): string {
  const again = checking
    ? ' · checking GitHub again now: anything new is announced in the release channel'
    : '';
  const last = view.lastCheck;
  if (!last)
    return checking
      ? 'Checking the manifests repository for the first time now; run this again in a moment.'
      : 'The manifests repository has not been checked yet.';
  const failed = last.lastError
    ? ` · :warning: the last check failed (${escapeMrkdwn(last.lastError)})${last.succeededAt ? `; the last good one was ${moment(last.succeededAt, view.timeZone)}` : ''}`
    : '';
  return `${escapeMrkdwn(last.repo)} · checked ${moment(last.checkedAt, view.timeZone)} (${view.timeZone})${failed}${again}`;
}

/** `/kfrelease rcs`: the release branch, RC tags and final tag with their dates. */
export function rcStatusBlocks(view: RcStatusView, checking: boolean): SlackAnswer {
  const missing = view.artifacts.filter((a) => a.state === 'missing' || a.state === 'due');
  const lead = view.latestRc ? `Latest RC: ${code(view.latestRc.tag)}` : 'No RC tag found yet.';
  const owed =
    missing.length > 0
      ? `\n:rotating_light: Due and not found: ${missing.map((a) => code(a.expected ?? a.key)).join(', ')}`
      : '';
  const blocks: Block[] = [
    header(`Release branch and RC tags of Kubeflow ${view.version}`),
    section(`${lead}${owed}`),
    section(view.artifacts.map((a) => artifactLine(a, view.timeZone)).join('\n')),
    context(checkLine(view, checking)),
  ];
  const text = `Kubeflow ${view.version}: ${view.latestRc ? `latest RC ${view.latestRc.tag}` : 'no RC tag yet'}${missing.length ? `; due and not found: ${missing.map((a) => a.expected ?? a.key).join(', ')}` : ''}`;
  return { text, blocks };
}

/** Announced in the release channel once, when a check finds a new branch or tag. */
export function artifactsFoundPost(
  release: string,
  repo: string,
  found: ReleaseArtifactRow[],
  retest: string[],
): SlackAnswer {
  const lines = found.map((row) => {
    const what =
      row.kind === 'branch' ? 'release branch' : row.rc === null ? 'final release tag' : 'release candidate';
    const note = row.note ? ` :warning: ${escapeMrkdwn(row.note)}` : '';
    return `• ${what} ${code(row.name)} at \`${row.commitSha.slice(0, 7)}\`${note}`;
  });
  const blocks: Block[] = [
    section(`:label: *New in ${escapeMrkdwn(repo)} for Kubeflow ${release}*\n${lines.join('\n')}`),
  ];
  const newest = found.filter((row) => row.rc !== null).sort((a, b) => (b.rc ?? 0) - (a.rc ?? 0))[0];
  if (newest && retest.length > 0) {
    blocks.push(
      section(
        `:arrows_counterclockwise: Distribution sign-offs are back to pending: re-test on ${code(newest.normalized)} (${retest.map(escapeMrkdwn).join(', ')}). \`/kfrelease signoff\``,
      ),
    );
  }
  blocks.push(context('`/kfrelease rcs` shows every planned branch and tag'));
  return {
    text: `New in ${repo} for Kubeflow ${release}: ${found.map((row) => row.name).join(', ')}`,
    blocks,
  };
}

import { DateTime } from 'luxon';
import type { ReleaseArtifactRow } from '../../db/rc-tag-repository';
import type { ArtifactStatus, RcStatusView } from '../../workflows/rc-status';
import { bold, code, join, md, type Mrkdwn } from '../../text/mrkdwn';
import { answer, context, header, listSection, section, type Block, type SlackAnswer } from './block-kit';
import { formatCountdown, formatDate, plural } from './format';

const ICONS: Record<ArtifactStatus['state'], string> = {
  found: ':white_check_mark:',
  upcoming: ':hourglass_flowing_sand:',
  due: ':large_orange_circle:',
  missing: ':red_circle:',
  skipped: ':white_circle:',
};

const days = (n: number) => plural(n, 'day');

/** "Tue 12 May 2026, 12:00" in the release's zone. */
function moment(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat('ccc d LLL yyyy, HH:mm');
}

function artifactLine(a: ArtifactStatus, zone: string): Mrkdwn {
  const label = md`${bold(a.key)}${a.optional && a.dueOn ? md` _(optional)_` : ''}`;
  const due = a.dueOn ? `due ${formatDate(a.dueOn)}` : '';
  const f = a.found;
  if (a.state === 'found' && f) {
    const commit = md`commit ${code(f.commitSha.slice(0, 7))}${f.commitDate ? ` of ${moment(f.commitDate, zone)}` : ''}`;
    const late = a.daysLate > 0 ? md` · _${days(a.daysLate)} late_` : '';
    const note = f.note ? md`\n      :warning: ${f.note}` : '';
    return md`${ICONS.found} ${label} ${code(f.name)}: ${commit}, first seen ${moment(f.firstSeenAt, zone)}${due ? ` · ${due}` : ''}${late}${note}`;
  }
  const expected = a.expected ? md` ${code(a.expected)}` : '';
  const owner = a.owner ? ` · ${a.owner}` : '';
  if (a.state === 'missing')
    return md`${ICONS.missing} ${label}${expected}: *missing*, ${due}, ${days(a.daysLate)} late${owner}`;
  if (a.state === 'due') return md`${ICONS.due} ${label}${expected}: *due today*, not found yet${owner}`;
  if (a.state === 'skipped') return md`${ICONS.skipped} ${label}${expected}: not cut (${due})`;
  return md`${ICONS.upcoming} ${label}${expected}: not yet due, ${due}, ${formatCountdown(a.daysLeft ?? 0)}${owner}`;
}

function checkLine(view: RcStatusView, checking: boolean): Mrkdwn {
  const again = checking
    ? ' · checking GitHub again now: anything new is announced in the release channel'
    : '';
  const last = view.lastCheck;
  if (!last)
    return checking
      ? md`Checking the manifests repository for the first time now; run this again in a moment.`
      : md`The manifests repository has not been checked yet.`;
  const failed = last.lastError
    ? md` · :warning: the last check failed (${last.lastError})${last.succeededAt ? `; the last good one was ${moment(last.succeededAt, view.timeZone)}` : ''}`
    : '';
  return md`${last.repo} · checked ${moment(last.checkedAt, view.timeZone)} (${view.timeZone})${failed}${again}`;
}

/** `/kfrelease rcs`: the release branch, RC tags and final tag with their dates. */
export function rcStatusBlocks(view: RcStatusView, checking: boolean): SlackAnswer {
  const missing = view.artifacts.filter((a) => a.state === 'missing' || a.state === 'due');
  const lead = view.latestRc ? md`Latest RC: ${code(view.latestRc.tag)}` : md`No RC tag found yet.`;
  const owed =
    missing.length > 0
      ? md`\n:rotating_light: Due and not found: ${join(missing.map((a) => code(a.expected ?? a.key)))}`
      : '';
  const blocks: Block[] = [
    header(`Release branch and RC tags of Kubeflow ${view.version}`),
    section(md`${lead}${owed}`),
    listSection(
      null,
      view.artifacts.map((a) => artifactLine(a, view.timeZone)),
      md`${code('npx kfrelease rcs')}`,
    ),
    context(checkLine(view, checking)),
  ];
  const latest = view.latestRc ? `latest RC ${view.latestRc.tag}` : 'no RC tag yet';
  const notFound = missing.length
    ? md`; due and not found: ${join(missing.map((a) => a.expected ?? a.key))}`
    : '';
  return answer(md`Kubeflow ${view.version}: ${latest}${notFound}`, blocks);
}

/** Announced in the release channel once, when a check finds a new branch or tag. */
export function artifactsFoundPost(
  release: string,
  repo: string,
  found: ReleaseArtifactRow[],
  retest: string[],
): SlackAnswer {
  const items = found.map((row) => {
    const what =
      row.kind === 'branch' ? 'release branch' : row.rc === null ? 'final release tag' : 'release candidate';
    const note = row.note ? md` :warning: ${row.note}` : '';
    return md`• ${what} ${code(row.name)} at ${code(row.commitSha.slice(0, 7))}${note}`;
  });
  const blocks: Block[] = [
    listSection(md`:label: *New in ${repo} for Kubeflow ${release}*`, items, md`${code('/kfrelease rcs')}`),
  ];
  const newest = found.filter((row) => row.rc !== null).sort((a, b) => (b.rc ?? 0) - (a.rc ?? 0))[0];
  if (newest && retest.length > 0) {
    blocks.push(
      section(
        md`:arrows_counterclockwise: Distribution sign-offs are back to pending: re-test on ${code(newest.normalized)} (${join(retest)}). \`/kfrelease signoff\``,
      ),
    );
  }
  blocks.push(context(md`\`/kfrelease rcs\` shows every planned branch and tag`));
  return answer(md`New in ${repo} for Kubeflow ${release}: ${join(found.map((row) => row.name))}`, blocks);
}

import type { AppServices } from '../app-services';
import { UserError } from '../errors';
import { checkRcTags, rcCheckDeps } from '../workflows/check-rc-tags';
import { findRelease } from '../workflows/find-release';
import { rcStatus, type ArtifactStatus, type RcStatusView } from '../workflows/rc-status';
import { getSignoffMatrix, type SignoffMatrixView } from '../workflows/signoff-matrix';
import { JSON_OPTION, type CliCommand } from './cli-command';
import { md } from '../text/mrkdwn';

/** Plain-text branch and tags for a terminal. */
export function formatRcStatusText(view: RcStatusView): string {
  const check = view.lastCheck
    ? `${view.lastCheck.repo}, checked ${view.lastCheck.checkedAt}${view.lastCheck.lastError ? ` (failed: ${view.lastCheck.lastError})` : ''}`
    : 'never checked: run `kfrelease rcs check`';
  const state = (a: ArtifactStatus) => {
    if (a.state === 'found' && a.found) {
      const late = a.daysLate > 0 ? `, ${a.daysLate} days late` : '';
      return `found ${a.found.name} ${a.found.commitSha.slice(0, 12)} ${a.found.commitDate ?? ''}${late}`;
    }
    if (a.state === 'missing') return `MISSING, due ${a.dueOn}, ${a.daysLate} days late`;
    if (a.state === 'due') return `due today (${a.dueOn})`;
    if (a.state === 'skipped') return `not cut (optional, due ${a.dueOn})`;
    return `due ${a.dueOn}`;
  };
  const lines = [`Kubeflow ${view.version}: release branch and tags (${check}), today ${view.today}`];
  for (const a of view.artifacts) {
    lines.push(`  ${a.key.padEnd(15)} ${(a.expected ?? '-').padEnd(20)} ${state(a)}`);
    if (a.found?.note) lines.push(`  ${''.padEnd(15)} note: ${a.found.note}`);
  }
  return lines.join('\n');
}

/** Plain-text sign-off matrix for a terminal. */
export function formatSignoffsText(view: SignoffMatrixView): string {
  const lines = [
    `Kubeflow ${view.version}: sign-offs on ${view.rc?.tag ?? '(no RC found yet)'}; criterion ${view.criterionMet ? 'met' : 'not met'} (${view.thumbsUp} of ${view.rows.length} thumbs up)`,
  ];
  for (const row of view.rows) {
    const current = row.current
      ? `${row.current.result} by ${row.current.signedBy} ${row.current.signedAt.slice(0, 10)}, Kubernetes ${row.current.kubernetesVersion}${row.current.blockingIssues.length ? `, ${row.current.blockingIssues.join(' ')}` : ''}`
      : `pending${row.earlier ? ` (earlier ${row.earlier.result} on ${row.earlier.rcTag})` : ''}`;
    lines.push(`  ${row.distribution.padEnd(20)} ${current}`);
  }
  return lines.join('\n');
}

function atMostVersion(positionals: string[], usage: string): string | undefined {
  if (positionals.length > 1)
    throw new UserError('bad_argument', md`Give at most a release version.`, md`Usage: ${usage}`);
  return positionals[0];
}

/** `kfrelease rcs ...` and `kfrelease signoffs`: the same workflows Slack uses. */
export const CLI_RC_COMMANDS: Record<string, CliCommand> = {
  'rcs check': {
    usage: 'kfrelease rcs check [VERSION] [--json]',
    summary:
      'Look for the release branch and RC tags on the manifests repository now, as the bot does on its own (needs GITHUB_TOKEN).',
    options: JSON_OPTION,
    example: 'kfrelease rcs check v1.10.0',
    run: async (s: AppServices, { positionals, flags }, io) => {
      const release = findRelease(s, atMostVersion(positionals, 'kfrelease rcs check [VERSION]'));
      const result = await checkRcTags(rcCheckDeps(s), release);
      if (flags.json) return io.out(JSON.stringify(result, null, 2));
      if (result.found.length === 0) io.out(`Nothing new for ${release.version} in ${result.repo}.`);
      for (const row of result.found)
        io.out(`Found ${row.name} (${row.milestone}) at ${row.commitSha.slice(0, 12)}.`);
      for (const row of result.found.filter((r) => r.note)) io.out(`note: ${row.note}`);
      if (result.retest.length > 0)
        io.out(`Sign-offs back to pending: ${result.retest.map((r) => r.distribution).join(', ')}.`);
      if (result.found.length > 0) io.out('The running app announces it in the release channel.');
    },
  },
  rcs: {
    usage: 'kfrelease rcs [VERSION] [--json]',
    summary: 'The release branch and RC tags: expected, found, missing or late.',
    options: JSON_OPTION,
    example: 'kfrelease rcs v1.10.0',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      const view = rcStatus(s, atMostVersion(positionals, 'kfrelease rcs [VERSION] [--json]'));
      io.out(flags.json ? JSON.stringify(view, null, 2) : formatRcStatusText(view));
    },
  },
  signoffs: {
    usage: 'kfrelease signoffs [VERSION] [--json]',
    summary: "Each distribution's sign-off on the latest RC, and whether the release criterion is met.",
    options: JSON_OPTION,
    example: 'kfrelease signoffs v1.10.0',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      const view = getSignoffMatrix(s, atMostVersion(positionals, 'kfrelease signoffs [VERSION] [--json]'));
      io.out(flags.json ? JSON.stringify(view, null, 2) : formatSignoffsText(view));
    },
  },
};

import type { FeatureRow } from '../db/feature-repository';
import { docsLabel, featuresByWg, FEATURE_STATE_LABELS } from '../domain/features';
import { UserError } from '../errors';
import { escapeMarkdown, markdownLink } from '../text/github-markdown';
import { md } from '../text/mrkdwn';
import { listFeatures, type FeatureListView } from '../workflows/features';
import { getReleaseNotes } from '../workflows/release-notes';
import { JSON_OPTION, type CliCommand } from './cli-command';

const FEATURES_USAGE = 'kfrelease features [VERSION] [WORKING-GROUP] [--json | --markdown]';

/** A feature as the JSON export carries it: no Slack IDs, no audit trail. */
function exported(f: FeatureRow) {
  return {
    id: f.id,
    workingGroup: f.wg,
    title: f.title,
    state: f.state,
    reference: f.ref,
    url: f.url,
    pullRequest: f.isPullRequest,
    github: { title: f.githubTitle, state: f.githubState, labels: f.labels },
    highlight: f.highlight,
    docs: { needed: f.docsNeeded, pages: f.docsPages, item: f.docsItemId, status: f.docsStatus },
    kept: f.kept,
    reason: f.reason || null,
    landedAt: f.landedAt,
  };
}

/** The features as a Markdown table per working group. */
export function featuresMarkdown(view: FeatureListView): string {
  const out = [`# Features of Kubeflow ${view.version}${view.wg ? ` (${view.wg})` : ''}`];
  const groups = featuresByWg(view.features, view.workingGroups);
  if (groups.length === 0) out.push('', '_No features tracked yet._');
  for (const group of groups) {
    out.push(
      '',
      `## ${escapeMarkdown(group.wg)}`,
      '',
      '| # | Feature | State | Issue or PR | Docs | Highlight |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const f of group.features) {
      const state = `${FEATURE_STATE_LABELS[f.state]}${f.kept && f.state === 'at_risk' ? ' (kept)' : ''}${f.state === 'punted' && f.reason ? `: ${f.reason}` : ''}`;
      const cells = [
        String(f.id),
        escapeMarkdown(f.title),
        escapeMarkdown(state),
        markdownLink(f.url, f.ref),
        escapeMarkdown(docsLabel(f)),
        f.highlight ? 'yes' : '',
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
  }
  return out.join('\n');
}

function featureArgs(positionals: string[]): { version?: string; wg?: string } {
  if (positionals.length > 2)
    throw new UserError(
      'bad_argument',
      md`Give at most a release version and a working group.`,
      md`Usage: ${FEATURES_USAGE}`,
    );
  const isVersion = (w: string) => /^v?\d+(\.\d+)*(-[A-Za-z0-9.]+)?$/i.test(w);
  const version = positionals.find(isVersion);
  const wg = positionals.find((w) => !isVersion(w));
  return { ...(version ? { version } : {}), ...(wg ? { wg } : {}) };
}

/** The feature list and the release notes draft, printed for an operator or a script. */
export const CLI_FEATURE_COMMANDS: Record<string, CliCommand> = {
  features: {
    usage: FEATURES_USAGE,
    summary:
      'The features of the release by working group, with their state (tracked, at risk, landed, punted) and docs status.',
    options: {
      json: 'Print the features as JSON.',
      markdown: 'Print a Markdown table per working group.',
    },
    example: 'kfrelease features v1.10.0 Pipelines --markdown',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      const view = listFeatures(s, featureArgs(positionals));
      if (flags.json)
        return io.out(
          JSON.stringify(
            { version: view.version, workingGroup: view.wg, features: view.features.map(exported) },
            null,
            2,
          ),
        );
      if (flags.markdown) return io.out(featuresMarkdown(view));
      const groups = featuresByWg(view.features, view.workingGroups);
      if (groups.length === 0) return io.out(`No features tracked for Kubeflow ${view.version} yet.`);
      for (const group of groups) {
        io.out(`${group.wg}:`);
        for (const f of group.features)
          io.out(
            `  #${f.id} ${f.title} [${FEATURE_STATE_LABELS[f.state]}] ${f.ref} · ${docsLabel(f)}${f.highlight ? ' · highlight' : ''}`,
          );
      }
    },
  },
  'release-notes': {
    usage: 'kfrelease release-notes [VERSION] [--json]',
    summary:
      'The Markdown draft of the release notes: landed features by working group (highlights first), component versions, and the features punted to the next release.',
    options: JSON_OPTION,
    example: 'kfrelease release-notes v1.10.0',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      if (positionals.length > 1)
        throw new UserError(
          'bad_argument',
          md`Give at most a release version.`,
          md`Usage: kfrelease release-notes [VERSION]`,
        );
      const notes = getReleaseNotes(s, positionals[0]);
      io.out(flags.json ? JSON.stringify(notes, null, 2) : notes.markdown);
    },
  },
};

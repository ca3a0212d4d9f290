import { z } from 'zod';
import { UserError } from '../../errors';
import { code, md } from '../../text/mrkdwn';
import { getAnnouncementDraft } from '../../workflows/announcement-draft';
import { listDocs, prepareDocsForm, setDocsStatus } from '../../workflows/docs-tracking';
import {
  previewTrackingIssue,
  startTrackingIssueSetup,
  startTrackingIssueSync,
} from '../../workflows/tracking-issue';
import { announcementBlocks } from '../blocks/announcement-blocks';
import { docsAddView, docsListBlocks, docsStatusBlocks } from '../blocks/docs-blocks';
import { takePage } from './page-args';
import {
  trackingPreviewBlocks,
  trackingSetupStartedBlocks,
  trackingSyncBlocks,
} from '../blocks/tracking-issue-blocks';
import { optionalVersion, parseArgs, releaseVersion, versionOnly } from './subcommand';
import type { SubcommandHandlers } from './lazy-subcommands';
import { DOCS_USAGE, TRACKING_USAGE, type TrackingDocsSubcommandName } from './tracking-docs-subcommands';

const setupArgs = z
  .array(z.string())
  .min(1, 'Give the repository to create the tracking issue in, e.g. kubeflow/manifests.')
  .max(2, 'setup takes a repository and optionally a release version.');

/** What the tracking-docs subcommands do; loaded the first time one of them runs. */
export const TRACKING_DOCS_HANDLERS: SubcommandHandlers<TrackingDocsSubcommandName> = {
  'tracking-issue': (ctx, args) => {
    const [first, ...rest] = args;
    const action = first?.text;
    if (action === 'preview') {
      const version = releaseVersion(ctx, parseArgs(optionalVersion('preview'), rest, TRACKING_USAGE));
      return trackingPreviewBlocks(previewTrackingIssue(ctx.services, version));
    }
    if (action === 'setup') {
      const [repo = '', version] = parseArgs(setupArgs, rest, TRACKING_USAGE);
      const started = startTrackingIssueSetup(ctx.services, {
        userId: ctx.userId,
        repo,
        version: releaseVersion(ctx, version),
      });
      return trackingSetupStartedBlocks(started.release.version, started.repo, started.release.slackChannel);
    }
    if (action === 'sync') {
      const version = releaseVersion(ctx, parseArgs(optionalVersion('sync'), rest, TRACKING_USAGE));
      const started = startTrackingIssueSync(ctx.services, { userId: ctx.userId, version });
      return trackingSyncBlocks(started.release.version, started.url, started.state);
    }
    throw new UserError(
      'bad_argument',
      action
        ? md`There is no ${code(`tracking-issue ${action}`)}.`
        : md`Say what to do with the tracking issue.`,
      md`Usage: ${code(TRACKING_USAGE)}`,
    );
  },
  docs: (ctx, args) => {
    const [first, ...rest] = args;
    const action = first?.text;
    if (action === 'add') {
      const version = releaseVersion(ctx, parseArgs(optionalVersion('docs add'), rest, DOCS_USAGE));
      const form = prepareDocsForm(ctx.services, { userId: ctx.userId, version });
      return { view: docsAddView({ release: form.release.version, groups: form.groups }) };
    }
    if (action === 'set') {
      const [id = '', status = ''] = parseArgs(
        z.array(z.string()).length(2, 'Give the docs item number and its new status.'),
        rest,
        '/kfrelease docs set <id> <needed|in_progress|done|not_needed>',
      );
      const result = setDocsStatus(ctx.services, { userId: ctx.userId, id, status });
      return docsStatusBlocks(result.item, result.changed);
    }
    const listed = takePage(args, DOCS_USAGE);
    const version = parseArgs(optionalVersion('docs'), listed.rest, DOCS_USAGE);
    return docsListBlocks(listDocs(ctx.services, releaseVersion(ctx, version), listed.page));
  },
  announcement: (ctx, args) =>
    announcementBlocks(getAnnouncementDraft(ctx.services, versionOnly(ctx, args, 'announcement'))),
};

import { UserError } from '../errors';
import { getAnnouncementDraft } from '../workflows/announcement-draft';
import { previewTrackingIssue } from '../workflows/tracking-issue';
import { JSON_OPTION, type CliCommand } from './cli-command';
import { md } from '../text/mrkdwn';

function atMostVersion(positionals: string[], usage: string): string | undefined {
  if (positionals.length > 1)
    throw new UserError('bad_argument', md`Give at most a release version.`, md`Usage: ${usage}`);
  return positionals[0];
}

/** The tracking issue's dry run and the announcement draft, printed for an operator. */
export const CLI_TRACKING_DOCS_COMMANDS: Record<string, CliCommand> = {
  'tracking-issue preview': {
    usage: 'kfrelease tracking-issue preview [VERSION] [--json]',
    summary:
      'The tracking issue as kfrelease would write it on GitHub, and whether it differs; nothing is sent.',
    options: JSON_OPTION,
    example: 'kfrelease tracking-issue preview v1.10.0',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      const preview = previewTrackingIssue(
        s,
        atMostVersion(positionals, 'kfrelease tracking-issue preview [VERSION]'),
      );
      if (flags.json) {
        return io.out(
          JSON.stringify(
            {
              title: preview.title,
              body: preview.body,
              url: preview.issue?.url ?? null,
              changed: preview.changed,
            },
            null,
            2,
          ),
        );
      }
      io.out(`# ${preview.title}\n\n${preview.body}`);
      io.out(
        preview.issue?.url
          ? `\n(dry run: nothing sent to GitHub; ${preview.changed ? 'differs from' : 'same as'} ${preview.issue.url})`
          : '\n(dry run: nothing sent to GitHub; no tracking issue exists yet)',
      );
    },
  },
  announcement: {
    usage: 'kfrelease announcement [VERSION] [--json]',
    summary: 'The release announcement draft: highlights, component versions, thanks.',
    options: JSON_OPTION,
    example: 'kfrelease announcement v1.10.0',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      const draft = getAnnouncementDraft(s, atMostVersion(positionals, 'kfrelease announcement [VERSION]'));
      io.out(flags.json ? JSON.stringify(draft, null, 2) : draft.text);
    },
  },
};

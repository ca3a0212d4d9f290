import type { ReleaseRow } from '../db/release-repository';
import { UserError } from '../errors';
import { code, md } from '../text/mrkdwn';

/**
 * Refuses any change to a release that is no longer live: a closed or cancelled release is
 * read-only (forms, buttons, commands and the command line alike), and one sentence says which
 * release it is and what became of it. Call it before anything is written or queued.
 */
export function requireLive(release: ReleaseRow): void {
  if (release.status === 'live') return;
  const when = release.closedAt ? ` on ${release.closedAt.slice(0, 10)}` : '';
  const why = release.closeReason ? ` (${release.closeReason})` : '';
  throw new UserError(
    'conflict',
    md`Kubeflow ${release.version} is ${release.status}${when}${why}: it can no longer change, so nothing was saved.`,
    md`It can still be read by version, e.g. ${code(`/kfrelease status ${release.version}`)}.`,
  );
}

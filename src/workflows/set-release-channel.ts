import type { Clock } from '../clock';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { actorId, type Actor } from './actor';
import { authorityOf, refuse } from './authority';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { md } from '../text/mrkdwn';

/**
 * Makes a channel the release channel: where revisions, held decisions, RC tags and agendas are
 * posted. The release manager or an admin may; the command line is trusted.
 */
export function setReleaseChannel(
  deps: { store: Store; clock: Clock; admins: string[] },
  input: { version?: string; channel: string | null; actor: Actor },
) {
  const { store, clock } = deps;
  const release = findRelease(deps, input.version);
  requireLive(release);
  if (input.actor.kind === 'slack' && !authorityOf(deps, release, input.actor.userId).steers) {
    refuse(
      `choose the release channel of ${release.version}`,
      `the release manager of ${release.version} or an admin`,
    );
  }
  const channel = input.channel ?? '';
  if (!/^[CG][A-Z0-9]{2,}$/.test(channel)) {
    throw new UserError(
      'bad_argument',
      md`Run this in the public or private channel the release team works in (not in a direct message).`,
    );
  }
  if (release.slackChannel === channel) return { release, changed: false };
  const at = clock.now().toISO() ?? '';
  store.transaction(() => {
    store.releases.setChannel(release.id, channel);
    store.audit.record({
      at,
      actor: actorId(input.actor),
      releaseId: release.id,
      action: 'release.channel_set',
      details: { from: release.slackChannel, to: channel },
    });
  });
  return { release: { ...release, slackChannel: channel }, changed: true };
}

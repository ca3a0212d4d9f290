import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { md, type MdValue } from '../text/mrkdwn';

/** Who holds which authority in one release, from the team roster and KFRELEASE_ADMINS. */
export function authorityOf(deps: { store: Store; admins: string[] }, release: ReleaseRow, userId: string) {
  const roles = deps.store.team.rolesOf(release.id, userId);
  const admin = deps.admins.includes(userId);
  const releaseManager = roles.some((r) => r.role === 'release_manager' && !r.shadow);
  return {
    admin,
    releaseManager,
    /** The release manager's authority (deny upgrades, move phases, delay): release manager or admin. */
    steers: admin || releaseManager,
    /** Working groups this user is a liaison of (shadows included: they act for the WG too). */
    liaisonOf: roles.filter((r) => r.role === 'team_member' && r.wg).map((r) => r.wg as string),
  };
}

/** Slack user IDs of the release's (non-shadow) release managers. */
export function releaseManagerIds(store: Store, releaseId: number): string[] {
  return store.team
    .assignments(releaseId)
    .filter((a) => a.role === 'release_manager' && !a.shadow && a.slackId)
    .map((a) => a.slackId as string);
}

/** Slack user IDs of a working group's liaisons in a release. */
export function liaisonIds(store: Store, releaseId: number, wg: string): string[] {
  return store.team
    .assignments(releaseId)
    .filter((a) => a.role === 'team_member' && a.wg === wg && a.slackId)
    .map((a) => a.slackId as string);
}

/** Refuses with a message naming who may do it. */
export function refuse(what: MdValue, who: MdValue): never {
  throw new UserError(
    'forbidden',
    md`Only ${who} can ${what}.`,
    md`See who holds which role with \`/kfrelease team\`.`,
  );
}

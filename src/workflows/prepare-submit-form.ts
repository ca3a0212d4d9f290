import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import {
  freezeStarted,
  revisionTargets,
  submittableWorkingGroups,
  type RevisionTarget,
} from './revision-targets';
import { md } from '../text/mrkdwn';

export interface SubmitForm {
  release: ReleaseRow;
  /** Working groups the user may submit for. */
  groups: string[];
  /** The one chosen, or null while the user still has to pick. */
  wg: string | null;
  targets: RevisionTarget[];
  /** Per repository, the accepted revision that ships now. */
  lastAccepted: Map<string, string>;
  freeze: boolean;
}

/** What the revision form shows this user: their working groups and, once one is chosen, its repositories. */
export function prepareSubmitForm(
  deps: { store: Store; clock: Clock; admins: string[] },
  input: { userId: string; version?: string; wg?: string },
): SubmitForm {
  const release = findRelease(deps, input.version);
  requireLive(release);
  const allowed = submittableWorkingGroups(deps, release, input.userId);
  let chosen = allowed.length === 1 ? allowed[0] : undefined;
  if (input.wg) {
    chosen = allowed.find((g) => g.name.toLowerCase() === input.wg?.toLowerCase());
    if (!chosen) {
      throw new UserError(
        'forbidden',
        md`You cannot submit revisions for "${input.wg}": only its liaisons, the release manager or an admin can.`,
        md`You can submit for: ${allowed.map((g) => g.name).join(', ')}.`,
      );
    }
  }
  const lastAccepted = new Map<string, string>();
  if (chosen) {
    for (const row of deps.store.revisions.forRelease(release.id)) {
      if (row.wgId === chosen.id && row.status === 'accepted') lastAccepted.set(row.repo, row.revision);
    }
  }
  return {
    release,
    groups: allowed.map((g) => g.name),
    wg: chosen?.name ?? null,
    targets: chosen ? revisionTargets(chosen) : [],
    lastAccepted,
    freeze: freezeStarted(deps, release),
  };
}

import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import type { AgendaFacts } from '../domain/agenda';
import type { Deadline } from '../domain/reminders';
import { blockerSummary } from './list-blockers';
import { dueMissingArtifacts } from './rc-status';
import { distributionReps, signoffSummary } from './signoff-matrix';

export type AgendaExtras = Pick<AgendaFacts, 'blockers' | 'missingRcTags' | 'signoffs'>;

/** What the extra sources need: the same services every workflow gets. */
export type ExtrasDeps = { store: Store; clock: Clock };

/**
 * The agenda sections that come from other parts of kfrelease: open, at-risk and release-blocking
 * issues by WG (blockerSummary), the branch and RC tags due by the meeting and not found
 * (dueMissingArtifacts), and where each distribution's sign-off stands (signoffSummary; the
 * agenda shows it during distribution testing). The RC section is left out until the manifests
 * repository has been checked once: before that kfrelease cannot tell what is missing.
 */
export function gatherAgendaExtras(deps: ExtrasDeps, release: ReleaseRow, meetingOn: string): AgendaExtras {
  const blockers = blockerSummary(deps, release.id).map((b) => ({
    wg: b.wg,
    open: b.open,
    atRisk: b.atRisk,
    items: b.releaseBlocking > 0 ? [`${b.releaseBlocking} release-blocking`] : [],
  }));
  const checked = deps.store.rcTags.lastCheck(release.id) !== null;
  const missingRcTags = checked
    ? dueMissingArtifacts(deps, release, meetingOn).map(({ artifact, dueOn, owner }) => ({
        artifact,
        dueOn,
        owner,
      }))
    : undefined;
  const summary = signoffSummary(deps, release.id);
  const reps = distributionReps(deps.store, release.id);
  const people = (distribution: string) =>
    (reps.get(distribution) ?? []).map((a) => ({ name: a.name, slackId: a.slackId }));
  const signoffs = [
    ...summary.thumbsUp.map((d) => ({ distribution: d, state: `thumbs up on ${summary.rc}`, people: [] })),
    ...summary.blocked.map((d) => ({
      distribution: d,
      state: `blocked on ${summary.rc}`,
      people: people(d),
    })),
    ...summary.pending.map((d) => ({
      distribution: d,
      state: summary.rc ? `pending on ${summary.rc}` : 'waiting for the first RC',
      people: people(d),
    })),
  ];
  return { blockers, ...(missingRcTags ? { missingRcTags } : {}), signoffs };
}

/**
 * Whether a milestone's branch or tag is still missing: false once a check found it, true when
 * the manifests repository was checked and it was not there, undefined when kfrelease cannot tell
 * (never checked, or an optional RC nobody owes). Unknown artifacts are reminded to their owners
 * every time and never escalated.
 */
export function artifactMissing(
  deps: ExtrasDeps,
  release: ReleaseRow,
  deadline: Deadline,
): boolean | undefined {
  if (!deadline.artifact) return undefined;
  if (deps.store.rcTags.forRelease(release.id).some((row) => row.milestone === deadline.key)) return false;
  if (deps.store.rcTags.lastCheck(release.id) === null || deadline.optional) return undefined;
  return dueMissingArtifacts(deps, release, deadline.dueOn).some((a) => a.key === deadline.key);
}

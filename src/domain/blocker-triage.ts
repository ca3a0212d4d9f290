/** The release team's call on a tracked issue (handbook, Feature Freeze: "fix or punt"). */
export type BlockerDecision = 'none' | 'at_risk' | 'punted' | 'release_blocking';
/** What a person asks for; `punt` records the decision `punted`. */
export type TriageAction = 'at_risk' | 'punt' | 'release_blocking';
export type IssueState = 'open' | 'closed' | 'merged';

export const TRIAGE_ACTIONS: Record<TriageAction, { decision: BlockerDecision; what: string }> = {
  at_risk: { decision: 'at_risk', what: 'mark a blocking issue at risk' },
  punt: { decision: 'punted', what: 'punt a blocking issue to the next release' },
  release_blocking: { decision: 'release_blocking', what: 'mark an issue release-blocking' },
};

export const DECISION_LABELS: Record<BlockerDecision, string> = {
  none: 'not triaged',
  at_risk: 'at risk',
  punted: 'punted to the next release',
  release_blocking: 'release-blocking',
};

/** What a person holds in a release, as far as triage is concerned. */
export interface TriageAuthority {
  /** Release manager (not a shadow) or admin. */
  steers: boolean;
  /** Working groups the person is a liaison of. */
  liaisonOf: string[];
}

export type TriageRight = 'allowed' | 'needs_release_manager' | 'needs_release_manager_or_liaison';

/**
 * Who may triage: the release manager (or an admin) anything; a working group's liaisons their own
 * group's issues, except punting one already marked release-blocking, which delays or unblocks the
 * whole release and so is the release manager's call.
 */
export function triageRight(
  who: TriageAuthority,
  blocker: { wg: string; decision: BlockerDecision },
  action: TriageAction,
): TriageRight {
  if (who.steers) return 'allowed';
  const liaison = who.liaisonOf.some((wg) => wg.toLowerCase() === blocker.wg.toLowerCase());
  if (!liaison) return 'needs_release_manager_or_liaison';
  if (action === 'punt' && blocker.decision === 'release_blocking') return 'needs_release_manager';
  return 'allowed';
}

export type TriageCheck =
  | { ok: true; decision: BlockerDecision; reason: string | null }
  | { ok: false; field: 'decision' | 'reason'; problem: string };

const MAX_REASON = 1000;

/**
 * Whether a decision can be taken now: only open issues are triaged, a decision is not taken twice,
 * and a punt needs a reason (the working group and the next release read it).
 */
export function checkTriage(
  blocker: { state: IssueState; decision: BlockerDecision },
  action: TriageAction,
  rawReason: string | undefined,
): TriageCheck {
  const decision = TRIAGE_ACTIONS[action].decision;
  const reason = (rawReason ?? '').trim();
  if (blocker.state !== 'open') {
    return {
      ok: false,
      field: 'decision',
      problem: `It is ${blocker.state} on GitHub: there is nothing left to triage.`,
    };
  }
  if (blocker.decision === decision) {
    return { ok: false, field: 'decision', problem: `It is already ${DECISION_LABELS[decision]}.` };
  }
  if (action === 'punt' && reason.length < 3) {
    return {
      ok: false,
      field: 'reason',
      problem: 'Say why it is punted: the working group and the next release read it.',
    };
  }
  if (reason.length > MAX_REASON) {
    return { ok: false, field: 'reason', problem: `Keep the reason under ${MAX_REASON} characters.` };
  }
  return { ok: true, decision, reason: reason || null };
}

const MS_PER_DAY = 86_400_000;

/**
 * Whole days (24 hours each: an age, not a count of calendar days, so no time zone or
 * daylight-saving switch enters) from `since`, an ISO moment in UTC as stored, to `nowMs`
 * (epoch milliseconds, read once per answer); never negative. Plain arithmetic: a list of
 * thousands of tracked issues asks it once per row.
 */
export function ageInDays(since: string, nowMs: number): number {
  const from = Date.parse(since);
  if (Number.isNaN(from)) return 0;
  return Math.max(0, Math.floor((nowMs - from) / MS_PER_DAY));
}

/**
 * Whether an issue holds the release up now: open, and marked release-blocking, or reported as
 * blocking and not triaged yet (the reporter's word stands until someone decides).
 */
export function isReleaseBlocking(blocker: {
  state: IssueState;
  decision: BlockerDecision;
  blocksRelease: boolean;
}): boolean {
  if (blocker.state !== 'open') return false;
  return blocker.decision === 'release_blocking' || (blocker.decision === 'none' && blocker.blocksRelease);
}

/** Open, not punted, release-blocking first, then at risk, then the rest. */
export function triageRank(blocker: {
  state: IssueState;
  decision: BlockerDecision;
  blocksRelease: boolean;
}): number {
  if (blocker.state !== 'open') return 4;
  if (blocker.decision === 'punted') return 3;
  if (isReleaseBlocking(blocker)) return 0;
  return blocker.decision === 'at_risk' ? 1 : 2;
}

export interface BlockerCounts {
  wg: string;
  /** Open and not punted. */
  open: number;
  atRisk: number;
  releaseBlocking: number;
}

/** What GitHub says about an issue, as far as the release team cares. */
export interface IssueSnapshot {
  title: string;
  state: IssueState;
  labels: string[];
  assignees: string[];
}

export interface IssueChange {
  /** `closed`, `merged`, `reopened`, or null when the state stayed. */
  event: 'closed' | 'merged' | 'reopened' | null;
  labelsAdded: string[];
  labelsRemoved: string[];
  assigneesChanged: boolean;
  titleChanged: boolean;
}

/** What changed between two snapshots of an issue, for the sync to store and announce. */
export function issueChange(before: IssueSnapshot, after: IssueSnapshot): IssueChange {
  const event = before.state === after.state ? null : after.state === 'open' ? 'reopened' : after.state;
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  return {
    event,
    labelsAdded: after.labels.filter((l) => !before.labels.includes(l)),
    labelsRemoved: before.labels.filter((l) => !after.labels.includes(l)),
    assigneesChanged: !sameSet(before.assignees, after.assignees),
    titleChanged: before.title !== after.title,
  };
}

/** State and label changes are announced; a new title or assignee is only recorded. */
export function worthAnnouncing(change: IssueChange): boolean {
  return change.event !== null || change.labelsAdded.length > 0 || change.labelsRemoved.length > 0;
}

export function anyChange(change: IssueChange): boolean {
  return worthAnnouncing(change) || change.assigneesChanged || change.titleChanged;
}

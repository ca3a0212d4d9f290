import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import { rankSuccessors, type SuccessorCandidate } from '../domain/successor-ranking';
import { RELEASE_MANAGER_MIN_TEAMS, type TeamAssignment } from '../domain/team';
import { localDate } from '../domain/timeline';
import { parseVersion } from '../domain/version';
import type { Store } from '../db/store';
import { findRelease } from './find-release';
import { currentPlan } from './current-plan';

/** Who could take over as release manager, and the call for participation for the next release. */
export interface SuccessorView {
  version: string;
  /** The next minor release (v1.11.0 after v1.10.0); null for calendar versions, whose next one the team picks. */
  nextVersion: string | null;
  managers: TeamAssignment[];
  candidates: SuccessorCandidate[];
  recommended: SuccessorCandidate | null;
  minTeams: number;
  /** Plain text, ready to send to kubeflow-discuss. */
  callForParticipation: string;
}

/** The handbook's roles, as a call for participation describes them. */
const ROLES_WANTED = [
  'Release Manager: coordinates the release and takes ultimate accountability for it; has served on two or more release teams',
  'Release Team Members (Working Group liaisons): follow one or more working groups, keep the versions table and the manifests up to date',
  'Product Manager: drives the blog post, the release presentation, social media and user surveys',
  'Docs Lead: coordinates the documentation updates with the working groups',
  'Working Group Documentation and Test Leads: a good first role for newcomers to the community',
  'Distribution Representatives: test the release candidates on their distribution and report back',
];

function nextMinor(version: string): string | null {
  const parsed = parseVersion(version);
  if (!parsed.ok || parsed.version.scheme !== 'semver') return null;
  return `v${parsed.version.major}.${parsed.version.minor + 1}.0`;
}

function draftCall(params: {
  version: string;
  next: string | null;
  managers: TeamAssignment[];
  releasedOn: string | null;
  replyBy: string;
}): string {
  const next = params.next ? `Kubeflow ${params.next.replace(/\.0$/, '')}` : 'the next Kubeflow release';
  const signature = params.managers.map((m) => m.name).join(', ') || 'The Kubeflow release team';
  return [
    `Subject: Call for participation: ${next} release team`,
    '',
    'Hi everyone,',
    '',
    params.releasedOn
      ? `Kubeflow ${params.version} was released on ${params.releasedOn}. Thank you to everyone who made it happen!`
      : `Kubeflow ${params.version} is on its way. Thank you to everyone who is making it happen!`,
    '',
    `We are forming the release team for ${next} and are looking for volunteers for these roles:`,
    '',
    ...ROLES_WANTED.map((role) => `- ${role}`),
    '',
    'Most roles need no earlier release experience, and every role can be shadowed to learn it.',
    `To volunteer, reply to this thread by ${params.replyBy} with the role you would like (and the working group, if any).`,
    '',
    'How a release works: https://github.com/kubeflow/community/blob/master/releases/handbook.md',
    '',
    'Thanks,',
    `${signature}, release manager of Kubeflow ${params.version}`,
  ].join('\n');
}

/**
 * The handbook's hand-over: checks the release team's members against the prerequisite for the
 * next release manager (served on two or more release teams, this one included), prefers one from
 * a different organization than the release manager's, and drafts the call for participation.
 */
export function getSuccessorView(deps: { store: Store; clock: Clock }, version?: string): SuccessorView {
  const { store, clock } = deps;
  const release = findRelease(deps, version);
  const team = store.team.assignments(release.id);
  const dayAfterStart =
    DateTime.fromISO(release.startDate, { zone: 'UTC' }).plus({ days: 1 }).toISODate() ?? '';
  const ranking = rankSuccessors(team, store.team.earlierTeams(dayAfterStart));
  const today = localDate(clock.now(), release.timeZone);
  const releaseOn = currentPlan(store, release).timeline.milestones.find((m) => m.key === 'release')?.dueOn;
  const next = nextMinor(release.version);
  return {
    version: release.version,
    nextVersion: next,
    managers: ranking.managers,
    candidates: ranking.candidates,
    recommended: ranking.recommended,
    minTeams: RELEASE_MANAGER_MIN_TEAMS,
    callForParticipation: draftCall({
      version: release.version,
      next,
      managers: ranking.managers,
      releasedOn: releaseOn && releaseOn <= today ? releaseOn : null,
      replyBy: DateTime.fromISO(today, { zone: 'UTC' }).plus({ weeks: 2 }).toISODate() ?? today,
    }),
  };
}

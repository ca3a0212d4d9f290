import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Clock } from '../clock';
import {
  checklistState,
  parsePhaseChecklists,
  scopesOf,
  tickPermission,
  unmetItems,
  type ChecklistFacts,
  type ChecklistItem,
  type ItemState,
} from '../domain/phase-checklist';
import { planAdvance } from '../domain/replan';
import { releaseDayOf } from '../domain/plan-items';
import { phasePosition, phaseSequence, type PhasePosition } from '../domain/phase-position';
import { ROLE_TITLES, type RoleKey } from '../domain/roles';
import { summarizeTeam } from '../domain/team';
import { weekendMilestones } from '../domain/calendar-conflicts';
import { localDate, type PhaseDates, type Timeline } from '../domain/timeline';
import type { PhaseTransition } from '../db/phase-control-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { PROJECT_ROOT } from '../project-root';
import { refuse } from './authority';
import { announceDecision, requireReleaseManager } from './decision-log';
import { getComponentVersions } from './component-versions';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { rcStatus } from './rc-status';
import { signoffSummary } from './signoff-matrix';
import { code, join, md, user, type Mrkdwn } from '../text/mrkdwn';

/** Each phase's success criteria and actions, as data. */
export const CHECKLIST_FILE = path.join(PROJECT_ROOT, 'config', 'phase-checklists.yml');

/** The last file read, kept while its size and modification time stay the same. */
let lastRead: { file: string; stamp: string; items: ChecklistItem[] } | null = null;

/**
 * The checklists, read again whenever the file changes, so an edit counts at once; refuses a
 * broken file with every problem.
 */
export function readPhaseChecklists(file: string = CHECKLIST_FILE): ChecklistItem[] {
  let stamp = '';
  try {
    const stat = fs.statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  } catch {
    // Reading it below says what is wrong.
  }
  if (stamp && lastRead?.file === file && lastRead.stamp === stamp) return lastRead.items;
  const items = parseChecklistFile(file);
  lastRead = stamp ? { file, stamp, items } : null;
  return items;
}

function parseChecklistFile(file: string): ChecklistItem[] {
  const source = path.relative(PROJECT_ROOT, file);
  let data: unknown;
  try {
    data = parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError('bad_file', md`${source}: cannot be read: ${(error as Error).message}`);
  }
  const parsed = parsePhaseChecklists(data, source);
  if (!parsed.ok) {
    throw new UserError(
      'bad_file',
      md`The phase checklists have problems:\n${parsed.problems.map((p) => `• ${p}`).join('\n')}`,
      md`Whoever runs kfrelease fixes ${source}; the comments at its top show the shape.`,
    );
  }
  return parsed.items;
}

type Deps = { store: Store; clock: Clock; admins: string[] };

/** What kfrelease knows by itself about a release, for the items that tick themselves. */
function gatherFacts(deps: Deps, release: ReleaseRow): ChecklistFacts {
  const { store } = deps;
  const plan = store.releases.latestPlan(release);
  const workingGroups = store.workingGroups.list().map((g) => g.name);
  const summary = summarizeTeam(store.team.assignments(release.id), workingGroups);
  const versions = getComponentVersions(deps, release.version);
  const rcs = rcStatus(deps, release.version);
  const blockers = store.blockers.openDecisions(release.id);
  const signoffs = signoffSummary(deps, release.id);
  return {
    teamComplete:
      summary.releaseManagers.length > 0 && summary.byWorkingGroup.every((g) => g.liaisons.length > 0),
    revisionsMissing: versions.groups.length > 0 ? versions.missing : null,
    bugsAtRiskIdentified: blockers.open === 0 ? null : blockers.undecided === 0,
    tagged: rcs.lastCheck
      ? new Set(rcs.artifacts.filter((a) => a.state === 'found').map((a) => a.key))
      : null,
    plannedMilestones: plan?.timeline.milestones.map((m) => m.key) ?? [],
    patchOpened: store.patchReleases.forRelease(release.id).length > 0,
    meetingSetUp: store.meetings.meeting(release.id) !== null,
    trackingIssue: store.trackingIssues.find(release.id)?.url ?? null,
    signoffs: summary.byDistribution.length > 0 ? { met: signoffs.criterionMet, text: signoffs.text } : null,
    distributions: summary.byDistribution.map((d) => d.distribution),
    workingGroups,
    ticks: store.phaseControl.ticks(release.id),
  };
}

/** `/kfrelease phase`: the current phase, its checklist and those of the phases running alongside. */
export interface PhaseView {
  version: string;
  today: string;
  planRevision: number;
  position: PhasePosition;
  sections: { phase: PhaseDates; alongside: boolean; items: ItemState[] }[];
  /** Required items of the phases advancing now would close that are not done. */
  unmet: ItemState[];
  /** How the release entered its current phase, when the release manager moved it there. */
  enteredBy: PhaseTransition | null;
}

/**
 * Where a release stands today under its latest plan, with the sequence of phases read from its
 * first plan (see phaseSequence).
 */
export function releasePosition(deps: { store: Store; clock: Clock }, release: ReleaseRow) {
  const plan = deps.store.releases.latestPlan(release);
  if (!plan) throw new Error(`release ${release.version} has no plan`);
  const today = localDate(deps.clock.now(), release.timeZone);
  const first = deps.store.releases.firstPlan(release) ?? plan;
  return { plan, today, position: phasePosition(plan.timeline, today, phaseSequence(first.timeline)) };
}

function buildView(deps: Deps, release: ReleaseRow, items: ChecklistItem[]): PhaseView {
  const { plan, today, position } = releasePosition(deps, release);
  const states = checklistState(items, gatherFacts(deps, release));
  const of = (phase: PhaseDates) => states.filter((s) => s.item.phase === phase.key);
  const transitions = deps.store.phaseControl.transitions(release.id);
  return {
    version: release.version,
    today,
    planRevision: plan.revision,
    position,
    sections: [
      { phase: position.current, alongside: false, items: of(position.current) },
      ...position.alongside.map((phase) => ({ phase, alongside: true, items: of(phase) })),
    ],
    unmet: unmetItems(position.closing.flatMap(of)),
    enteredBy: [...transitions].reverse().find((t) => t.toPhase === position.current.key) ?? null,
  };
}

/** Where the named (or current) release stands in its phases, with the checklists. */
export function getPhaseView(deps: Deps, version?: string, items = readPhaseChecklists()): PhaseView {
  return buildView(deps, findRelease(deps, version), items);
}

/** "the Product Manager (<@U1>), the Release Manager (<@U2>) or an admin": who may tick an item. */
function whoMay(store: Store, release: ReleaseRow, roles: RoleKey[]): Mrkdwn {
  const team = store.team.assignments(release.id);
  const parts = roles.map((role) => {
    const holders = team.filter((a) => a.role === role);
    const named = [...new Map(holders.map((a) => [`${a.shadow}:${a.slackId ?? a.name}`, a])).values()].map(
      (a) => md`${a.shadow ? 'shadow ' : ''}${a.slackId ? user(a.slackId) : a.name}`,
    );
    const title = `the ${ROLE_TITLES[role]}${role === 'distribution_rep' || role === 'team_member' ? 's' : ''}`;
    return named.length > 0 ? md`${title} (${join(named)})` : md`${title}`;
  });
  return md`${join(parts)} or an admin`;
}

/**
 * Ticks or unticks a checklist item, as the data says who may: the roles named for it, admins,
 * and for a per-distribution or per-working-group item, each one for itself.
 */
export function setChecklistItem(
  deps: Deps,
  input: { userId: string; itemId: string; scope: string | null; checked: boolean; version?: string },
  items = readPhaseChecklists(),
): { version: string; state: ItemState; scope: string; changed: boolean } {
  const { store, clock } = deps;
  const release = findRelease(deps, input.version);
  requireLive(release);
  const item = items.find((i) => i.id === input.itemId.toLowerCase());
  if (!item) {
    const word = input.itemId.toLowerCase();
    const guess = items.find((i) => i.id.includes(word) || word.includes(i.id))?.id;
    throw new UserError(
      'not_found',
      md`There is no checklist item "${input.itemId}".${guess ? ` Did you mean \`${guess}\`?` : ''}`,
      md`See the items and their ids with \`/kfrelease phase\`.`,
    );
  }
  const facts = gatherFacts(deps, release);
  const scopes = scopesOf(item, facts);
  const summary = summarizeTeam(store.team.assignments(release.id), facts.workingGroups);
  const holder = {
    admin: deps.admins.includes(input.userId),
    roles: store.team.rolesOf(release.id, input.userId),
    docsLeadImplied: summary.docsLeadImplied,
  };
  const permission = tickPermission(item, holder, scopes, input.scope);
  const what = `${input.checked ? 'tick' : 'untick'} "${item.title}"`;
  if (!permission.ok && permission.reason === 'forbidden') refuse(what, whoMay(store, release, item.who));
  if (!permission.ok) {
    const kind = item.per === 'distribution' ? 'distribution' : 'working group';
    throw new UserError(
      'bad_argument',
      permission.given
        ? md`"${permission.given}" is not a ${kind} you can ${input.checked ? 'tick' : 'untick'} this for.`
        : md`Say which ${kind} this is for.`,
      md`For example ${code(`/kfrelease ${input.checked ? 'check' : 'uncheck'} ${item.id} ${permission.choices[0] ?? '<name>'}`)}; ${kind}s: ${permission.choices.join(', ') || 'none'}.`,
    );
  }
  const at = clock.now().toISO() ?? '';
  const changed = store.transaction(() => {
    const done = input.checked
      ? store.phaseControl.tick(release.id, { item: item.id, scope: permission.scope, by: input.userId, at })
      : store.phaseControl.untick(release.id, item.id, permission.scope);
    if (done) {
      store.audit.record({
        at,
        actor: input.userId,
        releaseId: release.id,
        action: input.checked ? 'checklist.checked' : 'checklist.unchecked',
        details: { item: item.id, scope: permission.scope },
      });
    }
    return done;
  });
  const state = checklistState([item], gatherFacts(deps, release))[0] as ItemState;
  return { version: release.version, state, scope: permission.scope, changed };
}

/** What moving to the next phase did. */
export interface AdvanceResult {
  version: string;
  from: PhaseDates;
  to: PhaseDates;
  today: string;
  unmet: ItemState[];
  reason: string;
  /** Days the next phase starts before its planned start (0 when it was due anyway). */
  daysEarly: number;
  /** The re-plan made, when the move came early. */
  planRevision: number | null;
  /** Milestones the early start moved onto a Saturday or Sunday. */
  weekend: Timeline['milestones'];
  /** Whether the later dates came as many days earlier, or stayed where they were. */
  moveLater: boolean;
  /** Release day before and after the move (the same unless the later dates moved). */
  releaseDay: { from: string | null; to: string | null };
}

/**
 * The release manager's authority to move the release to the next phase, even with criteria unmet
 * (the reason is then required and recorded). When the next phase was planned to start later, the
 * plan is re-planned so it starts today and the current phase ends yesterday, keeping the old plan;
 * the later dates, release day among them, stay unless `moveLater` brings them as many days
 * earlier. Only the release manager or an admin.
 */
export function advancePhase(
  deps: Deps,
  input: { userId: string; reason: string; version?: string; moveLater?: boolean },
  items = readPhaseChecklists(),
): AdvanceResult {
  const { store, clock } = deps;
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireReleaseManager(deps, release, input.userId, `move ${release.version} to its next phase`);
  const view = buildView(deps, release, items);
  const { current, next, started } = view.position;
  if (!next)
    throw new UserError(
      'conflict',
      md`${current.name} is the last phase of ${release.version}: there is no next one.`,
    );
  if (!started) {
    throw new UserError(
      'conflict',
      md`${current.name} of ${release.version} starts ${current.startsOn}: there is nothing to move on from yet.`,
    );
  }
  const reason = input.reason.trim();
  if (view.unmet.length > 0 && reason.length < 3) {
    const list = view.unmet.map((s) => `• \`${s.item.id}\` ${s.item.title}`).join('\n');
    throw new UserError(
      'bad_argument',
      md`${view.unmet.length} criteria of ${current.name} are not met:\n${list}`,
      md`Tick them with \`/kfrelease check <id>\`, or move on anyway and say why: \`/kfrelease phase advance <reason>\`.`,
    );
  }
  if (reason.length > 1000) throw new UserError('bad_argument', md`Keep the reason under 1,000 characters.`);
  const plan = store.releases.latestPlan(release);
  if (!plan) throw new Error(`release ${release.version} has no plan`);
  const moveLater = input.moveLater === true;
  const sequence = phaseSequence((store.releases.firstPlan(release) ?? plan).timeline);
  const replan = planAdvance(plan.timeline, next.key, view.today, { moveLater, sequence });
  if (!replan.ok) throw new Error(`cannot re-plan ${release.version} to start ${next.key} today`);
  const at = clock.now().toISO() ?? '';
  const unmet = view.unmet.map((s) => ({ id: s.item.id, title: s.item.title }));
  const daysEarly = -replan.days;
  const planRevision = store.transaction(() => {
    let revision: number | null = null;
    if (daysEarly > 0) {
      const early = `${daysEarly} day${daysEarly === 1 ? '' : 's'}`;
      const later = moveLater ? `, every later date ${early} earlier` : '';
      const why = `${next.name} started ${early} early, on ${view.today}${later}${reason ? `: ${reason}` : ''}`;
      store.releases.addPlan(release.id, replan.timeline, {
        reason: why,
        createdAt: at,
        createdBy: input.userId,
      });
      revision = store.releases.latestPlan(release)?.revision ?? null;
    }
    const transition = {
      fromPhase: current.key,
      toPhase: next.key,
      onDate: view.today,
      daysEarly,
      reason,
      unmet,
      planRevision: revision,
      actor: input.userId,
      at,
    };
    store.phaseControl.recordTransition(release.id, transition);
    const details = {
      from: current.key,
      to: next.key,
      reason,
      unmet,
      daysEarly,
      moveLater,
      planRevision: revision,
    };
    store.audit.record({ at, actor: input.userId, releaseId: release.id, action: 'phase.advanced', details });
    announceDecision(store, release, { action: 'phase.advanced', actor: input.userId, at, details });
    return revision;
  });
  const to = replan.timeline.phases.find((p) => p.key === next.key) ?? next;
  const moved = new Set(replan.changes.filter((c) => c.kind === 'milestone').map((c) => c.key));
  const weekend = weekendMilestones(replan.timeline).filter((m) => moved.has(m.key));
  const releaseDay = { from: releaseDayOf(plan.timeline), to: releaseDayOf(replan.timeline) };
  const base = { version: release.version, from: current, to, today: view.today, unmet: view.unmet };
  return { ...base, reason, daysEarly, planRevision, weekend, moveLater, releaseDay };
}

import { z } from 'zod';
import { MILESTONE_KEYS, PHASE_KEYS, type PhaseKey } from './phases';
import { ROLE_KEYS, type RoleKey } from './roles';

/** What kfrelease can see by itself that ticks an item without anyone doing so. */
export type AutoCheck =
  | { kind: 'team_complete' }
  | { kind: 'revisions_in' }
  | { kind: 'bugs_at_risk' }
  | { kind: 'tags'; milestones: string[] }
  | { kind: 'patch_opened' }
  | { kind: 'signoffs' }
  | { kind: 'meeting_set_up' }
  | { kind: 'tracking_issue' }
  | { kind: 'features_decided' };

/** One success criterion or action of a phase, from config/phase-checklists.yml. */
export interface ChecklistItem {
  id: string;
  phase: PhaseKey;
  title: string;
  /** The roles that may tick it (admins always may). */
  who: RoleKey[];
  /** Ticked once per distribution or per working group rather than once for the release. */
  per: 'distribution' | 'working_group' | null;
  auto: AutoCheck | null;
  /** "Optional but encouraged" in the handbook: never counts as unmet. */
  optional: boolean;
}

const itemSchema = z.strictObject({
  /** Unique across the file; people type it: `/kfrelease check <id>`. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes'),
  title: z.string().min(1, 'must not be empty'),
  /** Roles that may tick it: release_manager, team_member, product_manager, docs_lead, ... */
  who: z.array(z.enum(ROLE_KEYS)).min(1, 'must name at least one role'),
  /** distribution or working_group: each one ticks it for itself; done when all have. */
  per: z.enum(['distribution', 'working_group']).optional(),
  /** What kfrelease checks by itself; the item can still be ticked by hand. */
  auto: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('team_complete') }),
      z.strictObject({ kind: z.literal('revisions_in') }),
      z.strictObject({ kind: z.literal('bugs_at_risk') }),
      z.strictObject({ kind: z.literal('patch_opened') }),
      z.strictObject({ kind: z.literal('signoffs') }),
      z.strictObject({ kind: z.literal('meeting_set_up') }),
      z.strictObject({ kind: z.literal('tracking_issue') }),
      z.strictObject({ kind: z.literal('features_decided') }),
      z.strictObject({ kind: z.literal('tags'), milestones: z.array(z.enum(MILESTONE_KEYS)).min(1) }),
    ])
    .optional(),
  optional: z.boolean().default(false),
});

/** The YAML shape of config/phase-checklists.yml: items listed under their phase's key. */
export const phaseChecklistFileSchema = z.strictObject({
  phases: z.partialRecord(z.enum(PHASE_KEYS), z.array(itemSchema)),
});

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys') return issue.message;
  const keys = issue.keys.map((k) => `"${k}"`).join(', ');
  return pathOf(issue.path) === 'phases'
    ? `unknown phase ${keys}; the phases are ${PHASE_KEYS.join(', ')}`
    : `unknown field ${keys}; check the spelling`;
}

/** Validates the checklist file; every problem is reported at once as "<source>: <path>: <problem>". */
export function parsePhaseChecklists(
  data: unknown,
  source: string,
): { ok: true; items: ChecklistItem[] } | { ok: false; problems: string[] } {
  const parsed = phaseChecklistFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (issue) => `${source}: ${pathOf(issue.path) || '(top)'}: ${describeIssue(issue)}`,
      ),
    };
  }
  const items: ChecklistItem[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const phase of PHASE_KEYS) {
    (parsed.data.phases[phase] ?? []).forEach((entry, index) => {
      const where = `phases.${phase}[${index}]`;
      const earlier = seen.get(entry.id);
      if (earlier) problems.push(`${source}: ${where}.id: "${entry.id}" is already used by ${earlier}`);
      seen.set(entry.id, where);
      items.push({
        id: entry.id,
        phase,
        title: entry.title,
        who: entry.who,
        per: entry.per ?? null,
        auto: entry.auto ?? null,
        optional: entry.optional,
      });
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items };
}

/** A hand tick. `scope` is '' or the distribution or working group it is for. */
export interface Tick {
  item: string;
  scope: string;
  by: string;
  at: string;
}

/** What kfrelease knows about a release that decides the automatic items. */
export interface ChecklistFacts {
  teamComplete: boolean;
  /** Working groups without an accepted revision; null when kfrelease knows of no working group. */
  revisionsMissing: string[] | null;
  /** Null while kfrelease does not track bugs at risk. */
  bugsAtRiskIdentified: boolean | null;
  /** Milestones whose branch or tag was found; null while kfrelease does not look. */
  tagged: ReadonlySet<string> | null;
  /** The milestones of the release's plan and their phases: a tag item asks only for those of its phase. */
  plannedMilestones: { key: string; phase: string }[];
  patchOpened: boolean;
  meetingSetUp: boolean;
  /** The release tracking issue's URL once it is created on GitHub. */
  trackingIssue: string | null;
  /** The distributions' sign-offs on the current RC; null while kfrelease does not record them. */
  signoffs: { met: boolean; text: string } | null;
  distributions: string[];
  workingGroups: string[];
  ticks: Tick[];
  /**
   * The features of the release neither landed nor punted ("#3 Title (WG)"); null (or absent)
   * while no feature is tracked.
   */
  featuresUndecided?: string[] | null;
}

export interface ItemState {
  item: ChecklistItem;
  done: boolean;
  doneBy: 'auto' | 'tick' | null;
  /** The tick of an item ticked once for the release. */
  tick: Tick | null;
  /** For a per-distribution or per-working-group item: each one and its tick. */
  scopes: { scope: string; tick: Tick | null }[];
  /** What kfrelease saw, or why it cannot tell by itself. */
  autoNote: string | null;
}

function autoState(
  auto: AutoCheck,
  facts: ChecklistFacts,
  phase: string,
): { done: boolean; note: string | null } {
  switch (auto.kind) {
    case 'team_complete':
      return facts.teamComplete
        ? { done: true, note: 'a release manager and a liaison for every working group' }
        : { done: false, note: 'needs a release manager and a liaison for every working group' };
    case 'revisions_in':
      if (facts.revisionsMissing === null) return { done: false, note: 'no working groups are configured' };
      return facts.revisionsMissing.length === 0
        ? { done: true, note: 'every working group handed over a revision' }
        : { done: false, note: `no accepted revision yet: ${facts.revisionsMissing.join(', ')}` };
    case 'bugs_at_risk':
      if (facts.bugsAtRiskIdentified === null) return { done: false, note: null };
      return facts.bugsAtRiskIdentified
        ? { done: true, note: 'bugs at risk are triaged' }
        : { done: false, note: 'no bug triaged as at risk yet' };
    case 'patch_opened':
      return facts.patchOpened
        ? { done: true, note: 'a patch release is open' }
        : { done: false, note: 'open one with `/kfrelease patch <version>`' };
    case 'meeting_set_up':
      return facts.meetingSetUp
        ? { done: true, note: 'the weekly meeting is set up' }
        : { done: false, note: 'set it up with `/kfrelease meeting set`' };
    case 'tracking_issue':
      return facts.trackingIssue
        ? { done: true, note: facts.trackingIssue }
        : { done: false, note: 'not created on GitHub yet' };
    case 'features_decided': {
      const undecided = facts.featuresUndecided;
      if (!undecided)
        return { done: false, note: 'no features tracked: add them with `/kfrelease feature add`' };
      return undecided.length === 0
        ? { done: true, note: 'every feature landed or was punted' }
        : { done: false, note: `neither landed nor punted: ${undecided.join(', ')}` };
    }
    case 'signoffs':
      if (facts.signoffs === null) return { done: false, note: null };
      return { done: facts.signoffs.met, note: facts.signoffs.text };
    case 'tags': {
      if (facts.tagged === null) return { done: false, note: null };
      // A template may plan a tag in a later phase (handbook-12w cuts rc.1 in distribution testing).
      const planned = new Set(facts.plannedMilestones.filter((m) => m.phase === phase).map((m) => m.key));
      const wanted = auto.milestones.filter((m) => planned.has(m));
      const missing = wanted.filter((m) => !facts.tagged?.has(m));
      return missing.length === 0
        ? { done: true, note: `found ${keyList(wanted)}` }
        : { done: false, note: `not found yet: ${keyList(missing)}` };
    }
  }
}

/** The distributions or working groups a per-item is ticked for; none for an item ticked once. */
export function scopesOf(
  item: ChecklistItem,
  facts: Pick<ChecklistFacts, 'distributions' | 'workingGroups'>,
): string[] {
  if (item.per === 'distribution') return facts.distributions;
  return item.per === 'working_group' ? facts.workingGroups : [];
}

/** Whether each item is done: seen by kfrelease, or ticked (by every distribution or WG when per one). */
export function checklistState(items: ChecklistItem[], facts: ChecklistFacts): ItemState[] {
  return items.map((item) => {
    const ticks = facts.ticks.filter((t) => t.item === item.id);
    const auto = item.auto ? autoState(item.auto, facts, item.phase) : { done: false, note: null };
    const scopeNames = scopesOf(item, facts);
    const scopes = scopeNames.map((scope) => ({
      scope,
      tick: ticks.find((t) => t.scope.toLowerCase() === scope.toLowerCase()) ?? null,
    }));
    const tick = item.per ? null : (ticks.find((t) => t.scope === '') ?? null);
    const ticked = item.per ? scopes.length > 0 && scopes.every((s) => s.tick !== null) : tick !== null;
    const done = auto.done || ticked;
    return {
      item,
      done,
      doneBy: auto.done ? 'auto' : ticked ? 'tick' : null,
      tick,
      scopes,
      autoNote: auto.note,
    };
  });
}

/** Required items (not optional) that are not done. */
export function unmetItems(states: ItemState[]): ItemState[] {
  return states.filter((s) => !s.done && !s.item.optional);
}

/** The roles a person holds in a release, for deciding what they may tick. */
export interface TickHolder {
  admin: boolean;
  roles: { role: RoleKey; wg: string | null; distribution: string | null }[];
  /** No Docs Lead is named, so the Release Manager holds the role. */
  docsLeadImplied: boolean;
}

export const SCOPED_ROLE: Partial<Record<RoleKey, 'working_group' | 'distribution'>> = {
  team_member: 'working_group',
  wg_docs_lead: 'working_group',
  wg_test_lead: 'working_group',
  distribution_rep: 'distribution',
};

export type TickPermission =
  | { ok: true; scope: string }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'scope'; choices: string[]; given: string | null };

/**
 * Whether a person may tick an item, and for which distribution or working group. A role scoped to
 * one working group or distribution ticks a per-item only for its own; the other roles and admins
 * tick for any one they name.
 */
export function tickPermission(
  item: ChecklistItem,
  holder: TickHolder,
  scopes: string[],
  requested: string | null,
): TickPermission {
  const roles = [...holder.roles];
  if (holder.docsLeadImplied && roles.some((r) => r.role === 'release_manager')) {
    roles.push({ role: 'docs_lead', wg: null, distribution: null });
  }
  const allowed = roles.filter((r) => item.who.includes(r.role));
  if (!holder.admin && allowed.length === 0) return { ok: false, reason: 'forbidden' };
  if (!item.per) return { ok: true, scope: '' };

  const anyScope = holder.admin || allowed.some((r) => SCOPED_ROLE[r.role] !== item.per);
  const own = allowed
    .filter((r) => SCOPED_ROLE[r.role] === item.per)
    .map((r) => (item.per === 'distribution' ? r.distribution : r.wg) ?? '')
    .filter((scope) => scopes.some((s) => s.toLowerCase() === scope.toLowerCase()));
  const mine = [...new Set(own)];
  if (requested !== null) {
    const match = scopes.find((s) => s.toLowerCase() === requested.toLowerCase());
    if (!match) return { ok: false, reason: 'scope', choices: anyScope ? scopes : mine, given: requested };
    if (anyScope || mine.some((s) => s.toLowerCase() === match.toLowerCase()))
      return { ok: true, scope: match };
    return { ok: false, reason: 'forbidden' };
  }
  if (!anyScope && mine.length === 1) return { ok: true, scope: mine[0] ?? '' };
  if (!anyScope && mine.length === 0) return { ok: false, reason: 'forbidden' };
  return { ok: false, reason: 'scope', choices: anyScope ? scopes : mine, given: null };
}

/** Milestone keys as code: inside the checklist's italic note, `release_branch`'s underscores would end the italics. */
function keyList(keys: readonly string[]): string {
  return keys.map((k) => `\`${k}\``).join(', ');
}

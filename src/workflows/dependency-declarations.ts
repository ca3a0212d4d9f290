import type { Clock } from '../clock';
import type { DependencyDeclarationRow } from '../db/dependency-declaration-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { dependencyMatrix, parseRange } from '../domain/dependency-ranges';
import type { CommonDependency, DependencyList } from '../domain/dependency-list-schema';
import { parseExpectedVersion } from '../domain/expected-version';
import { UserError } from '../errors';
import { code, md } from '../text/mrkdwn';
import { authorityOf, refuse } from './authority';
import { enqueuePosts } from './enqueue-posts';
import { declaredVersionNotices } from './expected-version-check';
import { findRelease } from './find-release';
import { shippedDependencyList } from './load-dependency-list';
import { requireLive } from './release-lifecycle';
import { freezeStarted } from './revision-targets';

export type DeclarationDeps = {
  store: Store;
  clock: Clock;
  admins: string[];
  /** config/dependencies.yml; the shipped one when absent. */
  dependencyList?: DependencyList;
};

/** Block ids of the form's fields: one per component (by position), one per dependency. */
export const componentField = (index: number) => `component:${index}`;
export const dependencyField = (id: string) => `dep:${id}`;

export interface DeclarationForm {
  release: ReleaseRow;
  wg: string;
  components: { name: string; repo: string }[];
  dependencies: CommonDependency[];
  /** The working group's latest declaration, which the form starts from. */
  current: DependencyDeclarationRow | null;
}

const listOf = (deps: DeclarationDeps) => (deps.dependencyList ?? shippedDependencyList()).dependencies;

/** The working group named (or the person's only one), if they may declare for it; refuses otherwise. */
function groupToDeclare(deps: DeclarationDeps, release: ReleaseRow, userId: string, named?: string) {
  const { store } = deps;
  const authority = authorityOf(deps, release, userId);
  const groups = store.workingGroups.list();
  const name = named ?? (authority.liaisonOf.length === 1 ? authority.liaisonOf[0] : undefined);
  if (!name) {
    if (!authority.steers && authority.liaisonOf.length === 0)
      refuse(
        md`declare expected versions and dependency ranges`,
        md`a working group's liaisons, the release manager or an admin`,
      );
    const choices = authority.steers ? groups.map((g) => g.name) : authority.liaisonOf;
    throw new UserError(
      'bad_argument',
      md`Name the working group to declare for: ${choices.join(', ')}.`,
      md`For example ${code(`/kfrelease deps ${choices[0] ?? 'Notebooks'}`)}.`,
    );
  }
  const group = groups.find((g) => g.name.toLowerCase() === name.toLowerCase());
  if (!group)
    throw new UserError(
      'not_found',
      md`There is no working group "${name}".`,
      md`Working groups: ${groups.map((g) => g.name).join(', ')}.`,
    );
  if (!authority.steers && !authority.liaisonOf.includes(group.name)) {
    const liaisons = store.team
      .assignments(release.id)
      .filter((a) => a.role === 'team_member' && a.wg === group.name)
      .map((a) => a.name);
    const who =
      liaisons.length > 0
        ? `the liaisons of ${group.name} (${liaisons.join(', ')})`
        : `the liaisons of ${group.name}`;
    refuse(
      md`declare the expected versions and dependency ranges of ${group.name}`,
      md`${who}, the release manager or an admin`,
    );
  }
  return group;
}

/**
 * Declarations open with Feature Freeze (the handbook asks for them then): before it, the refusal
 * says from which day.
 */
function requireFreeze(deps: DeclarationDeps, release: ReleaseRow): void {
  if (freezeStarted(deps, release)) return;
  const freeze = deps.store.releases
    .latestPlan(release)
    ?.timeline.phases.find((p) => p.key === 'feature_freeze');
  const from = freeze ? md` on ${freeze.startsOn}` : md``;
  throw new UserError(
    'conflict',
    md`Expected versions and dependency ranges of ${release.version} are declared from the start of Feature Freeze${from}; it has not started yet.`,
    md`Until then, \`/kfrelease timeline\` shows the plan.`,
  );
}

/**
 * What the declaration form offers: the components of the working group asked for (or of the
 * person's only one) and the common dependencies, filled with its latest declaration. Liaisons
 * declare for their working group; the release manager and admins for any.
 */
export function prepareDeclarationForm(
  deps: DeclarationDeps,
  input: { userId: string; version?: string; wg?: string },
): DeclarationForm {
  const release = findRelease(deps, input.version);
  requireLive(release);
  const group = groupToDeclare(deps, release, input.userId, input.wg);
  requireFreeze(deps, release);
  const current =
    deps.store.dependencyDeclarations.latest(release.id).find((d) => d.wgId === group.id) ?? null;
  return {
    release,
    wg: group.name,
    components: shippingComponents(deps.store, release.id, group),
    dependencies: listOf(deps),
    current,
  };
}

/** The working group's components that ship in this release: a component the release manager marked as not shipping owes no expected version. */
function shippingComponents(
  store: Store,
  releaseId: number,
  group: { components: { id: number; name: string; repo: string }[] },
): { name: string; repo: string }[] {
  const skipped = new Set(store.workingGroups.skips(releaseId).map((s) => s.componentId));
  return group.components.filter((c) => !skipped.has(c.id)).map((c) => ({ name: c.name, repo: c.repo }));
}

/** A dependency whose range, as this working group declared it, shares no version with others'. */
export interface RangeConflict {
  dependency: string;
  range: string;
  /** The other working groups' ranges it does not intersect, e.g. `Pipelines (>=1.31)`. */
  with: { wg: string; range: string }[];
}

export type DeclareResult =
  | { kind: 'errors'; errors: Record<string, string> }
  | {
      kind: 'saved';
      release: ReleaseRow;
      declaration: DependencyDeclarationRow;
      dependencies: CommonDependency[];
      conflicts: RangeConflict[];
    };

/** The dependencies where `wg`'s range and another working group's have no version in common. */
function conflictsOf(deps: DeclarationDeps, releaseId: number, wg: string): RangeConflict[] {
  const declarations = deps.store.dependencyDeclarations.latest(releaseId);
  const rows = dependencyMatrix({ dependencies: listOf(deps), declarations });
  return rows.flatMap((row) => {
    const others = row.conflicts.flatMap(([a, b]) => (a === wg ? [b] : b === wg ? [a] : []));
    const range = row.cells.find((c) => c.wg === wg)?.range;
    if (others.length === 0 || !range) return [];
    const rangeOf = (other: string) => row.cells.find((c) => c.wg === other)?.range ?? '';
    return [{ dependency: row.name, range, with: others.map((o) => ({ wg: o, range: rangeOf(o) })) }];
  });
}

/**
 * A working group declares the expected final version of each of its components (each required)
 * and the range of each common dependency it supports (empty: it does not depend on it). Every
 * problem comes back next to its field and nothing is saved; a declaration replaces the working
 * group's earlier one, which stays in the history and the audit log. A final revision already
 * accepted with another version than the one declared is pointed out to the release manager.
 */
export function declareDependencies(
  deps: DeclarationDeps,
  input: {
    userId: string;
    version: string;
    wg: string;
    /** The component names the form was built with, in field order. */
    components: string[];
    /** Field values by block id. */
    values: Record<string, string>;
  },
): DeclareResult {
  const { store, clock } = deps;
  const release = findRelease(deps, input.version);
  requireLive(release);
  const group = groupToDeclare(deps, release, input.userId, input.wg);
  requireFreeze(deps, release);
  const errors: Record<string, string> = {};
  const expectedVersions: Record<string, string> = {};
  input.components.forEach((name, i) => {
    const field = componentField(i);
    if (!group.components.some((c) => c.name === name)) {
      errors[field] = `${name} is no longer a component of ${group.name}: close the form and open it again.`;
      return;
    }
    const read = parseExpectedVersion(input.values[field] ?? '');
    if (read.ok) expectedVersions[name] = read.version;
    else errors[field] = read.problem;
  });
  const ranges: Record<string, string> = {};
  for (const dep of listOf(deps)) {
    const text = (input.values[dependencyField(dep.id)] ?? '').trim();
    if (text === '') continue;
    const read = parseRange(text);
    if (read.ok) ranges[dep.id] = text;
    else errors[dependencyField(dep.id)] = read.problem;
  }
  if (Object.keys(errors).length > 0) return { kind: 'errors', errors };
  const at = clock.now().toUTC().toISO() ?? '';
  const declaration = store.transaction(() => {
    const id = store.dependencyDeclarations.insert({
      releaseId: release.id,
      wgId: group.id,
      expectedVersions,
      ranges,
      declaredBy: input.userId,
      declaredAt: at,
    });
    store.audit.record({
      at,
      actor: input.userId,
      releaseId: release.id,
      action: 'dependencies.declared',
      details: { id, wg: group.name, expectedVersions, ranges },
    });
    enqueuePosts(store, release.id, declaredVersionNotices(store, release, group.id), at);
    return store.dependencyDeclarations.byId(id);
  });
  if (!declaration) throw new Error('dependency declaration vanished after insert');
  return {
    kind: 'saved',
    release,
    declaration,
    dependencies: listOf(deps),
    conflicts: conflictsOf(deps, release.id, group.name),
  };
}

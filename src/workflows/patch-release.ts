import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import { parseIssueReference } from '../domain/issue-reference';
import {
  baseVersionOf,
  parseCriterion,
  patchVersionProblem,
  PATCH_CRITERIA,
  type PatchCriterion,
} from '../domain/patch-criteria';
import { localDate } from '../domain/timeline';
import { parseVersion, type ParsedVersion } from '../domain/version';
import type { PatchReleaseRow } from '../db/patch-release-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { refuse } from './authority';
import { announceDecision, requireReleaseManager } from './decision-log';
import { currentPlan, shippedOn } from './current-plan';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { code, md } from '../text/mrkdwn';
import { PATCH_ADD_USAGE } from './command-usages';

type Deps = { store: Store; clock: Clock; admins: string[] };

/** A patch release and the changes it includes, each with the handbook's criterion it meets. */
export interface PatchView {
  version: string;
  base: string;
  targetOn: string | null;
  releasedOn: string | null;
  openedBy: string;
  openedAt: string;
  changes: {
    ref: string;
    url: string;
    criterion: PatchCriterion;
    criterionTitle: string;
    note: string;
    addedBy: string;
    addedAt: string;
  }[];
  /** Other patch releases of the same minor release, by version. */
  siblings: string[];
}

function viewOf(store: Store, patch: PatchReleaseRow, release: ReleaseRow): PatchView {
  return {
    version: patch.version,
    base: release.version,
    targetOn: patch.targetOn,
    releasedOn: patch.releasedOn,
    openedBy: patch.openedBy,
    openedAt: patch.openedAt,
    changes: store.patchReleases.changes(patch.id).map((c) => ({
      ref: `${c.owner}/${c.repo}#${c.number}`,
      url: `https://github.com/${c.owner}/${c.repo}/issues/${c.number}`,
      criterion: c.criterion,
      criterionTitle: PATCH_CRITERIA[c.criterion],
      note: c.note,
      addedBy: c.addedBy,
      addedAt: c.addedAt,
    })),
    siblings: store.patchReleases
      .forRelease(release.id)
      .map((p) => p.version)
      .filter((v) => v !== patch.version),
  };
}

function readVersion(word: string): ParsedVersion {
  const parsed = parseVersion(word);
  if (!parsed.ok) throw new UserError('bad_argument', md`${parsed.error}`);
  return parsed.version;
}

function releaseOf(store: Store, patch: PatchReleaseRow): ReleaseRow {
  const release = store.releases.findById(patch.releaseId);
  if (!release) throw new Error(`patch release ${patch.version} has no release`);
  return release;
}

/** The patch release named, or the latest one of the release named (or of the current release). */
export function getPatchView(deps: Deps, version?: string, releaseVersion?: string): PatchView {
  const { store } = deps;
  if (version !== undefined) {
    const patch = store.patchReleases.findByVersion(readVersion(version).canonical);
    if (!patch) {
      throw new UserError(
        'not_found',
        md`There is no patch release ${readVersion(version).canonical}.`,
        md`The release manager opens it with \`/kfrelease patch ${readVersion(version).canonical}\`.`,
      );
    }
    return viewOf(store, patch, releaseOf(store, patch));
  }
  const release = findRelease(deps, releaseVersion);
  const latest = store.patchReleases.forRelease(release.id).at(-1);
  if (!latest) {
    throw new UserError(
      'not_found',
      md`${release.version} has no patch release yet.`,
      md`The release manager opens one after release day, e.g. \`/kfrelease patch ${release.version.replace(/\.0$/, '.1')}\`.`,
    );
  }
  return viewOf(store, latest, release);
}

/**
 * Opens a patch release of a minor release after its release day (the release manager's call), or
 * shows it when it is already open. Patch releases come one after the other; a target date is
 * optional.
 */
export function openPatchRelease(
  deps: Deps,
  input: { userId: string; version: string; targetOn?: string },
): { opened: boolean; view: PatchView } {
  const { store, clock } = deps;
  const version = readVersion(input.version);
  const existing = store.patchReleases.findByVersion(version.canonical);
  if (existing) return { opened: false, view: viewOf(store, existing, releaseOf(store, existing)) };
  const base = baseVersionOf(version);
  const release = store.releases.findByVersion(base);
  if (!release) {
    throw new UserError(
      'not_found',
      md`There is no release ${base} to patch.`,
      md`See the releases with \`/kfrelease status\`.`,
    );
  }
  requireLive(release);
  requireReleaseManager(deps, release, input.userId, `open patch release ${version.canonical}`);
  const today = localDate(clock.now(), release.timeZone);
  const problems: string[] = [];
  // A patch release follows the release as it really shipped, whatever day the plan said.
  if (!shippedOn(store, release)) {
    const planned = currentPlan(store, release).timeline.milestones.find((m) => m.key === 'release');
    problems.push(
      `${release.version} has not shipped yet${planned ? ` (planned for ${planned.dueOn})` : ''}: its patch releases are opened after. kfrelease records the day it ships when the final tag appears on the manifests repository, or when the release manager says so with \`/kfrelease release shipped\`.`,
    );
  }
  const problem = patchVersionProblem(
    version,
    store.patchReleases.forRelease(release.id).map((p) => p.patch),
  );
  if (problem) problems.push(problem);
  const target = input.targetOn;
  if (target !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(target) || !DateTime.fromISO(target).isValid)) {
    problems.push(`"${target}" is not a date; write the target date as YYYY-MM-DD.`);
  } else if (target !== undefined && target < today) {
    problems.push(`The target date ${target} is in the past; today is ${today}.`);
  }
  if (problems.length > 0) throw new UserError('bad_argument', md`${problems.join('\n')}`);

  const at = clock.now().toISO() ?? '';
  const patch = store.transaction(() => {
    store.patchReleases.open({
      releaseId: release.id,
      version: version.canonical,
      patch: version.patch ?? 1,
      targetOn: target ?? null,
      openedBy: input.userId,
      openedAt: at,
    });
    const details = { version: version.canonical, targetOn: target ?? null };
    store.audit.record({ at, actor: input.userId, releaseId: release.id, action: 'patch.opened', details });
    announceDecision(store, release, { action: 'patch.opened', actor: input.userId, at, details });
    return store.patchReleases.findByVersion(version.canonical);
  });
  if (!patch) throw new Error(`patch release ${version.canonical} vanished after insert`);
  return { opened: true, view: viewOf(store, patch, release) };
}

/**
 * Records an issue or pull request a patch release includes, with the handbook's criterion it
 * meets (important bug fix, critical security fix, documentation update). Anyone on the release
 * team, or an admin; every problem with the arguments at once.
 */
export function addPatchChange(
  deps: Deps,
  input: { userId: string; version: string; ref: string; criterion: string; note: string },
): PatchView {
  const { store, clock } = deps;
  const canonical = readVersion(input.version).canonical;
  const patch = store.patchReleases.findByVersion(canonical);
  if (!patch) {
    throw new UserError(
      'not_found',
      md`There is no patch release ${canonical}.`,
      md`The release manager opens it with \`/kfrelease patch ${canonical}\`.`,
    );
  }
  const release = releaseOf(store, patch);
  requireLive(release);
  const onTeam = store.team.rolesOf(release.id, input.userId).length > 0;
  if (!onTeam && !deps.admins.includes(input.userId)) {
    refuse(`add changes to ${canonical}`, `members of the ${release.version} release team or an admin`);
  }
  if (patch.releasedOn)
    throw new UserError(
      'conflict',
      md`${canonical} was released on ${patch.releasedOn}; add the change to the next patch release.`,
    );
  const problems: string[] = [];
  const ref = parseIssueReference(input.ref);
  if (!ref.ok) problems.push(`"${input.ref}": ${ref.problem}`);
  const criterion = parseCriterion(input.criterion);
  if (!criterion) {
    problems.push(
      `"${input.criterion}" is not one of the handbook's criteria: bug (important bug fix), security (critical security fix) or docs (documentation update).`,
    );
  }
  if (input.note.length > 500) problems.push('Keep the note under 500 characters.');
  if (!ref.ok || !criterion || problems.length > 0)
    throw new UserError('bad_argument', md`${problems.join('\n')}`, md`Usage: ${code(PATCH_ADD_USAGE)}`);

  const at = clock.now().toISO() ?? '';
  store.transaction(() => {
    const change = { ...ref.ref, criterion, note: input.note.trim(), addedBy: input.userId, addedAt: at };
    if (!store.patchReleases.addChange(patch.id, change)) {
      throw new UserError(
        'conflict',
        md`${canonical} already includes ${ref.ref.owner}/${ref.ref.repo}#${ref.ref.number}.`,
      );
    }
    const details = {
      version: canonical,
      ref: `${ref.ref.owner}/${ref.ref.repo}#${ref.ref.number}`,
      criterion,
    };
    store.audit.record({
      at,
      actor: input.userId,
      releaseId: release.id,
      action: 'patch.change_added',
      details,
    });
  });
  return viewOf(store, patch, release);
}

/** Marks a patch release as shipped today (the release manager's call); later changes go to the next one. */
export function markPatchReleased(deps: Deps, input: { userId: string; version: string }): PatchView {
  const { store, clock } = deps;
  const canonical = readVersion(input.version).canonical;
  const patch = store.patchReleases.findByVersion(canonical);
  if (!patch) throw new UserError('not_found', md`There is no patch release ${canonical}.`);
  const release = releaseOf(store, patch);
  requireLive(release);
  requireReleaseManager(deps, release, input.userId, `mark ${canonical} as released`);
  const on = localDate(clock.now(), release.timeZone);
  const at = clock.now().toISO() ?? '';
  store.transaction(() => {
    if (!store.patchReleases.markReleased(patch.id, on)) {
      throw new UserError('conflict', md`${canonical} was already released on ${patch.releasedOn ?? on}.`);
    }
    const details = { version: canonical, on };
    store.audit.record({ at, actor: input.userId, releaseId: release.id, action: 'patch.released', details });
    announceDecision(store, release, { action: 'patch.released', actor: input.userId, at, details });
  });
  return viewOf(store, store.patchReleases.findByVersion(canonical) ?? patch, release);
}

import type { Clock } from '../clock';
import type { ArtifactCheckRow, ReleaseArtifactRow } from '../db/rc-tag-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { artifactTiming, latestRc, type ArtifactState } from '../domain/rc-tags';
import { artifactDate } from './current-plan';
import { findRelease } from './find-release';
import { todayIn } from './today-in';

/** One planned artifact (or an RC the plan does not list) and where it stands. */
export interface ArtifactStatus {
  /** release_branch, rc.N or release. */
  key: string;
  /** The milestone's name, e.g. "rc.1 tagged on the last day of feature freeze". */
  name: string;
  kind: 'branch' | 'tag';
  /** The branch or tag name the plan expects. */
  expected: string | null;
  /** Null for an RC the plan does not list. */
  dueOn: string | null;
  optional: boolean;
  owner: string | null;
  state: ArtifactState;
  /** Days from today to the due date; null without one. */
  daysLeft: number | null;
  daysLate: number;
  found: Omit<ReleaseArtifactRow, 'id' | 'releaseId' | 'milestone' | 'kind' | 'rc'> | null;
}

/** `/kfrelease rcs`: the release branch, RC tags and final tag, due, found or missing. */
export interface RcStatusView {
  version: string;
  timeZone: string;
  channel: string | null;
  today: string;
  /** The last check of the manifests repository, null before the first. */
  lastCheck: ArtifactCheckRow | null;
  latestRc: { key: string; tag: string } | null;
  artifacts: ArtifactStatus[];
}

type Deps = { store: Store; clock: Clock };

function buildStatus(deps: Deps, release: ReleaseRow): RcStatusView {
  const { store } = deps;
  const plan = store.releases.latestPlan(release);
  if (!plan) throw new Error(`release ${release.version} has no plan`);
  const today = todayIn(deps, release.timeZone);
  const rows = store.rcTags.forRelease(release.id);
  const byKey = new Map(rows.map((row) => [row.milestone, row]));
  const found = (row: ReleaseArtifactRow | undefined) => {
    if (!row) return null;
    const { id: _id, releaseId: _r, milestone: _m, kind: _k, rc: _rc, ...rest } = row;
    return rest;
  };
  const planned: ArtifactStatus[] = plan.timeline.milestones
    .filter((m) => m.artifact !== null)
    .map((m) => {
      const row = byKey.get(m.key);
      const timing = artifactTiming({
        dueOn: m.dueOn,
        optional: m.optional,
        foundOn: row ? artifactDate(row, release.timeZone) : null,
        today,
      });
      return {
        key: m.key,
        name: m.name,
        kind: m.key === 'release_branch' ? 'branch' : 'tag',
        expected: m.artifact,
        dueOn: m.dueOn,
        optional: m.optional,
        owner: m.owner,
        ...timing,
        found: found(row),
      };
    });
  const plannedKeys = new Set(planned.map((a) => a.key));
  const extras: ArtifactStatus[] = rows
    .filter((row) => !plannedKeys.has(row.milestone))
    .map((row) => ({
      key: row.milestone,
      name: `${row.milestone} (not in the plan)`,
      kind: row.kind,
      expected: null,
      dueOn: null,
      optional: true,
      owner: null,
      state: 'found',
      daysLeft: null,
      daysLate: 0,
      found: found(row),
    }));
  const latest = latestRc(rows);
  return {
    version: release.version,
    timeZone: release.timeZone,
    channel: release.slackChannel,
    today,
    lastCheck: store.rcTags.lastCheck(release.id),
    latestRc: latest ? { key: latest.milestone, tag: latest.normalized } : null,
    artifacts: [...planned, ...extras],
  };
}

/** Where the named release's (or the current one's) branch and tags stand today. */
export function rcStatus(deps: Deps, version?: string): RcStatusView {
  return builtOnce(deps, findRelease(deps, version));
}

/** Status and its phase checklist both ask: inside one answer it is built once. */
const builtOnce = (deps: Deps, release: ReleaseRow) =>
  deps.store.remember(`rc-status:${release.id}`, () => buildStatus(deps, release));

/** A planned artifact that is due today or late and not found, for reminders. */
export interface DueMissingArtifact {
  key: string;
  artifact: string;
  dueOn: string;
  owner: string;
}

/**
 * The required artifacts due on or before `today` (a calendar date in the release's zone) that no
 * check has found. Optional ones (rc.3) are never owed.
 */
export function dueMissingArtifacts(
  deps: { store: Store },
  release: ReleaseRow,
  today: string,
): DueMissingArtifact[] {
  const plan = deps.store.releases.latestPlan(release);
  if (!plan) return [];
  const found = new Set(deps.store.rcTags.forRelease(release.id).map((row) => row.milestone));
  return plan.timeline.milestones
    .filter((m) => m.artifact !== null && !m.optional && m.dueOn <= today && !found.has(m.key))
    .map((m) => ({ key: m.key, artifact: m.artifact as string, dueOn: m.dueOn, owner: m.owner }));
}

/** The RC tags in one line, for `status`. */
export interface RcSummary {
  latestRc: string | null;
  dueMissing: { key: string; artifact: string; dueOn: string; daysLate: number }[];
  /** Plain text, e.g. "RC tags: latest v1.10.0-rc.1; missing v1.10.0-rc.2 (due 2026-05-29, 3 days late)". */
  text: string;
}

/** The latest RC found and what is due and missing, for the release status. */
export function rcSummary(deps: Deps, release: ReleaseRow): RcSummary {
  const view = builtOnce(deps, release);
  const dueMissing = view.artifacts
    .filter((a) => a.state === 'due' || a.state === 'missing')
    .map((a) => ({ key: a.key, artifact: a.expected ?? a.key, dueOn: a.dueOn ?? '', daysLate: a.daysLate }));
  const latest = view.latestRc ? `latest ${view.latestRc.tag}` : 'no RC tag found yet';
  const owed = dueMissing.map(
    (a) =>
      `${a.artifact} (due ${a.dueOn}, ${a.daysLate === 0 ? 'today' : `${a.daysLate} day${a.daysLate === 1 ? '' : 's'} late`})`,
  );
  const checked = view.lastCheck ? '' : ' (the manifests repository has not been checked yet)';
  return {
    latestRc: view.latestRc?.tag ?? null,
    dueMissing,
    text: `RC tags: ${latest}${owed.length > 0 ? `; missing ${owed.join(', ')}` : ''}${checked}`,
  };
}

import type { Clock } from '../clock';
import type { BlockerRow } from '../db/blocker-repository';
import type { Store } from '../db/store';
import { ageInDays, isReleaseBlocking, triageRank, type BlockerCounts } from '../domain/blocker-triage';
import { UserError } from '../errors';
import { findRelease } from './find-release';
import { md } from '../text/mrkdwn';

export interface BlockerItem extends BlockerRow {
  /** Whole days since it was reported to the release team. */
  ageDays: number;
  releaseBlocking: boolean;
}

export interface BlockersView {
  version: string;
  /** The working group asked for, or null for all. */
  wg: string | null;
  groups: { wg: string; active: BlockerItem[]; punted: BlockerItem[]; closed: BlockerItem[] }[];
  /** The oldest refresh from GitHub among the listed issues. */
  lastSyncedAt: string | null;
}

/** The working group a list is narrowed to; a UserError naming the others when there is none. */
export function namedWorkingGroup(
  store: Store,
  name: string | undefined,
): { id: number; name: string } | null {
  if (!name) return null;
  const group = store.workingGroups.findByName(name);
  if (group) return group;
  const names = store.workingGroups.list().map((g) => g.name);
  throw new UserError(
    'not_found',
    md`There is no working group "${name}".`,
    md`Working groups: ${names.join(', ')}.`,
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Tracked issues of a release by working group: the open ones (release-blocking first, then at
 * risk, then the rest, oldest first), then the punted and closed ones.
 */
export function listBlockers(
  deps: { store: Store; clock: Clock },
  input: { version?: string; wg?: string },
): BlockersView {
  const release = findRelease(deps, input.version);
  const wg = namedWorkingGroup(deps.store, input.wg)?.name ?? null;
  const nowMs = deps.clock.now().toMillis();
  const rows = deps.store.blockers.forRelease(release.id).filter((r) => wg === null || r.wg === wg);
  const items: (BlockerItem & { rank: number })[] = rows.map((row) => ({
    ...row,
    ageDays: ageInDays(row.submittedAt, nowMs),
    releaseBlocking: isReleaseBlocking(row),
    rank: triageRank(row),
  }));
  // Stored moments are UTC ISO strings of one shape: they sort as plain strings.
  items.sort((a, b) => a.rank - b.rank || compareText(a.submittedAt, b.submittedAt) || a.id - b.id);
  const groups = new Map<string, BlockersView['groups'][number]>();
  for (const { rank: _rank, ...item } of items) {
    const group = groups.get(item.wg) ?? { wg: item.wg, active: [], punted: [], closed: [] };
    if (item.state !== 'open') group.closed.push(item);
    else if (item.decision === 'punted') group.punted.push(item);
    else group.active.push(item);
    groups.set(item.wg, group);
  }
  const synced = rows.map((r) => r.lastSyncedAt).sort();
  return {
    version: release.version,
    wg,
    groups: [...groups.values()].sort((a, b) => a.wg.localeCompare(b.wg)),
    lastSyncedAt: synced[0] ?? null,
  };
}

/**
 * Per working group with open tracked issues: how many are open (not punted), at risk, and
 * release-blocking (marked so, or reported as blocking and not triaged yet). For `status`.
 */
export function blockerSummary(deps: { store: Store }, releaseId: number): BlockerCounts[] {
  return deps.store.blockers
    .openCounts(releaseId)
    .filter((c) => c.open > 0)
    .map(({ wg, open, atRisk, releaseBlocking }) => ({ wg, open, atRisk, releaseBlocking }))
    .sort((a, b) => a.wg.localeCompare(b.wg));
}

import type { Clock } from '../clock';
import type { BlockerGroupCounts, BlockerRef } from '../db/blocker-list-queries';
import type { Store } from '../db/store';
import { ageInDays, isReleaseBlocking } from '../domain/blocker-triage';
import type { ListPage } from '../domain/list-page';
import { UserError } from '../errors';
import { code, md } from '../text/mrkdwn';
import { findRelease } from './find-release';
import { pageOfList } from './page-of-list';
import { namedWorkingGroup, type BlockerItem } from './list-blockers';

/** How much of the list a Slack answer has room for. */
export interface BlockersRoom {
  /** Open issues shown one by one in all, given how many working groups the list has. */
  items: (groups: number) => number;
  /** Characters a line of punted or closed references may take. */
  refs: number;
  /** Characters one reference takes in that line, with its separator, as Slack is sent it. */
  refLength: (ref: BlockerRef) => number;
}

/** What `/kfrelease blockers` shows: counts for everything, rows only for what fits in Slack. */
export interface BlockersPage {
  version: string;
  /** The working group asked for, or null for all. */
  wg: string | null;
  groups: {
    wg: string;
    counts: BlockerGroupCounts;
    /** The first open, un-punted issues in triage order (release-blocking, at risk, the rest; oldest first). */
    active: BlockerItem[];
    /** The first punted and closed issues, oldest first. */
    punted: BlockerRef[];
    closed: BlockerRef[];
  }[];
  /** The oldest refresh from GitHub among the listed issues. */
  lastSyncedAt: string | null;
  /** Listing one working group: which page of its open issues this is. Null for every group. */
  page: ListPage | null;
}

/**
 * Tracked issues of a release by working group, as a Slack answer can show them: counted in SQL,
 * with only the first rows of each group read, so the cost stays the same however many the
 * release tracks. Same order and counts as listBlockers. One working group's open issues come a
 * page at a time (`page`, from 1); the list of every group has the one page that fits.
 */
export function getBlockersPage(
  deps: { store: Store; clock: Clock },
  input: { version?: string; wg?: string; page?: number },
  room: BlockersRoom,
): BlockersPage {
  const { store } = deps;
  const release = findRelease(deps, input.version);
  const group = namedWorkingGroup(store, input.wg);
  const wgId = group?.id ?? null;
  const requested = input.page ?? 1;
  const nowMs = deps.clock.now().toMillis();
  const counts = store.blockerLists.counts(release.id, wgId).sort((a, b) => a.wg.localeCompare(b.wg));
  if (!group && requested !== 1) {
    const example = counts.find((c) => c.active > 0)?.wg ?? counts[0]?.wg ?? 'Pipelines';
    throw new UserError(
      'bad_argument',
      md`Pages are per working group: name one before the page.`,
      md`For example ${code(`/kfrelease blockers ${release.version} ${example} page ${requested}`)}.`,
    );
  }
  const page = group
    ? pageOfList({
        total: counts[0]?.active ?? 0,
        perPage: Math.max(1, room.items(1)),
        page: requested,
        what: `open issues of ${group.name} in ${release.version}`,
        command: `/kfrelease blockers ${release.version} ${group.name}`,
      })
    : null;
  const offset = page?.offset ?? 0;
  // Groups in the order shown, each given the open issues that still fit: nothing else is read.
  let left = Math.max(0, room.items(counts.length));
  const active = new Map<string, BlockerItem[]>();
  for (const group of counts) {
    const take = Math.min(left, group.active - offset);
    if (take <= 0) continue;
    left -= take;
    const rows = store.blockerLists.firstActive(release.id, group.wgId, take, offset);
    active.set(
      group.wg,
      rows.map((row) => ({
        ...row,
        ageDays: ageInDays(row.submittedAt, nowMs),
        releaseBlocking: isReleaseBlocking(row),
      })),
    );
  }
  // Punted and closed issues as references, read only as far as a line of them can go.
  const refsOf = (group: BlockerGroupCounts, kind: BlockerRef['kind']) =>
    group[kind] > 0 ? store.blockerLists.firstRefs(release.id, group, kind, room.refs, room.refLength) : [];
  const synced = counts.map((c) => c.oldestSync).sort();
  return {
    version: release.version,
    wg: group?.name ?? null,
    groups: counts.map((c) => ({
      wg: c.wg,
      counts: c,
      active: active.get(c.wg) ?? [],
      punted: refsOf(c, 'punted'),
      closed: refsOf(c, 'closed'),
    })),
    lastSyncedAt: synced[0] ?? null,
    page,
  };
}

import type { DateTime } from 'luxon';
import { wallClockSeconds, type Clock } from '../clock';
import type { BlockerRow, BlockerSyncState } from '../db/blocker-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { anyChange, issueChange, worthAnnouncing } from '../domain/blocker-triage';
import {
  GitHubUnavailableError,
  issueKey,
  type IssueInfo,
  type IssueLookups,
  type IssueRef,
} from '../github/github-client';
import type { Logger } from '../logger';
import { blockerChangeNotices } from './blocker-notices';
import { enqueuePosts } from './enqueue-posts';

export interface SyncBlockersDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  github: IssueLookups;
}

export interface SyncBlockersResult {
  /** GraphQL queries sent (a failed one included). */
  requests: number;
  /** Rate-limit points GitHub charged. */
  cost: number;
  /** Tracked issues whose state or labels changed (each announced once). */
  changed: number;
  /** Tracked issues still to refresh in the pass under way; 0 once the pass is complete. */
  remaining: number;
  /** Set while the sync waits (rate limit, or backoff after a failure): it asks GitHub nothing before. */
  waitingUntil: string | null;
  error: string | null;
}

/** Issues per GraphQL query: GitHub's 100 nodes, about one rate-limit point. */
const BATCH = 100;
/** After a failure without a "come back at", wait 1, 2, 4... minutes, at most 30. */
const BACKOFF_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 30 * 60;

const refOf = (row: BlockerRow): IssueRef => ({ owner: row.owner, repo: row.repo, number: row.number });
const iso = (at: DateTime) => at.toUTC().toISO() ?? '';

/**
 * Refreshes every tracked issue of the active releases from GitHub, 100 per GraphQL query, and
 * announces state and label changes in the release channel. It walks the issues by id and saves
 * its place after each batch, so a sync stopped by `limitBatches`, an error or a rate limit
 * continues where it stopped. After a rate limit it waits for GitHub's reset, after a failure a
 * growing backoff; until then a call asks GitHub nothing, so calling it often is harmless.
 */
export async function syncBlockers(
  deps: SyncBlockersDeps,
  options: { limitBatches?: number } = {},
): Promise<SyncBlockersResult> {
  const { store, clock } = deps;
  const log = deps.logger.child({ job: 'blocker-sync' });
  const result: SyncBlockersResult = {
    requests: 0,
    cost: 0,
    changed: 0,
    remaining: 0,
    waitingUntil: null,
    error: null,
  };
  let state = store.blockers.syncState();
  const remaining = () => (state.cursor > 0 ? store.blockers.countAfter(state.cursor) : 0);
  if (state.nextAttemptAt && state.nextAttemptAt > iso(clock.now())) {
    const waiting = state.cursor > 0 ? remaining() : store.blockers.countAfter(0);
    return { ...result, remaining: waiting, waitingUntil: state.nextAttemptAt, error: state.lastError };
  }

  for (let batch = 0; options.limitBatches === undefined || batch < options.limitBatches; batch++) {
    const page = store.blockers.syncPage(state.cursor, BATCH);
    if (page.length === 0) {
      if (state.cursor > 0) state = save(store, { ...state, cursor: 0, passCompletedAt: iso(clock.now()) });
      break;
    }
    if (state.cursor === 0) state = { ...state, passStartedAt: iso(clock.now()) };
    let lookup: Awaited<ReturnType<IssueLookups['getIssues']>>;
    try {
      lookup = await deps.github.getIssues(page.map(refOf));
    } catch (error) {
      result.requests += 1;
      state = save(store, afterFailure(state, error, clock.now()));
      const level = error instanceof GitHubUnavailableError ? 'warn' : 'error';
      log[level]({ err: error, cursor: state.cursor, until: state.nextAttemptAt }, 'blocker sync paused');
      const left = store.blockers.countAfter(state.cursor);
      return { ...result, remaining: left, waitingUntil: state.nextAttemptAt, error: state.lastError };
    }
    result.requests += lookup.requests;
    result.cost += lookup.cost;
    const last = page[page.length - 1]?.id ?? state.cursor;
    const more = store.blockers.countAfter(last) > 0;
    const at = iso(clock.now());
    state = store.transaction(() => {
      const releases = new Map(store.releases.list().map((r) => [r.id, r]));
      for (const row of page) {
        const release = releases.get(row.releaseId);
        if (release && apply(store, release, row, lookup.issues.get(issueKey(refOf(row))) ?? null, at))
          result.changed += 1;
      }
      const done = { cursor: 0, passCompletedAt: at };
      return save(store, {
        ...state,
        ...(more ? { cursor: last } : done),
        nextAttemptAt: null,
        failures: 0,
        lastError: null,
      });
    });
    if (!more) break;
  }
  result.remaining = remaining();
  log.info({ ...result }, 'blockers synced');
  return result;
}

/** Stores GitHub's answer for one issue; true when a change was announced. */
function apply(
  store: Store,
  release: ReleaseRow,
  row: BlockerRow,
  info: IssueInfo | null,
  at: string,
): boolean {
  // Read again inside the transaction: a sync running beside this one may have stored it already.
  const current = store.blockers.byId(row.id);
  if (!current || !info) {
    // Gone from GitHub (deleted, transferred, or the token lost access): keep what we knew.
    store.blockers.touch(row.id, at);
    return false;
  }
  const change = issueChange(current, info);
  const sameAnswer =
    current.githubUpdatedAt === info.updatedAt &&
    current.url === info.url &&
    current.isPullRequest === info.isPullRequest;
  if (!anyChange(change) && sameAnswer) {
    store.blockers.touch(row.id, at);
    return false;
  }
  store.blockers.applyGitHub(row.id, info, at);
  if (!worthAnnouncing(change)) return false;
  const updated = store.blockers.byId(row.id);
  if (updated) enqueuePosts(store, release.id, blockerChangeNotices(release, updated, change), at);
  return true;
}

/** Where to pick up after a failure: GitHub's "come back at", or a growing backoff. */
function afterFailure(state: BlockerSyncState, error: unknown, now: DateTime): BlockerSyncState {
  const failures = state.failures + 1;
  const retryAt = error instanceof GitHubUnavailableError ? error.retryAt : null;
  // GitHub's moment is on the machine's clock; ours may start elsewhere (KFRELEASE_NOW): wait as long.
  const seconds = retryAt
    ? Math.max(1, Math.ceil(retryAt.getTime() / 1000 - wallClockSeconds()) + 1)
    : Math.min(BACKOFF_SECONDS * 2 ** (failures - 1), MAX_BACKOFF_SECONDS);
  const message = error instanceof Error ? error.message : String(error);
  return { ...state, failures, nextAttemptAt: iso(now.plus({ seconds })), lastError: message.slice(0, 500) };
}

function save(store: Store, state: BlockerSyncState): BlockerSyncState {
  store.blockers.saveSyncState(state);
  return state;
}

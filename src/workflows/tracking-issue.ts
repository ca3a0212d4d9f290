import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import type { TrackingIssueRow } from '../db/tracking-issue-repository';
import { summarizeTeam } from '../domain/team';
import {
  renderTrackingIssueBody,
  trackingBodyHash,
  trackingIssueTitle,
  type TrackingIssueData,
} from '../domain/tracking-issue-body';
import { apologyFor, newErrorId, UserError } from '../errors';
import { GitHubUnavailableError } from '../github/github-client';
import { ISSUE_WRITE_SCOPE, IssueWriteError, type IssueWriter } from '../github/octokit-issue-writer';
import type { Logger } from '../logger';
import { authorityOf, refuse } from './authority';
import { getComponentVersions } from './component-versions';
import { listBlockers } from './list-blockers';
import { matrixOf } from './signoff-matrix';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { enqueuePosts } from './enqueue-posts';
import type { Notice, Post, TrackingIssueOutcome } from './notice';
import { md } from '../text/mrkdwn';
import { currentPlan } from './current-plan';

export interface TrackingIssueDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  issueWriter: IssueWriter | null;
}
type ActingDeps = TrackingIssueDeps & { admins: string[]; deliverSoon(): void };

/** A creation that started this long ago and never finished (the process died) may be started again. */
const STALE_CLAIM_MINUTES = 10;
const REPO = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const SETUP = '/kfrelease tracking-issue setup <owner/repo>';

/** Everything the tracking issue shows, from the plan, the team, the versions table, blockers, sign-offs and docs. */
export function trackingIssueData(
  deps: { store: Store; clock: Clock },
  release: ReleaseRow,
): TrackingIssueData {
  const { store, clock } = deps;
  const plan = currentPlan(store, release);
  const groups = store.workingGroups.list().map((g) => g.name);
  const docs = store.docsItems.forRelease(release.id);
  const githubOf: Record<string, string> = {};
  for (const owner of new Set(docs.map((d) => d.owner))) {
    const login = owner ? store.team.githubOfSlackId(owner) : null;
    if (owner && login) githubOf[owner] = login;
  }
  return {
    version: release.version,
    timeZone: release.timeZone,
    today: clock.now().setZone(release.timeZone).toISODate() ?? '',
    phases: plan.timeline.phases,
    milestones: plan.timeline.milestones,
    team: summarizeTeam(store.team.assignments(release.id), groups),
    components: getComponentVersions(deps, release.version).groups,
    docs,
    githubOf,
    blockers: listBlockers(deps, { version: release.version }).groups,
    signOffs: matrixOf(store, release).rows,
    manifestsPulls: store.manifestsPulls.forRelease(release.id).flatMap((p) =>
      p.number !== null && p.url && p.state && p.upstreamRepo && p.revision
        ? [
            {
              component: p.component,
              upstreamRepo: p.upstreamRepo,
              revision: p.revision,
              number: p.number,
              url: p.url,
              state: p.state,
            },
          ]
        : [],
    ),
  };
}

export interface TrackingIssuePreview {
  release: ReleaseRow;
  title: string;
  body: string;
  issue: TrackingIssueRow | null;
  /** True when GitHub has no issue yet, or its body differs from this one. */
  changed: boolean;
}

/** The tracking issue as it would be written now, for the named (or current) release; touches nothing. */
export function previewTrackingIssue(
  deps: { store: Store; clock: Clock },
  version?: string,
): TrackingIssuePreview {
  const release = findRelease(deps, version);
  const body = renderTrackingIssueBody(trackingIssueData(deps, release));
  const issue = deps.store.trackingIssues.find(release.id);
  const changed = issue?.bodyHash !== trackingBodyHash(body);
  return { release, title: trackingIssueTitle(release.version), body, issue, changed };
}

/** Refuses anyone but the release manager or an admin, then a kfrelease without a GitHub token. */
function writerFor(deps: ActingDeps, release: ReleaseRow, userId: string, what: string): IssueWriter {
  if (!authorityOf(deps, release, userId).steers)
    refuse(`${what} the tracking issue of ${release.version}`, 'the release manager or a kfrelease admin');
  if (!deps.issueWriter) {
    throw new UserError(
      'forbidden',
      md`kfrelease has no GitHub token, so it cannot write the tracking issue.`,
      md`Whoever runs kfrelease sets GITHUB_TOKEN; ${ISSUE_WRITE_SCOPE}. Until then \`/kfrelease tracking-issue preview\` shows the text to paste by hand.`,
    );
  }
  return deps.issueWriter;
}

/** What a person is told when a write in the background failed. */
function failureText(error: unknown, logger: Logger, context: Record<string, unknown>): string {
  if (error instanceof IssueWriteError) return error.message;
  if (error instanceof GitHubUnavailableError)
    return `GitHub could not answer (${error.message}). Try again in a few minutes.`;
  const errorId = newErrorId();
  logger.error({ err: error, errorId, ...context }, 'tracking issue write failed');
  return apologyFor(errorId);
}

/** Queues one message about a write in the background and has it delivered now. */
function notify(deps: ActingDeps, release: ReleaseRow, post: Post): void {
  const now = deps.clock.now().toUTC().toISO() ?? '';
  deps.store.transaction(() => enqueuePosts(deps.store, release.id, [post], now));
  deps.deliverSoon();
}

/**
 * `/kfrelease tracking-issue setup`: checks who asks and claims the release at once, then creates
 * the issue in the background; the release channel (or the requester) hears the outcome.
 * `done` settles when it is over and never rejects.
 */
export function startTrackingIssueSetup(
  deps: ActingDeps,
  input: { userId: string; repo: string; version?: string },
): { release: ReleaseRow; repo: string; done: Promise<void> } {
  const release = findRelease(deps, input.version);
  requireLive(release);
  const writer = writerFor(deps, release, input.userId, 'create');
  const repo = input.repo
    .trim()
    .replace(/^https:\/\/github\.com\//, '')
    .replace(/\/+$/, '');
  if (!REPO.test(repo)) {
    throw new UserError(
      'bad_argument',
      md`"${input.repo}" is not a GitHub repository.`,
      md`Usage: \`${SETUP}\`, e.g. kubeflow/manifests.`,
    );
  }
  const existing = deps.store.trackingIssues.find(release.id);
  if (existing?.url) {
    throw new UserError(
      'conflict',
      md`Kubeflow ${release.version} already has its tracking issue: ${existing.url}`,
      md`Bring it up to date with \`/kfrelease tracking-issue sync\`.`,
    );
  }
  const now = deps.clock.now().toUTC();
  const createdAt = now.toISO() ?? '';
  const staleBefore = now.minus({ minutes: STALE_CLAIM_MINUTES }).toISO() ?? '';
  const claimed = deps.store.transaction(() =>
    deps.store.trackingIssues.claim(
      { releaseId: release.id, repo, createdBy: input.userId, createdAt },
      staleBefore,
    ),
  );
  if (!claimed) {
    throw new UserError(
      'conflict',
      md`The tracking issue of ${release.version} is being created right now.`,
      md`Wait for the message saying where it is.`,
    );
  }
  const done = createIssue(deps, release, { repo, userId: input.userId, createdAt }, writer).catch(
    (error: unknown) =>
      deps.logger.error({ err: error, release: release.version, repo }, 'tracking issue setup failed'),
  );
  return { release, repo, done };
}

async function createIssue(
  deps: ActingDeps,
  release: ReleaseRow,
  claim: { repo: string; userId: string; createdAt: string },
  writer: IssueWriter,
): Promise<void> {
  const { store, logger } = deps;
  const { title, body } = previewTrackingIssue(deps, release.version);
  const requester = claim.userId;
  let issue: { number: number; url: string };
  try {
    issue = await writer.createIssue(claim.repo, { title, body });
  } catch (error) {
    const text = failureText(error, logger, { release: release.version, repo: claim.repo });
    store.transaction(() => store.trackingIssues.unclaim(release.id, claim.createdAt));
    logger.warn({ release: release.version, repo: claim.repo }, 'tracking issue not created');
    const key = `tracking-issue:failed:${release.id}:${claim.createdAt}:${requester}`;
    notify(deps, release, {
      key,
      channel: requester,
      notice: {
        kind: 'tracking_issue_outcome',
        outcome: 'not_created',
        version: release.version,
        repo: claim.repo,
        url: null,
        detail: text,
      },
    });
    return;
  }
  const now = deps.clock.now().toUTC().toISO() ?? '';
  const created: Notice = {
    kind: 'tracking_issue_created',
    version: release.version,
    url: issue.url,
    requester,
  };
  const target = release.slackChannel ?? requester;
  store.transaction(() => {
    store.trackingIssues.recordCreated(
      release.id,
      { issueNumber: issue.number, url: issue.url, bodyHash: trackingBodyHash(body) },
      now,
    );
    store.audit.record({
      at: now,
      actor: requester,
      releaseId: release.id,
      action: 'tracking_issue.created',
      details: { repo: claim.repo, number: issue.number, url: issue.url },
    });
    enqueuePosts(
      store,
      release.id,
      [{ key: `tracking-issue:created:${release.id}`, channel: target, notice: created }],
      now,
    );
  });
  logger.info({ release: release.version, url: issue.url }, 'tracking issue created');
  deps.deliverSoon();
}

export type TrackingSyncOutcome =
  { status: 'no_token' | 'not_set_up' } | { status: 'unchanged' | 'updated'; url: string };

/**
 * Brings the tracking issue's body in line with the bot's state. GitHub is only written to when
 * the rendered body changed since the last write (its hash is stored). Throws GitHub's failures
 * (GitHubUnavailableError, IssueWriteError) to the caller; safe to run on a timer.
 */
export async function syncTrackingIssue(
  deps: TrackingIssueDeps,
  release: ReleaseRow,
): Promise<TrackingSyncOutcome> {
  if (!deps.issueWriter) return { status: 'no_token' };
  const preview = previewTrackingIssue(deps, release.version);
  const issue = preview.issue;
  if (!issue?.url || issue.issueNumber === null) return { status: 'not_set_up' };
  if (!preview.changed) return { status: 'unchanged', url: issue.url };
  await deps.issueWriter.updateIssueBody(issue.repo, issue.issueNumber, preview.body);
  const now = deps.clock.now().toUTC().toISO() ?? '';
  deps.store.transaction(() =>
    deps.store.trackingIssues.recordSynced(release.id, trackingBodyHash(preview.body), now),
  );
  deps.logger.info({ release: release.version, url: issue.url }, 'tracking issue updated');
  return { status: 'updated', url: issue.url };
}

/**
 * `/kfrelease tracking-issue sync`: answers at once when nothing changed; otherwise updates the
 * issue in the background and tells the requester how it went. `done` never rejects.
 */
export function startTrackingIssueSync(
  deps: ActingDeps,
  input: { userId: string; version?: string },
): { release: ReleaseRow; url: string; state: 'unchanged' | 'updating'; done: Promise<void> } {
  const release = findRelease(deps, input.version);
  requireLive(release);
  writerFor(deps, release, input.userId, 'update');
  const preview = previewTrackingIssue(deps, release.version);
  const url = preview.issue?.url;
  if (!url) {
    throw new UserError(
      'not_found',
      md`Kubeflow ${release.version} has no tracking issue yet.`,
      md`Create it with \`${SETUP}\`.`,
    );
  }
  if (!preview.changed) return { release, url, state: 'unchanged', done: Promise.resolve() };
  // One message per request: asking twice for the same change is still two answers.
  const key = `tracking-issue:sync:${release.id}:${deps.clock.now().toUTC().toISO() ?? ''}:${input.userId}`;
  const version = release.version;
  const dm = (key: string, outcome: TrackingIssueOutcome, detail: string) =>
    notify(deps, release, {
      key,
      channel: input.userId,
      notice: {
        kind: 'tracking_issue_outcome',
        outcome,
        version,
        repo: null,
        url: outcome === 'updated' ? url : null,
        detail,
      },
    });
  const done = syncTrackingIssue(deps, release)
    .then(
      () => dm(key, 'updated', url),
      (error: unknown) => dm(`${key}:failed`, 'not_updated', failureText(error, deps.logger, { version })),
    )
    .catch((error: unknown) =>
      deps.logger.error({ err: error, release: version }, 'tracking issue sync failed'),
    );
  return { release, url, state: 'updating', done };
}

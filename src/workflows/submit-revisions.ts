import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { RevisionRow } from '../db/revision-repository';
import type { Store } from '../db/store';
import { GitHubUnavailableError, type GitHubClient } from '../github/github-client';
import type { RevisionVerdict } from '../domain/revision-policy';
import type { Logger } from '../logger';
import { checkRevision, pendingReason, retryCheckAt, type PendingReason } from './check-revision';
import { eventOf, outcomeOf, recordLateVerdict } from './record-revision-verdict';
import { enqueuePosts } from './enqueue-posts';
import { revisionNotices } from './revision-notices';
import { noteSchema, revisionTextSchema } from './revision-input';
import { freezeStarted, revisionTargets, submittableWorkingGroups } from './revision-targets';
import { requireLive } from './release-lifecycle';

export interface SubmitRevisionsDeps {
  store: Store;
  clock: Clock;
  github: GitHubClient;
  admins: string[];
  logger: Logger;
  /** How long to wait for GitHub before saving as pending validation (Slack allows 3 s in all). */
  deadlineMs: number;
  /** Asks for queued posts to be delivered now: called when a check outlives the request. */
  deliverSoon(): void;
}

export interface SubmitRevisionsInput {
  release: ReleaseRow;
  wg: string;
  userId: string;
  /** One entry per repository field of the form; empty revisions are skipped. */
  entries: { field: string; repo: string; revision: string }[];
  note: string;
  noteField: string;
}

export interface SavedRevision {
  id: number;
  repo: string;
  revision: string;
  status: 'accepted' | 'needs_exception' | 'pending_validation';
  warnings: string[];
  /** Why it is pending validation, and when (UTC ISO) the check runs again; null when decided. */
  pending: { reason: PendingReason; checkAt: string } | null;
  /** The same revision was already the repository's latest: nothing new was saved or announced. */
  already: boolean;
}

/** Statuses of a latest revision that a repeat of it changes nothing about. */
const STANDING: ReadonlySet<string> = new Set(['accepted', 'needs_exception', 'pending_validation']);

export type SubmitRevisionsResult =
  { kind: 'errors'; errors: Record<string, string> } | { kind: 'saved'; revisions: SavedRevision[] };

/** Wait before validating a revision again after GitHub could not answer. */
export const RETRY_VALIDATION_SECONDS = 60;

/**
 * A working group hands the release team git revisions. Each is checked on GitHub within the
 * deadline: a problem the submitter can fix comes back for its field and nothing is saved;
 * otherwise everything is saved (accepted, held for the release manager, or pending validation
 * when GitHub is slow or down), with its notifications, before the answer goes back.
 */
export async function submitRevisions(
  deps: SubmitRevisionsDeps,
  input: SubmitRevisionsInput,
): Promise<SubmitRevisionsResult> {
  const { store, clock, logger } = deps;
  const { release } = input;
  requireLive(release);
  const group = submittableWorkingGroups(deps, release, input.userId).find((g) => g.name === input.wg);
  const errors: Record<string, string> = {};
  if (!group) {
    errors[input.entries[0]?.field ?? input.noteField] =
      `You cannot submit revisions for ${input.wg}: only its liaisons, the release manager or an admin can.`;
    return { kind: 'errors', errors };
  }
  const repos = new Set(revisionTargets(group).map((t) => t.repo));
  const entries: { field: string; repo: string; revision: string }[] = [];
  for (const entry of input.entries) {
    if (entry.revision.trim() === '') continue;
    const parsed = revisionTextSchema.safeParse(entry.revision);
    if (!repos.has(entry.repo)) errors[entry.field] = `${entry.repo} is not a repository of ${group.name}.`;
    else if (!parsed.success) errors[entry.field] = parsed.error.issues[0]?.message ?? 'Not a revision.';
    else entries.push({ ...entry, revision: parsed.data });
  }
  const note = noteSchema.safeParse(input.note);
  if (!note.success) errors[input.noteField] = note.error.issues[0]?.message ?? 'Bad note.';
  if (entries.length === 0 && Object.keys(errors).length === 0) {
    errors[input.entries[0]?.field ?? input.noteField] = 'Give a revision for at least one repository.';
  }
  if (Object.keys(errors).length > 0) return { kind: 'errors', errors };

  // The same revision again (a second click, another liaison) is already in hand: not checked,
  // saved or announced again, unless the freeze began since (its rules apply to it then).
  // Checked once more inside the transaction, for two at the same time.
  const freeze = freezeStarted(deps, release);
  const repeats = entries.map((entry) => standingRevision(store, release.id, group.id, entry, freeze));
  const fresh = entries.filter((_entry, i) => repeats[i] === null);
  if (fresh.length === 0)
    return { kind: 'saved', revisions: repeats.flatMap((row) => (row ? [already(row)] : [])) };

  const checks = fresh.map((entry) =>
    checkRevision(
      { github: deps.github, revisions: store.revisions },
      { releaseId: release.id, repo: entry.repo, revision: entry.revision, freeze },
    ).then(
      (verdict) => ({ verdict }),
      (error: unknown) => ({ error }),
    ),
  );
  const settled = await settleWithin(checks, deps.deadlineMs);
  settled.forEach((result, i) => {
    const entry = fresh[i];
    if (entry && result && 'verdict' in result && result.verdict.outcome === 'refused')
      errors[entry.field] = refusal(result.verdict, entry);
    if (result && 'error' in result && !(result.error instanceof GitHubUnavailableError)) throw result.error;
  });
  if (Object.keys(errors).length > 0) return { kind: 'errors', errors };

  const now = clock.now();
  const at = now.toISO() ?? '';
  const retryAt = (result: (typeof settled)[number]) =>
    retryCheckAt(now, result && 'error' in result ? result.error : null, {
      seconds: RETRY_VALIDATION_SECONDS,
    }).toISO();
  const ids = store.transaction(() => {
    const stillFresh = fresh.map(
      (entry) => standingRevision(store, release.id, group.id, entry, freeze) === null,
    );
    if (!stillFresh.some(Boolean)) return fresh.map(() => undefined);
    const saved = store.revisions.insertSubmission(
      {
        releaseId: release.id,
        wgId: group.id,
        submittedBy: input.userId,
        submittedAt: at,
        note: note.data ?? '',
      },
      fresh.flatMap((entry, i): Parameters<Store['revisions']['insertSubmission']>[1] => {
        if (!stillFresh[i]) return [];
        const result = settled[i];
        const base = { repo: entry.repo, revision: entry.revision, freeze };
        if (result && 'verdict' in result)
          return [{ ...base, nextValidationAt: null, ...outcomeOf(result.verdict) }];
        return [{ ...base, status: 'pending_validation' as const, nextValidationAt: retryAt(result) }];
      }),
    );
    for (const id of saved) {
      const row = store.revisions.byId(id);
      if (!row) continue;
      store.audit.record({
        at,
        actor: input.userId,
        releaseId: release.id,
        action: 'revision.submitted',
        details: { id, wg: row.wg, repo: row.repo, revision: row.revision, status: row.status },
      });
      if (row.status !== 'pending_validation')
        enqueuePosts(store, release.id, revisionNotices(store, release, row, eventOf(row.status), false), at);
    }
    // One id per fresh entry, in order: undefined where another submission saved it meanwhile.
    let next = 0;
    return stillFresh.map((isFresh) => (isFresh ? saved[next++] : undefined));
  });

  // Checks still running carry on after the answer: their verdicts are recorded when they arrive.
  checks.forEach((check, i) => {
    if (settled[i] || ids[i] === undefined) return;
    const id = ids[i];
    void check
      .then((result) => {
        if ('error' in result) {
          logger.warn({ err: result.error, revision: id }, 'revision check failed after the answer');
          return;
        }
        // Nothing else will deliver its notices soon: the request that started it is answered.
        if (recordLateVerdict(deps, release, id, result.verdict)) deps.deliverSoon();
      })
      .catch((error: unknown) => logger.error({ err: error, revision: id }, 'late revision check failed'));
  });

  let freshIndex = 0;
  const revisions = entries.map((entry, i): SavedRevision => {
    const repeat = repeats[i];
    if (repeat) return already(repeat);
    const j = freshIndex++;
    const id = ids[j];
    const row = id === undefined ? null : store.revisions.byId(id);
    if (!row) {
      const standing = standingRevision(store, release.id, group.id, entry, freeze);
      if (standing) return already(standing);
      throw new Error(`revision ${entry.repo} ${entry.revision} was neither saved nor found`);
    }
    const status = row.status as SavedRevision['status'];
    const result = settled[j];
    const reason = pendingReason(result && 'error' in result ? result.error : undefined);
    return {
      id: row.id,
      repo: row.repo,
      revision: row.revision,
      status,
      warnings: row.warnings,
      pending:
        status === 'pending_validation' && row.nextValidationAt
          ? { reason, checkAt: row.nextValidationAt }
          : null,
      already: false,
    };
  });
  return { kind: 'saved', revisions };
}

/**
 * Why a revision is refused, for its field. One GitHub has can still be accepted as it is by the
 * release manager (a tag shape the rules do not know, say): the message says how.
 */
function refusal(
  verdict: Extract<RevisionVerdict, { outcome: 'refused' }>,
  entry: { repo: string; revision: string },
) {
  if (!verdict.found) return verdict.problem;
  return `${verdict.problem} Otherwise the release manager can accept it as it is: /kfrelease revision accept ${entry.repo} ${entry.revision} <reason>`;
}

/**
 * The repository's latest revision from this working group when it is the same revision, still
 * stands (accepted, held or pending) and was judged by the same rules (before or during the
 * freeze): a repeat of it changes nothing.
 */
function standingRevision(
  store: Store,
  releaseId: number,
  wgId: number,
  entry: { repo: string; revision: string },
  freeze: boolean,
): RevisionRow | null {
  const latest = store.revisions
    .latestPerRepo(releaseId)
    .filter((r) => r.wgId === wgId && r.repo === entry.repo)
    .reduce<RevisionRow | null>((last, r) => (last === null || r.id > last.id ? r : last), null);
  const same = latest && latest.revision === entry.revision && latest.freeze === freeze;
  return same && STANDING.has(latest.status) ? latest : null;
}

/** A repeat, answered with the revision already in hand. */
function already(row: RevisionRow): SavedRevision {
  return {
    id: row.id,
    repo: row.repo,
    revision: row.revision,
    status: row.status as SavedRevision['status'],
    warnings: row.warnings,
    pending:
      row.status === 'pending_validation' && row.nextValidationAt
        ? { reason: 'github_slow', checkAt: row.nextValidationAt }
        : null,
    already: true,
  };
}

/** The results that settled within `ms`, in order; undefined for those still running. */
async function settleWithin<T>(promises: Promise<T>[], ms: number): Promise<(T | undefined)[]> {
  const results: (T | undefined)[] = promises.map(() => undefined);
  const tracked = promises.map((p, i) => p.then((value) => (results[i] = value)));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(tracked), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
  return [...results];
}

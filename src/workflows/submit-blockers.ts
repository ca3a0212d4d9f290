import type { Clock } from '../clock';
import type { BlockerRow } from '../db/blocker-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { MAX_REFERENCES, parseIssueReferences } from '../domain/issue-reference';
import { GitHubUnavailableError, issueKey, type IssueInfo, type IssueLookups } from '../github/github-client';
import type { Logger } from '../logger';
import { UserError } from '../errors';
import { authorityOf } from './authority';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { blockersReportedNotices } from './blocker-notices';
import { enqueuePosts } from './enqueue-posts';
import { md } from '../text/mrkdwn';

export interface SubmitBlockersDeps {
  store: Store;
  clock: Clock;
  github: IssueLookups;
  logger: Logger;
  /** How long to wait for GitHub (Slack closes a modal submission after 3 s in all). */
  deadlineMs: number;
}

export interface SubmitBlockersInput {
  release: ReleaseRow;
  wg: string | null;
  userId: string;
  /** The references as typed, one per line. */
  text: string;
  blocksRelease: boolean;
  note: string;
}

/** A line that was not saved, with what is wrong with it. */
export interface ReferenceProblem {
  line: number;
  text: string;
  problem: string;
}

export type SubmitBlockersResult =
  /** Nothing was saved, for a reason that belongs next to one field. */
  | { kind: 'refused'; field: 'wg' | 'refs' | 'note'; message: string }
  | {
      kind: 'checked';
      wg: string;
      saved: BlockerRow[];
      alreadyTracked: BlockerRow[];
      problems: ReferenceProblem[];
    };

const MAX_NOTE = 500;

/**
 * Anyone may report issues and pull requests that hold a release up. Each reference is read and
 * looked up on GitHub (one query for all); the ones that exist are saved with what GitHub says
 * about them, announced in the release channel and audited, in one transaction. The lines that
 * could not be read or found come back with their problems, so the reporter fixes only those.
 */
export async function submitBlockers(
  deps: SubmitBlockersDeps,
  input: SubmitBlockersInput,
): Promise<SubmitBlockersResult> {
  const { store } = deps;
  const { release } = input;
  requireLive(release);
  const group = input.wg ? store.workingGroups.findByName(input.wg) : null;
  if (!group)
    return { kind: 'refused', field: 'wg', message: 'Choose the working group the issues belong to.' };
  if (input.note.trim().length > MAX_NOTE)
    return { kind: 'refused', field: 'note', message: `Keep the note under ${MAX_NOTE} characters.` };
  const lines = parseIssueReferences(input.text);
  if (lines.length === 0)
    return {
      kind: 'refused',
      field: 'refs',
      message: 'Give at least one issue or pull request, one per line.',
    };
  if (lines.length > MAX_REFERENCES)
    return {
      kind: 'refused',
      field: 'refs',
      message: `Give at most ${MAX_REFERENCES} references at once (you gave ${lines.length}).`,
    };

  const problems: ReferenceProblem[] = [];
  const alreadyTracked: BlockerRow[] = [];
  const toCheck: { line: number; text: string; ref: IssueInfo['ref'] }[] = [];
  for (const line of lines) {
    if ('problem' in line) problems.push(line);
    else {
      const tracked = store.blockers.byRef(release.id, line.ref);
      if (tracked) alreadyTracked.push(tracked);
      else toCheck.push(line);
    }
  }

  let found = new Map<string, IssueInfo | null>();
  if (toCheck.length > 0) {
    const lookup = await lookUpIssues(
      deps,
      toCheck.map((l) => l.ref),
    );
    if ('problem' in lookup) return { kind: 'refused', field: 'refs', message: lookup.problem };
    found = lookup.issues;
  }

  const at = deps.clock.now().toUTC().toISO() ?? '';
  const saved = store.transaction(() => {
    const tracked = trackIssues(store, {
      release,
      group,
      userId: input.userId,
      at,
      note: input.note.trim(),
      blocksRelease: input.blocksRelease,
      lines: toCheck,
      found,
    });
    alreadyTracked.push(...tracked.alreadyTracked);
    problems.push(...tracked.problems);
    return tracked.saved;
  });
  problems.sort((a, b) => a.line - b.line);
  return { kind: 'checked', wg: group.name, saved, alreadyTracked, problems };
}

/** The promise's value, or null when it takes longer than `ms` (its later failure is ignored). */
export async function withinDeadline<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  promise.catch(() => undefined);
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What GitHub says about each reference (one query for all), or, when GitHub is down or slower
 * than the deadline, the sentence that tells the person nothing was saved.
 */
export async function lookUpIssues(
  deps: Pick<SubmitBlockersDeps, 'github' | 'logger' | 'deadlineMs'>,
  refs: IssueInfo['ref'][],
): Promise<{ issues: Map<string, IssueInfo | null> } | { problem: string }> {
  const lookup = await withinDeadline(deps.github.getIssues(refs), deps.deadlineMs).catch(
    (error: unknown) => {
      if (error instanceof GitHubUnavailableError) return error;
      throw error;
    },
  );
  if (lookup === null || lookup instanceof GitHubUnavailableError) {
    deps.logger.warn({ err: lookup, refs: refs.length }, 'could not check blocking issues on GitHub');
    return {
      problem: `GitHub ${lookup ? 'is not answering' : 'did not answer in time'}, so nothing was saved. Submit again in a minute.`,
    };
  }
  return { issues: lookup.issues };
}

/** A reference to track, as read from the line it was typed on. */
export type ReferenceLine = { line: number; text: string; ref: IssueInfo['ref'] };

/**
 * Starts tracking each referenced issue GitHub knows (`found`), inside the caller's transaction:
 * saved with what GitHub says, audited, and announced in the release channel once. Issues the
 * release already tracks, and references GitHub does not know, come back as such.
 */
export function trackIssues(
  store: Store,
  params: {
    release: ReleaseRow;
    group: { id: number; name: string };
    userId: string;
    at: string;
    note: string;
    blocksRelease: boolean;
    lines: ReferenceLine[];
    found: Map<string, IssueInfo | null>;
    /** Where the report came from, for the audit log (a sign-off, say). */
    source?: Record<string, unknown>;
  },
): { saved: BlockerRow[]; alreadyTracked: BlockerRow[]; problems: ReferenceProblem[] } {
  const { release, group, at } = params;
  const saved: BlockerRow[] = [];
  const alreadyTracked: BlockerRow[] = [];
  const problems: ReferenceProblem[] = [];
  for (const line of params.lines) {
    const info = params.found.get(issueKey(line.ref));
    if (!info) {
      problems.push({ ...line, problem: 'GitHub has no such issue or pull request (or it is private).' });
      continue;
    }
    const { ref: _ref, ...github } = info;
    const id = store.blockers.insert({
      releaseId: release.id,
      wgId: group.id,
      ...line.ref,
      ...github,
      blocksRelease: params.blocksRelease,
      submittedBy: params.userId,
      submittedAt: at,
      note: params.note,
    });
    const row = id === null ? store.blockers.byRef(release.id, line.ref) : store.blockers.byId(id);
    if (!row) continue;
    if (id === null) {
      alreadyTracked.push(row);
      continue;
    }
    saved.push(row);
    store.audit.record({
      at,
      actor: params.userId,
      releaseId: release.id,
      action: 'blocker.reported',
      details: {
        id,
        wg: group.name,
        issue: issueKey(line.ref),
        state: row.state,
        blocksRelease: row.blocksRelease,
        ...(params.source ? { source: params.source } : {}),
      },
    });
  }
  enqueuePosts(store, release.id, blockersReportedNotices(release, group.name, saved, params.userId), at);
  return { saved, alreadyTracked, problems };
}

/**
 * What the report form offers: every working group, with the one asked for (or the person's only
 * liaison group) chosen. Anyone may report, so nobody is refused here.
 */
export function prepareBlockerForm(
  deps: { store: Store; clock: Clock; admins: string[] },
  input: { userId: string; version?: string; wg?: string },
): { release: ReleaseRow; groups: string[]; wg: string | null } {
  const release = findRelease(deps, input.version);
  requireLive(release);
  const groups = deps.store.workingGroups.list().map((g) => g.name);
  if (input.wg) {
    const chosen = deps.store.workingGroups.findByName(input.wg);
    if (!chosen)
      throw new UserError(
        'not_found',
        md`There is no working group "${input.wg}".`,
        md`Working groups: ${groups.join(', ')}.`,
      );
    return { release, groups, wg: chosen.name };
  }
  const liaisonOf = authorityOf(deps, release, input.userId).liaisonOf;
  return { release, groups, wg: liaisonOf.length === 1 ? (liaisonOf[0] ?? null) : null };
}

import { z } from 'zod';
import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { parseIssueReferences } from '../domain/issue-reference';
import type { Signoff } from '../domain/signoff-standings';
import type { IssueInfo, IssueLookups } from '../github/github-client';
import type { Logger } from '../logger';
import { refreshRcTags, STALE_CHECK_SECONDS, type RcCheckDeps } from './check-rc-tags';
import { trackSignoffIssues, type SignoffIssues } from './signoff-blockers';
import { lookUpIssues, withinDeadline, type ReferenceLine } from './submit-blockers';
import { requireLive } from './release-lifecycle';
import { enqueuePosts } from './enqueue-posts';
import type { Post } from './notice';
import { currentRc, distributionReps, matrixOf, type SignoffMatrixView } from './signoff-matrix';
import { allowedDistributions } from './signoff-form';
import { safeUrl, urlProblem } from '../text/safe-url';

type Deps = { store: Store; clock: Clock; admins: string[] };

/** A submission also looks at GitHub: the manifests repository's RC tags and the blocking issues. */
export interface SubmitSignoffDeps extends Deps {
  logger: Logger;
  github: IssueLookups;
  /** How long to wait for GitHub (Slack closes a modal submission after 3 s in all). */
  deadlineMs: number;
  rcCheck: RcCheckDeps;
}

/** The form's fields; each is also the block id its error is shown next to. */
export type SignoffField = 'distribution' | 'rc' | 'result' | 'issues' | 'kubernetes' | 'evidence' | 'notes';

const KUBERNETES = /^v?1\.\d{1,2}(\.\d{1,3})?([-+][0-9A-Za-z.-]{1,30})?$/;
const MAX_ISSUES = 20;

const fieldsSchema = z.object({
  distribution: z.string().trim().min(1, 'Choose the distribution you tested.'),
  rc: z.string().trim().min(1, 'Choose the RC you tested.'),
  result: z.enum(['thumbs_up', 'blocked'], { error: 'Choose thumbs up or blocked.' }),
  issues: z.string().max(2000, 'That is too long: list at most 20 issues.'),
  kubernetes: z
    .string()
    .trim()
    .regex(KUBERNETES, 'Write the Kubernetes version you tested on, e.g. 1.29 or v1.29.3.'),
  evidence: z
    .string()
    .trim()
    .max(500, 'That link is too long (over 500 characters).')
    .refine((url) => url === '' || (/^https?:\/\/[^\s/]+\.[^\s]+$/.test(url) && safeUrl(url, HTTP)), {
      error: (issue) =>
        /^https?:\/\/[^\s/]+\.[^\s]+$/.test(String(issue.input))
          ? `That link cannot be used: ${urlProblem(String(issue.input), HTTP) ?? 'give a plain web address'}.`
          : 'Give a web link (https://...).',
    }),
  notes: z.string().trim().max(1000, 'Keep the notes under 1,000 characters.'),
});

/** Evidence may live on an http:// CI server; the link is still checked like any other. */
const HTTP = { allowHttp: true };

/** owner/repo#N of each line (a reference or its GitHub URL), once each; what is wrong with the others. */
function parseIssues(text: string): { refs: string[]; lines: ReferenceLine[]; problem: string | null } {
  const read = parseIssueReferences(text);
  const problems = read.flatMap((line) => ('problem' in line ? [`"${line.text}": ${line.problem}`] : []));
  if (problems.length > 0) return { refs: [], lines: [], problem: problems.slice(0, 3).join(' ') };
  const byRef = new Map<string, ReferenceLine>();
  for (const line of read) {
    if (!('ref' in line)) continue;
    const key = `${line.ref.owner}/${line.ref.repo}#${line.ref.number}`;
    if (![...byRef.keys()].some((k) => k.toLowerCase() === key.toLowerCase())) byRef.set(key, line);
  }
  const refs = [...byRef.keys()];
  const lines = [...byRef.values()];
  if (refs.length > MAX_ISSUES) return { refs, lines, problem: `List at most ${MAX_ISSUES} issues.` };
  return { refs, lines, problem: null };
}

export type SubmitSignoffResult =
  | { kind: 'errors'; errors: Partial<Record<SignoffField, string>> }
  | {
      kind: 'saved';
      signoff: Signoff;
      matrix: SignoffMatrixView;
      current: boolean;
      /** What became of the blocking issues it names (all empty for a thumbs-up). */
      issues: SignoffIssues;
    };

type SignoffInput = { release: ReleaseRow; userId: string; values: Record<SignoffField, string> };

type CheckedForm =
  | { kind: 'errors'; errors: Partial<Record<SignoffField, string>> }
  | {
      kind: 'ok';
      fields: z.infer<typeof fieldsSchema>;
      rc: { key: string; rc: number; tag: string };
      issues: ReferenceLine[];
      refs: string[];
    };

/** Every problem of the form, each next to its field, against the RC tags known now. */
function checkForm(deps: Deps, input: SignoffInput): CheckedForm {
  const { store } = deps;
  const { release, userId, values } = input;
  const errors: Partial<Record<SignoffField, string>> = {};
  const parsed = fieldsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path[0] as SignoffField] ??= issue.message;
  }
  const reps = distributionReps(store, release.id);
  if (!errors.distribution && !reps.has(values.distribution)) {
    errors.distribution = `${values.distribution} is not a distribution of ${release.version}; its team names ${[...reps.keys()].join(', ') || 'none'}.`;
  } else if (
    !errors.distribution &&
    !allowedDistributions(deps, release, userId).includes(values.distribution)
  ) {
    const people = (reps.get(values.distribution) ?? []).map((p) => p.name).join(', ');
    errors.distribution = `Only the ${values.distribution} distribution representatives (${people}) or an admin can sign off for ${values.distribution}.`;
  }
  const rc = store.rcTags
    .forRelease(release.id)
    .find((row) => row.rc !== null && row.milestone === values.rc);
  if (!errors.rc && !rc)
    errors.rc = `${values.rc} of ${release.version} has not been found; choose an RC from the list.`;
  const issues = parseIssues(values.issues ?? '');
  if (issues.problem) errors.issues = issues.problem;
  else if (values.result === 'blocked' && issues.refs.length === 0)
    errors.issues = 'Name the issues that block you, e.g. kubeflow/manifests#123.';
  else if (values.result === 'thumbs_up' && issues.refs.length > 0)
    errors.issues =
      'A thumbs-up has no blocking issues: choose "Blocked", or clear this field and mention them in the notes.';
  if (!parsed.success || Object.keys(errors).length > 0 || !rc || rc.rc === null)
    return { kind: 'errors', errors };
  const at = { key: rc.milestone, rc: rc.rc, tag: rc.normalized };
  return { kind: 'ok', fields: parsed.data, rc: at, issues: issues.lines, refs: issues.refs };
}

/**
 * A distribution representative reports on an RC:
 * 1. a stale check of the manifests repository (never checked, or over two minutes ago) is run
 *    first, so an RC tagged since counts; meanwhile the form is checked as a whole: every problem
 *    comes back next to its field and nothing is saved;
 * 2. for "blocked", the issues the release does not track yet are looked up on GitHub, alongside
 *    the check; GitHub not answering in time refuses the sign-off, saving nothing;
 * 3. in one transaction: the sign-off is added to the history, the issues GitHub knows become
 *    tracked blocking issues, everything is announced in the release channel, and the success
 *    criterion is announced once when it becomes met.
 */
export async function submitSignoff(
  deps: SubmitSignoffDeps,
  input: SignoffInput,
): Promise<SubmitSignoffResult> {
  const { store } = deps;
  const { release } = input;
  requireLive(release);
  const refresh = refreshRcTags(deps.rcCheck, release, STALE_CHECK_SECONDS);
  const first = checkForm(deps, input);
  if (first.kind === 'errors' && (!refresh || Object.keys(first.errors).some((f) => f !== 'rc')))
    return first;
  // Only the RC may be wrong here (an RC tagged since the form opened): the issues are good either way.
  const named = first.kind === 'ok' ? first.issues : parseIssues(input.values.issues ?? '').lines;
  const lines = named.filter((l) => !store.blockers.byRef(release.id, l.ref));
  const [, lookup] = await Promise.all([
    refresh ? withinDeadline(refresh, deps.deadlineMs) : null,
    lines.length > 0
      ? lookUpIssues(
          deps,
          lines.map((l) => l.ref),
        )
      : { issues: new Map<string, IssueInfo | null>() },
  ]);
  const checked = refresh ? checkForm(deps, input) : first;
  if (checked.kind === 'errors') return checked;
  if ('problem' in lookup) return { kind: 'errors', errors: { issues: lookup.problem } };
  return save(deps, input, checked, lookup.issues);
}

/** Saves a checked sign-off with its issues, and says who hears about it. */
function save(
  deps: SubmitSignoffDeps,
  input: SignoffInput,
  checked: Extract<CheckedForm, { kind: 'ok' }>,
  found: Map<string, IssueInfo | null>,
): SubmitSignoffResult {
  const { store, clock } = deps;
  const { release, userId } = input;
  const at = clock.now().toUTC().toISO() ?? '';
  const { fields, rc } = checked;
  const signoff: Omit<Signoff, 'id'> = {
    distribution: fields.distribution,
    rcKey: rc.key,
    rc: rc.rc,
    rcTag: rc.tag,
    result: fields.result,
    blockingIssues: checked.refs,
    kubernetesVersion: fields.kubernetes,
    evidenceUrl: fields.evidence || null,
    notes: fields.notes,
    signedBy: userId,
    signedAt: at,
  };
  return store.transaction(() => {
    const wasMet = matrixOf(store, release).criterionMet;
    const id = store.signoffs.insert(release.id, signoff);
    const saved = { ...signoff, id };
    store.audit.record({
      at,
      actor: userId,
      releaseId: release.id,
      action: 'signoff.recorded',
      details: { id, distribution: saved.distribution, rc: saved.rcTag, result: saved.result },
    });
    const matrix = matrixOf(store, release);
    const posts: Post[] = [];
    const channel = release.slackChannel;
    const isCurrent = currentRc(store, release.id)?.rc === saved.rc;
    if (channel) {
      posts.push({
        key: `signoff:${id}`,
        channel,
        notice: { kind: 'signoff_recorded', version: release.version, signoff: saved, current: isCurrent },
      });
      if (matrix.criterionMet && !wasMet && matrix.rc) {
        posts.push({
          key: `signoff-criterion:${release.id}:${matrix.rc.key}`,
          channel,
          notice: { kind: 'signoff_criterion_met', version: release.version, matrix },
        });
      }
    }
    enqueuePosts(store, release.id, posts, at);
    // After the sign-off's own post, so the channel reads the sign-off first.
    const issues = trackSignoffIssues(store, {
      release,
      signoff: saved,
      lines: checked.issues,
      found,
      manifestsRepo: deps.rcCheck.manifestsRepo,
      at,
    });
    return { kind: 'saved' as const, signoff: saved, matrix, current: isCurrent, issues };
  });
}

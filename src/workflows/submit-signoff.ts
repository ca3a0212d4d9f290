import { z } from 'zod';
import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { parseIssueReferences } from '../domain/issue-reference';
import type { Signoff } from '../domain/signoff-matrix';
import { UserError } from '../errors';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { enqueuePosts } from './enqueue-posts';
import type { Post } from './notice';
import { currentRc, distributionReps, matrixOf, type SignoffMatrixView } from './signoff-matrix';
import { md } from '../text/mrkdwn';
import { safeUrl, urlProblem } from '../text/safe-url';

type Deps = { store: Store; clock: Clock; admins: string[] };

/** The form's fields; each is also the block id its error is shown next to. */
export type SignoffField = 'distribution' | 'rc' | 'result' | 'issues' | 'kubernetes' | 'evidence' | 'notes';

export interface SignoffForm {
  release: ReleaseRow;
  /** Distributions this user may sign off for. */
  distributions: string[];
  /** RCs found, newest first; the first is the one the matrix is bound to. */
  rcs: { key: string; tag: string }[];
}

/** Distributions `userId` may sign off for: those they represent, or all of them for an admin. */
function allowedDistributions(deps: Deps, release: ReleaseRow, userId: string): string[] {
  const reps = distributionReps(deps.store, release.id);
  if (deps.admins.includes(userId)) return [...reps.keys()].sort();
  return [...reps]
    .filter(([, people]) => people.some((p) => p.slackId === userId))
    .map(([d]) => d)
    .sort();
}

/** "Donald Knuth (AWS), Leslie Lamport (Azure) or an admin": who may sign off, for a refusal. */
function whoMay(store: Store, releaseId: number, distribution?: string): string {
  const reps = [...distributionReps(store, releaseId)]
    .filter(([d]) => distribution === undefined || d === distribution)
    .flatMap(([d, people]) => people.map((p) => `${p.name} (${d})`));
  return reps.length > 0 ? `${reps.join(', ')} or an admin` : 'an admin';
}

/** What the sign-off form offers this user; refuses non-representatives, naming who may. */
export function prepareSignoffForm(deps: Deps, input: { userId: string; version?: string }): SignoffForm {
  const release = findRelease(deps, input.version);
  requireLive(release);
  const distributions = allowedDistributions(deps, release, input.userId);
  if (distributions.length === 0) {
    if (distributionReps(deps.store, release.id).size === 0) {
      throw new UserError(
        'not_found',
        md`No distribution representatives are named for ${release.version}.`,
        md`Add them to the team file (role distribution_rep, with its distribution) and import it.`,
      );
    }
    throw new UserError(
      'forbidden',
      md`Only a distribution's representatives can sign off on ${release.version}: ${whoMay(deps.store, release.id)}.`,
      md`See who holds which role with \`/kfrelease team\`.`,
    );
  }
  const rcs = deps.store.rcTags
    .forRelease(release.id)
    .filter((row) => row.rc !== null)
    .sort((a, b) => (b.rc ?? 0) - (a.rc ?? 0))
    .map((row) => ({ key: row.milestone, tag: row.normalized }));
  if (rcs.length === 0) {
    throw new UserError(
      'not_found',
      md`No RC tag of ${release.version} has been found in the manifests repository yet, so there is nothing to sign off on.`,
      md`\`/kfrelease rcs\` shows what is due and checks GitHub again.`,
    );
  }
  return { release, distributions, rcs };
}

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

/** owner/repo#N of each line (a reference or its GitHub URL); what is wrong with the others. */
function parseIssues(text: string): { refs: string[]; problem: string | null } {
  const lines = parseIssueReferences(text);
  const problems = lines.flatMap((line) => ('problem' in line ? [`"${line.text}": ${line.problem}`] : []));
  if (problems.length > 0) return { refs: [], problem: problems.slice(0, 3).join(' ') };
  const refs = lines.flatMap((line) =>
    'ref' in line ? [`${line.ref.owner}/${line.ref.repo}#${line.ref.number}`] : [],
  );
  if (refs.length > MAX_ISSUES) return { refs, problem: `List at most ${MAX_ISSUES} issues.` };
  return { refs, problem: null };
}

export type SubmitSignoffResult =
  | { kind: 'errors'; errors: Partial<Record<SignoffField, string>> }
  | { kind: 'saved'; signoff: Signoff; matrix: SignoffMatrixView; current: boolean };

/**
 * A distribution representative reports on an RC: the form is checked as a whole (every problem
 * comes back next to its field and nothing is saved), then the sign-off is added to the history,
 * announced in the release channel, and the success criterion announced once when it becomes met.
 */
export function submitSignoff(
  deps: Deps,
  input: { release: ReleaseRow; userId: string; values: Record<SignoffField, string> },
): SubmitSignoffResult {
  const { store, clock } = deps;
  const { release, userId } = input;
  requireLive(release);
  const errors: Partial<Record<SignoffField, string>> = {};
  const parsed = fieldsSchema.safeParse(input.values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path[0] as SignoffField] ??= issue.message;
  }
  const values = input.values;
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

  const at = clock.now().toUTC().toISO() ?? '';
  const fields = parsed.data;
  const signoff: Omit<Signoff, 'id'> = {
    distribution: fields.distribution,
    rcKey: rc.milestone,
    rc: rc.rc,
    rcTag: rc.normalized,
    result: fields.result,
    blockingIssues: issues.refs,
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
    const matrix = matrixOf(store, release);
    store.audit.record({
      at,
      actor: userId,
      releaseId: release.id,
      action: 'signoff.recorded',
      details: { id, distribution: saved.distribution, rc: saved.rcTag, result: saved.result },
    });
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
    return { kind: 'saved' as const, signoff: saved, matrix, current: isCurrent };
  });
}

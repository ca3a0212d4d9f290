import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import type { GitHubClient } from '../github/github-client';
import type { Logger } from '../logger';
import { code, md } from '../text/mrkdwn';
import { checkRevision } from './check-revision';
import { requireReleaseManager } from './decision-log';
import { findRelease } from './find-release';
import { ACCEPTED_BY_MANAGER, recordLateVerdict } from './record-revision-verdict';
import { requireLive } from './release-lifecycle';
import { revisionTextSchema } from './revision-input';
import { freezeStarted, revisionTargets } from './revision-targets';
import { ACCEPT_USAGE } from './command-usages';

const EXAMPLE =
  '/kfrelease revision accept knative/serving knative-v1.16.0 Knative tags its releases knative-vX.Y.Z';

export interface AcceptRevisionDeps {
  store: Store;
  clock: Clock;
  admins: string[];
  github: GitHubClient;
  logger: Logger;
  deliverSoon(): void;
}

export interface AcceptedRevision {
  release: ReleaseRow;
  id: number;
  wg: string;
  repo: string;
  revision: string;
}

const usage = md`Usage: ${code(ACCEPT_USAGE)}, e.g. ${code(EXAMPLE)}`;

/** The working group and configured spelling of `repo`, refusing a repository no working group has. */
function ownerOf(store: Store, repo: string): { wg: { id: number; name: string }; repo: string } {
  const owners = store.workingGroups.list().flatMap((wg) =>
    revisionTargets(wg)
      .filter((t) => t.repo.toLowerCase() === repo.toLowerCase())
      .map((t) => ({ wg: { id: wg.id, name: wg.name }, repo: t.repo })),
  );
  const [owner, other] = owners;
  if (!owner)
    throw new UserError(
      'not_found',
      md`${repo} is not a repository of any working group in config/kubeflow.yml.`,
      md`${code('/kfrelease versions')} lists them. ${usage}`,
    );
  if (other)
    throw new UserError(
      'conflict',
      md`${repo} belongs to ${owners.map((o) => o.wg.name).join(' and ')}: a repository is one working group's in config/kubeflow.yml.`,
      md`Give it to one working group in config/kubeflow.yml, then accept the revision.`,
    );
  return owner;
}

/**
 * The release manager accepts a revision whatever the revision rules say: a tag the rules cannot
 * read (a shape config/kubeflow.yml does not know yet), a branch during the freeze, a release
 * without a changelog. It is saved as pending validation, with the decision and its reason in the
 * decision log, and checked on GitHub at once: once GitHub shows it exists, it is accepted as an
 * exception granted by the release manager (the rules' objections kept as warnings); a revision
 * GitHub does not have is rejected. When GitHub cannot answer, the usual revalidation retries.
 */
export function acceptRevisionAnyway(
  deps: AcceptRevisionDeps,
  input: { version?: string; userId: string; words: string[] },
): AcceptedRevision {
  const { store, clock, logger } = deps;
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireReleaseManager(
    deps,
    release,
    input.userId,
    `accept a revision of ${release.version} whatever the rules say`,
  );
  const [repoWord, revisionWord, ...reasonWords] = input.words;
  if (repoWord === undefined || revisionWord === undefined)
    throw new UserError('bad_argument', md`Give the repository, the revision and your reason.`, usage);
  const { wg, repo } = ownerOf(store, repoWord);
  const parsed = revisionTextSchema.safeParse(revisionWord);
  if (!parsed.success)
    throw new UserError(
      'bad_argument',
      md`${parsed.error.issues[0]?.message ?? 'That is not a revision.'}`,
      usage,
    );
  const revision = parsed.data;
  const reason = reasonWords.join(' ').trim();
  if (reason.length < 3)
    throw new UserError(
      'bad_argument',
      md`Say why ${revision} is accepted although the rules refuse it: the decision log keeps it.`,
      usage,
    );
  if (reason.length > 1000) throw new UserError('bad_argument', md`Keep the reason under 1,000 characters.`);

  const latest = store.revisions
    .latestPerRepo(release.id)
    .filter((r) => r.wgId === wg.id && r.repo === repo)
    .reduce<{ id: number; revision: string; status: string } | null>(
      (last, r) => (last && last.id > r.id ? last : r),
      null,
    );
  if (latest?.revision === revision && latest.status === 'accepted')
    throw new UserError(
      'conflict',
      md`${repo} ${code(revision)} is already the accepted revision of ${wg.name}.`,
    );
  if (latest?.revision === revision && latest.status === 'needs_exception')
    throw new UserError(
      'conflict',
      md`${repo} ${code(revision)} is held for your decision: approve it with the button on its message in the release channel.`,
    );

  const freeze = freezeStarted(deps, release);
  const now = clock.now().toUTC().toISO() ?? '';
  const id = store.transaction(() => {
    const [saved] = store.revisions.insertSubmission(
      { releaseId: release.id, wgId: wg.id, submittedBy: input.userId, submittedAt: now, note: reason },
      [{ repo, revision, freeze, status: 'pending_validation', nextValidationAt: now }],
    );
    if (saved === undefined) throw new Error(`revision ${repo} ${revision} was not saved`);
    store.audit.record({
      at: now,
      actor: input.userId,
      releaseId: release.id,
      action: ACCEPTED_BY_MANAGER,
      details: { id: saved, wg: wg.name, repo, revision, reason },
    });
    return saved;
  });

  // The answer goes back now; the verdict and its notices follow when GitHub answers.
  void checkRevision(
    { github: deps.github, revisions: store.revisions },
    { releaseId: release.id, repo, revision, freeze },
  )
    .then((verdict) => {
      if (recordLateVerdict(deps, release, id, verdict)) deps.deliverSoon();
    })
    .catch((error: unknown) =>
      logger.warn(
        { err: error, revision: id },
        'revision accepted by the release manager is checked again later',
      ),
    );
  return { release, id, wg: wg.name, repo, revision };
}

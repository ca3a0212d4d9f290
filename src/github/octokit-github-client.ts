import { z } from 'zod';

import type { Logger } from '../logger';
import { createOctokit } from './create-octokit';
import {
  type Comparison,
  type GitHubClient,
  type GitHubRelease,
  type PullRequestRef,
  type ResolvedRevision,
} from './github-client';
import { githubRequest, splitRepo } from './github-request';
import { createOctokitIssueLookups } from './octokit-issue-lookups';
import { createOctokitRefLookups } from './octokit-ref-lookups';

export interface OctokitGitHubClientParams {
  /** `https://api.github.com`, or a GitHub Enterprise / fake server API root, without a trailing slash. */
  baseUrl: string;
  /** Without one, GitHub allows 60 requests an hour and shows only public repositories. */
  token?: string;
  logger: Logger;
  /** Per attempt; default 10 s. */
  requestTimeoutMs?: number;
  /** Default enabled: rate limits up to a minute away are waited out once. */
  throttle?: { enabled: boolean };
  /** One second of GitHub's Retry-After and of the 5xx backoff, in ms; default 1000 (tests shrink it). */
  retryDelayUnitMs?: number;
}

const Sha = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/i);
const GitObject = z.object({ type: z.string(), sha: Sha });
/** Old API versions answer an array for a ref that only prefixes others: that is not an exact match. */
const RefAnswer = z.union([z.object({ ref: z.string(), object: GitObject }), z.array(z.unknown())]);
const TagObject = z.object({ object: GitObject });
const CommitAnswer = z.object({ sha: Sha });
const ReleaseAnswer = z.object({
  tag_name: z.string(),
  name: z.string().nullable(),
  body: z.string().nullish(),
  draft: z.boolean(),
  prerelease: z.boolean(),
  html_url: z.string(),
});
const CompareAnswer = z.object({
  status: z.enum(['ahead', 'behind', 'diverged', 'identical']),
  ahead_by: z.number(),
  behind_by: z.number(),
  commits: z.array(z.object({ sha: Sha, commit: z.object({ message: z.string() }) })),
});
const PullsAnswer = z.array(
  z.object({
    number: z.number(),
    title: z.string(),
    html_url: z.string(),
    labels: z.array(z.object({ name: z.string() })),
  }),
);

const HEX_SHA = /^[0-9a-f]{7,40}$/i;
/** Names git could never have given a tag or branch (git check-ref-format, roughly). */
const IMPOSSIBLE_REF = /^[./]|[./]$|\.\.|\/\/|\/\.|@\{|\.lock$|[\s~^:?*[\\]|\p{Cc}/u;
/** Annotated tags may point at tags; a longer chain than this is treated as broken. */
const MAX_TAG_DEPTH = 5;

/** A GitHubClient talking to the GitHub REST API through Octokit (throttled, retried, timed out). */
export function createOctokitGitHubClient(params: OctokitGitHubClientParams): GitHubClient {
  const log = params.logger.child({ component: 'github' });
  const timeoutMs = params.requestTimeoutMs ?? 10_000;
  const { call, parse } = githubRequest({ logger: log, timeoutMs });
  const split = splitRepo;
  const octokit = createOctokit({
    baseUrl: params.baseUrl,
    ...(params.token ? { token: params.token } : {}),
    logger: log,
    requestTimeoutMs: timeoutMs,
    throttle: params.throttle ?? { enabled: true },
    retryDelayUnitMs: params.retryDelayUnitMs ?? 1000,
  });

  /** The commit a tag or branch ref points at; 409 is an empty repository. */
  async function refCommit(repo: string, ref: string): Promise<string | null> {
    const subject = `${repo} ${ref}`;
    const target = split(repo);
    const data = await call(subject, () => octokit.git.getRef({ ...target, ref }), [404, 409]);
    if (data === null) return null;
    const answer = parse(RefAnswer, data, subject);
    if (Array.isArray(answer) || answer.ref !== `refs/${ref}`) return null;
    let object = answer.object;
    for (let depth = 0; object.type === 'tag' && depth < MAX_TAG_DEPTH; depth++) {
      const tag_sha = object.sha;
      const tag = await call(`${subject} tag object`, () => octokit.git.getTag({ ...target, tag_sha }));
      if (tag === null) return null;
      object = parse(TagObject, tag, `${subject} tag object`).object;
    }
    return object.type === 'commit' ? object.sha.toLowerCase() : null;
  }

  async function commitSha(repo: string, ref: string): Promise<string | null> {
    const subject = `${repo} commit ${ref}`;
    const target = split(repo);
    // 422: no commit has this SHA; 409: the repository is empty.
    const data = await call(subject, () => octokit.repos.getCommit({ ...target, ref }), [404, 409, 422]);
    return data === null ? null : parse(CommitAnswer, data, subject).sha.toLowerCase();
  }

  return {
    ...createOctokitIssueLookups(octokit, { logger: log, timeoutMs }),
    ...createOctokitRefLookups(octokit, { logger: log, timeoutMs }),
    async resolveRevision(repo: string, revision: string): Promise<ResolvedRevision | null> {
      if (revision.length === 0 || revision.length > 255 || IMPOSSIBLE_REF.test(revision)) return null;
      const tag = await refCommit(repo, `tags/${revision}`);
      if (tag) return { kind: 'tag', name: revision, sha: tag };
      const branch = await refCommit(repo, `heads/${revision}`);
      if (branch) return { kind: 'branch', name: revision, sha: branch };
      if (!HEX_SHA.test(revision)) return null;
      const sha = await commitSha(repo, revision.toLowerCase());
      return sha ? { kind: 'commit', name: sha, sha } : null;
    },

    async getReleaseByTag(repo: string, tag: string): Promise<GitHubRelease | null> {
      if (tag.length === 0) return null;
      const subject = `${repo} release ${tag}`;
      const data = await call(subject, () => octokit.repos.getReleaseByTag({ ...split(repo), tag }));
      if (data === null) return null;
      const release = parse(ReleaseAnswer, data, subject);
      return {
        tag: release.tag_name,
        name: release.name,
        body: release.body ?? null,
        draft: release.draft,
        prerelease: release.prerelease,
        url: release.html_url,
      };
    },

    async compare(repo: string, base: string, head: string): Promise<Comparison | null> {
      if (base.length === 0 || head.length === 0) return null;
      const basehead = `${base}...${head}`;
      const subject = `${repo} compare ${basehead}`;
      const target = split(repo);
      const data = await call(subject, () =>
        octokit.repos.compareCommitsWithBasehead({ ...target, basehead }),
      );
      if (data === null) return null;
      const answer = parse(CompareAnswer, data, subject);
      return {
        status: answer.status,
        aheadBy: answer.ahead_by,
        behindBy: answer.behind_by,
        commits: answer.commits.map((commit) => ({ sha: commit.sha, message: commit.commit.message })),
      };
    },

    async pullRequestsForCommit(repo: string, sha: string): Promise<PullRequestRef[]> {
      if (!HEX_SHA.test(sha)) return [];
      const subject = `${repo} pull requests of ${sha}`;
      const target = split(repo);
      const data = await call(
        subject,
        () =>
          octokit.repos.listPullRequestsAssociatedWithCommit({ ...target, commit_sha: sha, per_page: 100 }),
        [404, 409, 422],
      );
      if (data === null) return [];
      return parse(PullsAnswer, data, subject).map((pull) => ({
        number: pull.number,
        title: pull.title,
        url: pull.html_url,
        labels: pull.labels.map((label) => label.name),
      }));
    },
  };
}

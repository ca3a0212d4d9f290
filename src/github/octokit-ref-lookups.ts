import type { Octokit } from '@octokit/rest';
import { z } from 'zod';

import type { Logger } from '../logger';
import type { RefLookups } from './github-client';
import { githubRequest, splitRepo } from './github-request';

const Sha = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/i);
const GitObject = z.object({ type: z.string(), sha: Sha });
const MatchingRefs = z.array(z.object({ ref: z.string(), object: GitObject }));
const TagObject = z.object({ object: GitObject });
const BranchAnswer = z.object({ name: z.string(), commit: z.object({ sha: Sha }) });
const Person = z.object({ date: z.string() }).nullish();
const CommitAnswer = z.object({ commit: z.object({ committer: Person, author: Person }) });

/** Tag-name prefixes we list: a version's start, never anything git would refuse in a ref. */
const PREFIX = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Annotated tags may point at tags; a longer chain than this is treated as broken. */
const MAX_TAG_DEPTH = 5;

/**
 * RefLookups over the GitHub REST API: tags by prefix (`git/matching-refs`, annotated tags peeled
 * with `git/tags`), a branch, a commit's date. Answers are checked with zod; an answer in another
 * shape, an outage or a rate limit is a GitHubUnavailableError, "no such thing" is null or [].
 */
export function createOctokitRefLookups(
  octokit: Octokit,
  params: { logger: Logger; timeoutMs: number },
): RefLookups {
  const { call, parse } = githubRequest(params);
  const split = splitRepo;

  /** The commit an annotated tag points at, through at most MAX_TAG_DEPTH tag objects. */
  async function peel(repo: string, name: string, object: z.infer<typeof GitObject>): Promise<string | null> {
    const target = split(repo);
    let current = object;
    for (let depth = 0; current.type === 'tag' && depth < MAX_TAG_DEPTH; depth++) {
      const subject = `${repo} tag object of ${name}`;
      const tag_sha = current.sha;
      const data = await call(subject, () => octokit.git.getTag({ ...target, tag_sha }), [404]);
      if (data === null) return null;
      current = parse(TagObject, data, subject).object;
    }
    return current.type === 'commit' ? current.sha.toLowerCase() : null;
  }

  return {
    async listTags(repo, prefix) {
      if (!PREFIX.test(prefix)) throw new Error(`not a tag prefix: "${prefix}"`);
      const subject = `${repo} tags ${prefix}*`;
      const ref = `tags/${prefix}`;
      // 409: the repository is empty. A repository that does not exist (404) is a setup mistake.
      const data = await call(subject, () => octokit.git.listMatchingRefs({ ...split(repo), ref }), [409]);
      if (data === null) return [];
      const refs = parse(MatchingRefs, data, subject).filter((r) => r.ref.startsWith(`refs/${ref}`));
      const tags = await Promise.all(
        refs.map(async (r) => {
          const name = r.ref.slice('refs/tags/'.length);
          const sha = await peel(repo, name, r.object);
          return sha ? { name, sha } : null;
        }),
      );
      return tags.filter((tag): tag is { name: string; sha: string } => tag !== null);
    },

    async getBranch(repo, name) {
      if (name.length === 0 || name.length > 255) return null;
      const subject = `${repo} branch ${name}`;
      const data = await call(
        subject,
        () => octokit.repos.getBranch({ ...split(repo), branch: name }),
        [404],
      );
      if (data === null) return null;
      const branch = parse(BranchAnswer, data, subject);
      return { name: branch.name, sha: branch.commit.sha.toLowerCase() };
    },

    async commitDate(repo, sha) {
      if (!/^[0-9a-f]{7,64}$/i.test(sha)) return null;
      const subject = `${repo} commit ${sha}`;
      // 422: no commit has this SHA; 409: the repository is empty.
      const data = await call(
        subject,
        () => octokit.repos.getCommit({ ...split(repo), ref: sha }),
        [404, 409, 422],
      );
      if (data === null) return null;
      const { commit } = parse(CommitAnswer, data, subject);
      return commit.committer?.date ?? commit.author?.date ?? null;
    },
  };
}

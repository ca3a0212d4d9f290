import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createOctokit } from './create-octokit';
import { GitHubUnavailableError } from './github-client';
import { answeredStatus, githubRequestFailure } from './github-request-failure';
import { splitRepo } from './github-request';
import {
  MANIFESTS_WRITE_SCOPE,
  ManifestsWriteError,
  missingPermissionText,
  missingScopeText,
  type ManifestsRepo,
  type PullInfo,
  type RepoFile,
} from './manifests-repo';

const Repo = z.object({ default_branch: z.string().min(1) });
const Ref = z.object({ object: z.object({ sha: z.string().min(1) }) });
const GitCommit = z.object({ sha: z.string().min(1), tree: z.object({ sha: z.string().min(1) }) });
const Tree = z.object({
  sha: z.string(),
  tree: z.array(z.object({ path: z.string(), mode: z.string(), type: z.string(), sha: z.string() })),
});
const Blob = z.object({ content: z.string(), encoding: z.enum(['base64', 'utf-8']) });
const Created = z.object({ sha: z.string().min(1) });
const Pull = z.object({
  number: z.number().int().positive(),
  html_url: z.string(),
  state: z.enum(['open', 'closed']),
  title: z.string(),
  merged_at: z.string().nullable().optional(),
  head: z.object({ ref: z.string(), repo: z.object({ full_name: z.string() }).nullable().optional() }),
});
type Pull = z.infer<typeof Pull>;

const pullInfo = (pull: Pull): PullInfo => ({
  number: pull.number,
  url: pull.html_url,
  state: pull.merged_at ? 'merged' : pull.state,
  title: pull.title,
});

function header(error: unknown, name: string): string | null {
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
  const value = headers?.[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Turns what Octokit threw into a failure a person can act on. */
function failure(error: unknown, repo: string, subject: string, timeoutMs: number): Error {
  const general = githubRequestFailure(error, subject, timeoutMs);
  if (general instanceof GitHubUnavailableError) return general;
  const status = answeredStatus(error);
  const accepted = header(error, 'x-accepted-github-permissions');
  if (status === 403 && accepted) return new ManifestsWriteError(missingPermissionText(repo, accepted));
  const scopes = header(error, 'x-accepted-oauth-scopes');
  const held = header(error, 'x-oauth-scopes') ?? '';
  const heldList = held.split(',').map((s) => s.trim());
  if (
    (status === 403 || status === 404) &&
    scopes &&
    !scopes.split(',').some((s) => heldList.includes(s.trim()))
  )
    return new ManifestsWriteError(missingScopeText(repo, scopes, held));
  if (status === 401) return new ManifestsWriteError(`${general.message} ${MANIFESTS_WRITE_SCOPE}.`);
  if (status === 403 || status === 404)
    return new ManifestsWriteError(
      `GitHub refused ${subject} (${status}): the repository does not exist, or ${MANIFESTS_WRITE_SCOPE}.`,
    );
  return new ManifestsWriteError(general.message);
}

/** A ManifestsRepo over an Octokit built with createOctokit (throttled, retried, timed out). */
export function createOctokitManifestsRepo(
  octokit: Octokit,
  params: { logger: Logger; timeoutMs: number },
): ManifestsRepo {
  const log = params.logger;
  /** Sends one request; `absent` statuses answer null; the answer's shape is checked with zod. */
  async function send<T>(
    repo: string,
    subject: string,
    schema: z.ZodType<T>,
    request: () => Promise<{ data: unknown }>,
    absent: number[] = [],
  ): Promise<T | null> {
    let data: unknown;
    try {
      data = (await request()).data;
    } catch (error) {
      const status = answeredStatus(error);
      if (status !== null && absent.includes(status)) return null;
      throw failure(error, repo, subject, params.timeoutMs);
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    const fields = parsed.error.issues.map((issue) => issue.path.map(String).join('.') || '(root)');
    log.warn({ subject, fields }, 'GitHub answered in an unexpected shape');
    throw new GitHubUnavailableError(
      `GitHub answered in an unexpected shape (${subject}): ${fields.join(', ')}`,
    );
  }
  const must = async <T>(value: Promise<T | null>): Promise<T> => (await value) as T;

  async function treeEntries(repo: string, sha: string, cache: Map<string, z.infer<typeof Tree>['tree']>) {
    const known = cache.get(sha);
    if (known) return known;
    const tree = await must(
      send(repo, `${repo} tree ${sha.slice(0, 12)}`, Tree, () =>
        octokit.git.getTree({ ...splitRepo(repo), tree_sha: sha }),
      ),
    );
    cache.set(sha, tree.tree);
    return tree.tree;
  }

  async function readFile(
    repo: string,
    root: string,
    path: string,
    cache: Map<string, z.infer<typeof Tree>['tree']>,
  ) {
    const parts = path.split('/');
    let tree = root;
    for (const [index, part] of parts.entries()) {
      const entry = (await treeEntries(repo, tree, cache)).find((e) => e.path === part);
      if (!entry) return null;
      if (index < parts.length - 1) {
        if (entry.type !== 'tree') return null;
        tree = entry.sha;
        continue;
      }
      if (entry.type !== 'blob') return null;
      const blob = await must(
        send(repo, `${repo} ${path}`, Blob, () =>
          octokit.git.getBlob({ ...splitRepo(repo), file_sha: entry.sha }),
        ),
      );
      const content =
        blob.encoding === 'base64' ? Buffer.from(blob.content, 'base64').toString('utf8') : blob.content;
      return { content, mode: entry.mode } satisfies RepoFile;
    }
    return null;
  }

  return {
    async defaultBranch(repo) {
      const answer = await must(send(repo, `${repo}`, Repo, () => octokit.repos.get(splitRepo(repo))));
      return answer.default_branch;
    },

    async branchHead(repo, branch) {
      const ref = await send(
        repo,
        `${repo} branch ${branch}`,
        Ref,
        () => octokit.git.getRef({ ...splitRepo(repo), ref: `heads/${branch}` }),
        [404],
      );
      return ref?.object.sha ?? null;
    },

    async readFiles(repo, commitSha, paths) {
      const commit = await must(
        send(repo, `${repo} commit ${commitSha.slice(0, 12)}`, GitCommit, () =>
          octokit.git.getCommit({ ...splitRepo(repo), commit_sha: commitSha }),
        ),
      );
      const cache = new Map<string, z.infer<typeof Tree>['tree']>();
      const files = new Map<string, RepoFile | null>();
      for (const path of paths) files.set(path, await readFile(repo, commit.tree.sha, path, cache));
      return files;
    },

    async commitToBranch(repo, change) {
      const target = splitRepo(repo);
      const parent = await must(
        send(repo, `${repo} commit ${change.parent.slice(0, 12)}`, GitCommit, () =>
          octokit.git.getCommit({ ...target, commit_sha: change.parent }),
        ),
      );
      const tree = await must(
        send(repo, `a new tree in ${repo}`, Created, () =>
          octokit.git.createTree({
            ...target,
            base_tree: parent.tree.sha,
            tree: change.files.map((f) => ({
              path: f.path,
              mode: f.mode as '100644' | '100755',
              type: 'blob' as const,
              content: f.content,
            })),
          }),
        ),
      );
      const commit = await must(
        send(repo, `a new commit in ${repo}`, Created, () =>
          octokit.git.createCommit({
            ...target,
            message: change.message,
            tree: tree.sha,
            parents: [change.parent],
          }),
        ),
      );
      const subject = `the branch ${change.branch} in ${repo}`;
      await must(
        send(repo, subject, Ref, () =>
          change.exists
            ? octokit.git.updateRef({
                ...target,
                ref: `heads/${change.branch}`,
                sha: commit.sha,
                force: true,
              })
            : octokit.git.createRef({ ...target, ref: `refs/heads/${change.branch}`, sha: commit.sha }),
        ),
      );
      log.info({ repo, branch: change.branch, commit: commit.sha }, 'manifests branch written');
      return commit.sha;
    },

    async findPull(repo, branch) {
      const target = splitRepo(repo);
      const pulls = await must(
        send(repo, `${repo} pull requests from ${branch}`, z.array(Pull), () =>
          octokit.pulls.list({ ...target, head: `${target.owner}:${branch}`, state: 'all', per_page: 10 }),
        ),
      );
      const own = pulls.filter((p) => p.head.ref === branch).sort((a, b) => b.number - a.number);
      return own[0] ? pullInfo(own[0]) : null;
    },

    async createPull(repo, pull) {
      // Never retried: a 5xx may come after GitHub opened it, and a retry would make two.
      const answer = await must(
        send(repo, `a pull request in ${repo}`, Pull, () =>
          octokit.pulls.create({
            ...splitRepo(repo),
            ...pull,
            maintainer_can_modify: true,
            request: { retries: 0 },
          }),
        ),
      );
      log.info({ repo, pull: answer.number }, 'manifests pull request opened');
      return pullInfo(answer);
    },

    async updatePull(repo, number, pull) {
      const answer = await must(
        send(repo, `${repo}#${number}`, Pull, () =>
          octokit.pulls.update({ ...splitRepo(repo), pull_number: number, ...pull }),
        ),
      );
      return pullInfo(answer);
    },

    async addLabels(repo, number, labels) {
      if (labels.length === 0) return;
      await send(repo, `the labels of ${repo}#${number}`, z.array(z.object({ name: z.string() })), () =>
        octokit.issues.addLabels({ ...splitRepo(repo), issue_number: number, labels }),
      );
    },
  };
}

/** Each call waits this long for GitHub before giving up (the work runs in the background). */
const TIMEOUT_MS = 15_000;

/** The manifests repository client the app uses; without GITHUB_TOKEN it can only read a public repository. */
export function createManifestsRepo(config: Pick<Config, 'github'>, logger: Logger): ManifestsRepo {
  const octokit = createOctokit({
    baseUrl: config.github.apiUrl,
    ...(config.github.token ? { token: config.github.token } : {}),
    logger,
    requestTimeoutMs: TIMEOUT_MS,
    throttle: { enabled: true },
    retryDelayUnitMs: 1000,
  });
  return createOctokitManifestsRepo(octokit, { logger, timeoutMs: TIMEOUT_MS });
}

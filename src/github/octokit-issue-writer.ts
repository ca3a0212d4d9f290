import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createOctokit } from './create-octokit';
import { GitHubUnavailableError } from './github-client';
import { answeredStatus, githubRequestFailure } from './github-request-failure';

/**
 * The writes kfrelease makes on GitHub: the release tracking issue. Methods throw a
 * GitHubUnavailableError when trying later may help, and an IssueWriteError saying what to fix
 * (token, repository settings) otherwise.
 */
export interface IssueWriter {
  createIssue(
    repo: string,
    issue: { title: string; body: string; labels?: string[] },
  ): Promise<{ number: number; url: string }>;
  updateIssueBody(repo: string, number: number, body: string): Promise<void>;
}

/** GitHub refused a write for a reason a person must fix; the message says what to do. */
export class IssueWriteError extends Error {
  override readonly name = 'IssueWriteError';
}

/** What to tell an operator whose token cannot write issues. */
export const ISSUE_WRITE_SCOPE =
  'GITHUB_TOKEN needs write access to issues in that repository: a fine-grained token with "Issues: Read and write" on it, or a classic token with the public_repo scope (repo for a private repository)';

const IssueAnswer = z.object({ number: z.number().int().positive(), html_url: z.string() });
const REPO = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

function split(repo: string): { owner: string; repo: string } {
  const [owner = '', name = ''] = repo.split('/');
  if (!REPO.test(repo)) throw new IssueWriteError(`not a GitHub repository "owner/name": ${repo}`);
  return { owner, repo: name };
}

function writeFailure(error: unknown, repo: string, subject: string, timeoutMs: number): Error {
  const failure = githubRequestFailure(error, subject, timeoutMs);
  if (failure instanceof GitHubUnavailableError) return failure;
  const status = answeredStatus(error);
  if (status === 401) return new IssueWriteError(`${failure.message} ${ISSUE_WRITE_SCOPE}.`);
  if (status === 403 || status === 404) {
    return new IssueWriteError(
      `GitHub refused to write to ${repo} (${status}): the repository does not exist, or ${ISSUE_WRITE_SCOPE}.`,
    );
  }
  if (status === 410) {
    return new IssueWriteError(
      `Issues are turned off in ${repo}: turn them on in the repository's settings, or choose another repository.`,
    );
  }
  return new IssueWriteError(failure.message);
}

/** An IssueWriter over an Octokit built with createOctokit (throttled, retried, timed out). */
export function createOctokitIssueWriter(
  octokit: Octokit,
  params: { logger: Logger; timeoutMs: number },
): IssueWriter {
  const log = params.logger;
  return {
    async createIssue(repo, issue) {
      const subject = `${repo} new issue`;
      const target = split(repo);
      let data: unknown;
      try {
        // Never retried: a 5xx may come after GitHub created the issue, and a retry would make two.
        const answer = await octokit.issues.create({
          ...target,
          title: issue.title,
          body: issue.body,
          ...(issue.labels && issue.labels.length > 0 ? { labels: issue.labels } : {}),
          request: { retries: 0 },
        });
        data = answer.data;
      } catch (error) {
        throw writeFailure(error, repo, subject, params.timeoutMs);
      }
      const parsed = IssueAnswer.safeParse(data);
      if (!parsed.success) {
        log.warn({ subject }, 'GitHub answered in an unexpected shape');
        throw new GitHubUnavailableError(`GitHub answered in an unexpected shape (${subject})`);
      }
      log.info({ repo, issue: parsed.data.number }, 'issue created');
      return { number: parsed.data.number, url: parsed.data.html_url };
    },

    async updateIssueBody(repo, number, body) {
      const subject = `${repo}#${number} body`;
      try {
        await octokit.issues.update({ ...split(repo), issue_number: number, body });
      } catch (error) {
        throw writeFailure(error, repo, subject, params.timeoutMs);
      }
      log.info({ repo, issue: number }, 'issue body updated');
    },
  };
}

/** Each write waits this long for GitHub before giving up (writes run in the background). */
const WRITE_TIMEOUT_MS = 15_000;

/** The issue writer the app uses, or null without GITHUB_TOKEN: kfrelease then never writes to GitHub. */
export function createIssueWriter(config: Pick<Config, 'github'>, logger: Logger): IssueWriter | null {
  if (!config.github.token) return null;
  const octokit = createOctokit({
    baseUrl: config.github.apiUrl,
    token: config.github.token,
    logger,
    requestTimeoutMs: WRITE_TIMEOUT_MS,
    throttle: { enabled: true },
    retryDelayUnitMs: 1000,
  });
  return createOctokitIssueWriter(octokit, { logger, timeoutMs: WRITE_TIMEOUT_MS });
}

import type { z } from 'zod';
import type { Logger } from '../logger';
import { GitHubUnavailableError } from './github-client';
import { answeredStatus, githubRequestFailure } from './github-request-failure';

const REPO = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** `owner/name` split for Octokit; anything else is a programming error, not a GitHub answer. */
export function splitRepo(repo: string): { owner: string; repo: string } {
  const [owner = '', name = ''] = repo.split('/');
  if (!REPO.test(repo)) throw new Error(`not a GitHub repository "owner/name": ${repo}`);
  return { owner, repo: name };
}

/**
 * The two steps of every GitHub call: send it, turning "no such thing" statuses into null and
 * everything else that went wrong into a typed failure; then check the answer's shape with zod.
 */
export function githubRequest(params: { logger: Logger; timeoutMs: number }) {
  return {
    /** The answer's data, or null when GitHub answered one of `absent` (404: no such thing). */
    async call(
      subject: string,
      send: () => Promise<{ data: unknown }>,
      absent: number[] = [404],
    ): Promise<unknown> {
      try {
        return (await send()).data;
      } catch (error) {
        const status = answeredStatus(error);
        if (status !== null && absent.includes(status)) return null;
        throw githubRequestFailure(error, subject, params.timeoutMs);
      }
    },
    /** The answer as the schema says, or a GitHubUnavailableError naming the fields that were off. */
    parse<T>(schema: z.ZodType<T>, data: unknown, subject: string): T {
      const parsed = schema.safeParse(data);
      if (parsed.success) return parsed.data;
      const fields = parsed.error.issues.map((issue) => issue.path.map(String).join('.') || '(root)');
      params.logger.warn({ subject, fields }, 'GitHub answered in an unexpected shape');
      throw new GitHubUnavailableError(
        `GitHub answered in an unexpected shape (${subject}): ${fields.join(', ')}`,
      );
    },
  };
}

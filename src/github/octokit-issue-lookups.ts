import type { Octokit } from '@octokit/rest';
import { z } from 'zod';

import { wallClockSeconds } from '../clock';
import type { Logger } from '../logger';
import {
  GitHubUnavailableError,
  issueKey,
  type IssueInfo,
  type IssueLookups,
  type IssueRef,
} from './github-client';
import { githubRequestFailure } from './github-request-failure';

/** GitHub's limit of nodes per query keeps a query of 100 aliases at about one point. */
const ALIASES_PER_QUERY = 100;
/** Below this many points left, every lookup is logged as a warning. */
const LOW_BUDGET = 200;

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

const Names = <T extends z.ZodType>(node: T) => z.object({ nodes: z.array(node.nullable()) }).nullish();
const IssueNode = z.object({
  __typename: z.enum(['Issue', 'PullRequest']),
  number: z.number().int(),
  title: z.string(),
  state: z.enum(['OPEN', 'CLOSED', 'MERGED']),
  url: z.string().optional(),
  updatedAt: z.string(),
  labels: Names(z.object({ name: z.string() })),
  assignees: Names(z.object({ login: z.string() })),
});
const RepositoryAnswer = z.object({ issueOrPullRequest: IssueNode.nullable() }).nullable();
const RateLimitAnswer = z.object({ cost: z.number(), remaining: z.number(), resetAt: z.string() });
const GraphqlError = z.object({ type: z.string().optional(), path: z.array(z.unknown()).optional() });
/** What @octokit/graphql throws for an answer with `errors`: partial data may still be there. */
const PartialAnswer = z.object({
  name: z.literal('GraphqlResponseError'),
  errors: z.array(GraphqlError),
  data: z.record(z.string(), z.unknown()).nullish(),
});
/**
 * A GraphQL RATE_LIMITED answer: @octokit/graphql throws it with `errors` and `headers`, the
 * throttling plugin (when it does not wait it out) with `data.errors` and `response.headers`.
 */
const Headers = z.record(z.string(), z.unknown()).optional().catch(undefined);
const RateLimitedAnswer = z.object({
  errors: z.array(GraphqlError).optional().catch(undefined),
  data: z
    .object({ errors: z.array(GraphqlError).optional() })
    .nullish()
    .catch(null),
  headers: Headers,
  response: z.object({ headers: Headers }).optional().catch(undefined),
});

const FIELDS = `number title state url updatedAt
    labels(first: 50) { nodes { name } }
    assignees(first: 20) { nodes { login } }`;

function queryFor(refs: IssueRef[]): string {
  const aliases = refs.map(
    (ref, i) =>
      `i${i}: repository(owner: ${JSON.stringify(ref.owner)}, name: ${JSON.stringify(ref.repo)}) {
    issueOrPullRequest(number: ${ref.number}) { __typename ...issueFields ...pullFields }
  }`,
  );
  return `query {
  ${aliases.join('\n  ')}
  rateLimit { cost remaining resetAt }
}
fragment issueFields on Issue { ${FIELDS} }
fragment pullFields on PullRequest { ${FIELDS} }`;
}

function toInfo(ref: IssueRef, node: z.infer<typeof IssueNode>): IssueInfo {
  const isPullRequest = node.__typename === 'PullRequest';
  return {
    ref,
    title: node.title,
    state: node.state.toLowerCase() as IssueInfo['state'],
    isPullRequest,
    labels: (node.labels?.nodes ?? []).flatMap((label) => (label ? [label.name] : [])),
    assignees: (node.assignees?.nodes ?? []).flatMap((user) => (user ? [user.login] : [])),
    url:
      node.url ??
      `https://github.com/${ref.owner}/${ref.repo}/${isPullRequest ? 'pull' : 'issues'}/${node.number}`,
    updatedAt: node.updatedAt,
  };
}

/** A GraphQL rate limit: come back at GitHub's reset (header, else the answer's resetAt). */
function rateLimited(error: unknown, subject: string): GitHubUnavailableError | null {
  const parsed = RateLimitedAnswer.safeParse(error);
  if (!parsed.success) return null;
  const errors = parsed.data.errors ?? parsed.data.data?.errors ?? [];
  if (!errors.some((e) => e.type === 'RATE_LIMITED')) return null;
  const reset = Number((parsed.data.headers ?? parsed.data.response?.headers)?.['x-ratelimit-reset']);
  const retryAt = new Date((Number.isFinite(reset) && reset > 0 ? reset : wallClockSeconds() + 60) * 1000);
  return new GitHubUnavailableError(
    `GitHub GraphQL rate limit reached until ${retryAt.toISOString()} (${subject})`,
    retryAt,
    403,
    'rate_limit',
  );
}

/**
 * Issue lookups over GitHub's GraphQL API: one query per 100 issues (one alias each, about one
 * rate-limit point). An issue, pull request or repository that does not exist (or that the token
 * cannot see) answers null; GitHub failing answers GitHubUnavailableError.
 */
export function createOctokitIssueLookups(
  octokit: Octokit,
  params: { logger: Logger; timeoutMs: number },
): IssueLookups {
  const log = params.logger;

  async function query(refs: IssueRef[]): Promise<{ data: Record<string, unknown>; missing: string[] }> {
    const subject = `${refs.length} issue(s) from ${refs[0] ? issueKey(refs[0]) : ''}`;
    try {
      return { data: await octokit.graphql<Record<string, unknown>>(queryFor(refs)), missing: [] };
    } catch (error) {
      const limited = rateLimited(error, subject);
      if (limited) throw limited;
      const partial = PartialAnswer.safeParse(error);
      // Errors that name an alias (NOT_FOUND, FORBIDDEN) leave the other aliases' answers usable.
      if (partial.success && partial.data.data && partial.data.errors.every((e) => e.path?.length)) {
        const missing = partial.data.errors.map((e) => `${String(e.path?.[0])}:${e.type ?? 'unknown'}`);
        return { data: partial.data.data, missing };
      }
      throw githubRequestFailure(error, subject, params.timeoutMs);
    }
  }

  function parse(refs: IssueRef[], data: Record<string, unknown>): Map<string, IssueInfo | null> {
    const issues = new Map<string, IssueInfo | null>();
    const invalid: string[] = [];
    refs.forEach((ref, i) => {
      const answer = RepositoryAnswer.safeParse(data[`i${i}`] ?? null);
      if (!answer.success) invalid.push(`i${i}`);
      const node = answer.success ? answer.data?.issueOrPullRequest : null;
      issues.set(issueKey(ref), node ? toInfo(ref, node) : null);
    });
    if (invalid.length > 0) {
      log.warn({ aliases: invalid.slice(0, 10) }, 'GitHub answered in an unexpected shape');
      throw new GitHubUnavailableError(`GitHub answered in an unexpected shape (${invalid.join(', ')})`);
    }
    return issues;
  }

  return {
    async getIssues(refs) {
      for (const ref of refs) {
        if (
          !OWNER.test(ref.owner) ||
          !REPO.test(ref.repo) ||
          !Number.isSafeInteger(ref.number) ||
          ref.number < 1
        )
          throw new Error(`not an issue reference: ${issueKey(ref)}`);
      }
      const unique = [...new Map(refs.map((ref) => [issueKey(ref).toLowerCase(), ref])).values()];
      const found = new Map<string, IssueInfo | null>();
      let requests = 0;
      let cost = 0;
      for (let start = 0; start < unique.length; start += ALIASES_PER_QUERY) {
        const chunk = unique.slice(start, start + ALIASES_PER_QUERY);
        requests += 1;
        const { data, missing } = await query(chunk);
        const budget = RateLimitAnswer.safeParse(data.rateLimit);
        cost += budget.success ? budget.data.cost : 1;
        const level = budget.success && budget.data.remaining < LOW_BUDGET ? 'warn' : 'debug';
        log[level](
          { issues: chunk.length, missing: missing.slice(0, 10), ...(budget.success ? budget.data : {}) },
          'issues looked up',
        );
        for (const [key, info] of parse(chunk, data)) found.set(key.toLowerCase(), info);
      }
      const issues = new Map<string, IssueInfo | null>();
      for (const ref of refs) {
        const info = found.get(issueKey(ref).toLowerCase()) ?? null;
        issues.set(issueKey(ref), info && { ...info, ref });
      }
      return { issues, requests, cost };
    },
  };
}

import type { GitHubModel, IssueModel } from './github-stand-in-model';

export interface GraphqlRateLimit {
  limit: number;
  remaining: number;
  resetAt: string;
}

interface GraphqlError {
  type: string;
  path: string[];
  message: string;
  locations: { line: number; column: number }[];
}

/**
 * `i0: repository(owner: "o", name: "r") { n: issueOrPullRequest(number: 1) {` with either alias optional and
 * the two repository arguments in any order.
 */
const REPOSITORY_BLOCK =
  /(?:(\w+)\s*:\s*)?repository\s*\(([^)]*)\)\s*\{\s*(?:(\w+)\s*:\s*)?issueOrPullRequest\s*\(\s*number\s*:\s*(\d+)\s*\)/g;

function stringArgument(args: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*:\\s*"([^"]*)"`).exec(args)?.[1];
}

function issueNode(issue: IssueModel) {
  return {
    __typename: issue.pullRequest ? 'PullRequest' : 'Issue',
    number: issue.number,
    title: issue.title,
    state: issue.state.toUpperCase(),
    labels: { nodes: issue.labels.map((name) => ({ name })) },
    assignees: { nodes: issue.assignees.map((login) => ({ login })) },
    updatedAt: issue.updatedAt,
  };
}

/**
 * Answers the batched issue query the bot sends (one aliased `repository { issueOrPullRequest }` per issue),
 * with GitHub's partial-failure shape: unknown repositories or numbers become `null` plus an entry in
 * `errors`. Returns undefined for any other query so the caller can report it.
 */
export function answerGraphql(
  model: GitHubModel,
  query: string,
  rateLimit: GraphqlRateLimit,
): { data: Record<string, unknown>; errors?: GraphqlError[] } | undefined {
  const data: Record<string, unknown> = {};
  const errors: GraphqlError[] = [];
  const location = [{ line: 1, column: 1 }];
  let blocks = 0;
  for (const match of query.matchAll(REPOSITORY_BLOCK)) {
    blocks += 1;
    const [, alias = 'repository', args = '', field = 'issueOrPullRequest', numberText = '0'] = match;
    const owner = stringArgument(args, 'owner') ?? '';
    const name = stringArgument(args, 'name') ?? '';
    const number = Number(numberText);
    const repo = model.findRepo(owner, name);
    if (!repo) {
      data[alias] = null;
      errors.push({
        type: 'NOT_FOUND',
        path: [alias],
        message: `Could not resolve to a Repository with the name '${owner}/${name}'.`,
        locations: location,
      });
      continue;
    }
    const issue = repo.issues.get(number);
    data[alias] = { [field]: issue ? issueNode(issue) : null };
    if (!issue) {
      errors.push({
        type: 'NOT_FOUND',
        path: [alias, field],
        message: `Could not resolve to an issue or pull request with the number of ${number}.`,
        locations: location,
      });
    }
  }
  const wantsRateLimit = /\brateLimit\s*\{/.test(query);
  if (blocks === 0 && !wantsRateLimit) return undefined;
  if (wantsRateLimit) {
    data.rateLimit = {
      cost: Math.max(1, Math.ceil(blocks / 100)),
      remaining: rateLimit.remaining,
      limit: rateLimit.limit,
      resetAt: rateLimit.resetAt,
      used: rateLimit.limit - rateLimit.remaining,
    };
  }
  return errors.length > 0 ? { data, errors } : { data };
}

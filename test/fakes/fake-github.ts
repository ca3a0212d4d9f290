import { startGitHubStandIn, type GitHubStandIn } from '../../src/sandbox/github-stand-in';
import { checkOptOut, watchUnexpectedCalls } from './strict-fakes';

/** The fake api.github.com the tests use: the sandbox's GitHub stand-in, under the names tests know. */
export {
  GitHubModel,
  GitHubStandIn as FakeGitHub,
  type CommitModel,
  type GitHubFailure,
  type GitHubRequest,
  type IssueModel,
  type IssueState,
  type ReleaseModel,
  type RepoModel,
} from '../../src/sandbox/github-stand-in';

/** Starts a fake GitHub that fails the test on any request it has no route for. */
export async function startFakeGitHub(
  options: { unexpectedCallsAllowed?: string } = {},
): Promise<GitHubStandIn> {
  checkOptOut(options.unexpectedCallsAllowed);
  const github = await startGitHubStandIn();
  return watchUnexpectedCalls(
    github,
    {
      kind: 'GitHub got a request it has no route for',
      unexpected: () => github.unexpected(),
      describe: (request) => {
        const { method, path } = request as { method: string; path: string };
        return `${method} ${path}`;
      },
    },
    options.unexpectedCallsAllowed,
  );
}

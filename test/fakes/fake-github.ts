/** The fake api.github.com the tests use: the sandbox's GitHub stand-in, under the names tests know. */
export {
  GitHubModel,
  GitHubStandIn as FakeGitHub,
  startGitHubStandIn as startFakeGitHub,
  type CommitModel,
  type GitHubFailure,
  type GitHubRequest,
  type IssueModel,
  type IssueState,
  type ReleaseModel,
  type RepoModel,
} from '../../src/sandbox/github-stand-in';

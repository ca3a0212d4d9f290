import type { DateTime } from 'luxon';
import type { WorkingGroup } from '../db/working-group-repository';
import type { DemoWorkspace } from './demo-workspace';
import type { GitHubStandIn } from './github-stand-in';
import { fakeSha } from './github-stand-in-model';

const DEFAULT_BRANCH = 'main';

/**
 * Fills the GitHub stand-in: every repository the working groups name, each with a default
 * branch; the demo's tags as a line of commits, each with a published GitHub release and a
 * changelog, so revisions can be handed over in the sandbox as in real life; then the demo's
 * issues and pull requests (a merged one lands on the default branch, an open one waits on a
 * commit of its own), so the forms' examples (`kubeflow/pipelines#1234`) are found.
 */
export function seedGitHub(
  github: GitHubStandIn,
  demo: DemoWorkspace,
  groups: WorkingGroup[],
  now: DateTime,
): void {
  const repos = new Set<string>([...Object.keys(demo.github), ...Object.keys(demo.issues)]);
  for (const group of groups) {
    for (const repo of group.repos) repos.add(repo);
    for (const component of group.components) repos.add(component.repo);
  }
  for (const repo of repos) {
    // A repository's history ends the day before the sandbox clock starts, one commit a day, so
    // the demo's tags (kubeflow/manifests' rc.0) are recent, not months before the cycle began.
    const commits = 2 + 2 * (demo.github[repo] ?? []).length + (demo.issues[repo] ?? []).length;
    let day = commits;
    const date = () => now.minus({ days: day-- }).toUTC().toISO() ?? '';
    github.addRepo(repo, { defaultBranch: DEFAULT_BRANCH });
    let head = fakeSha(`${repo}:initial`);
    github.addCommit(repo, head, [], { message: 'Initial import', date: date() });
    for (const tag of demo.github[repo] ?? []) {
      const fix = fakeSha(`${repo}:${tag}:fix`);
      github.addCommit(repo, fix, [head], { message: `Fix flaky tests before ${tag}`, date: date() });
      const release = fakeSha(`${repo}:${tag}`);
      github.addCommit(repo, release, [fix], { message: `Release ${tag}`, date: date() });
      github.addTag(repo, tag, release, { annotated: true, message: `Release ${tag}` });
      github.addRelease(repo, {
        tag,
        name: tag,
        prerelease: /rc/i.test(tag),
        body: `## What's changed\n\n- Fix flaky tests before ${tag}\n- Release ${tag}`,
      });
      head = release;
    }
    const work = fakeSha(`${repo}:main`);
    github.addCommit(repo, work, [head], { message: 'Start the next cycle', date: date() });
    head = work;
    for (const issue of demo.issues[repo] ?? []) {
      const { number, title, state, labels } = issue;
      const updatedAt = date();
      if (!issue.pull) {
        github.addIssue(repo, number, { title, state, labels, updatedAt });
        continue;
      }
      const commit = fakeSha(`${repo}#${number}`);
      github.addCommit(repo, commit, [head], { message: `${title} (#${number})`, date: updatedAt });
      if (state === 'merged') head = commit;
      github.addPullRequest(repo, number, { title, state, labels, commits: [commit] });
    }
    github.addBranch(repo, DEFAULT_BRANCH, head);
  }
}

import { readFileSync } from 'node:fs';
import { renderedPayload } from './rendered-posts';
import { join } from 'node:path';
import type { BlockerRow } from '../../src/db/blocker-repository';
import type { ReleaseRow } from '../../src/db/release-repository';
import { createOctokit } from '../../src/github/create-octokit';
import type { IssueLookups } from '../../src/github/github-client';
import { createOctokitIssueLookups } from '../../src/github/octokit-issue-lookups';
import { createLogger } from '../../src/logger';
import { formBlockIds } from '../../src/slack/blocks/blocker-form-view';
import { createRelease } from '../../src/workflows/create-release';
import { importTeam } from '../../src/workflows/import-team';
import type { FakeGitHub } from '../fakes/fake-github';
import { viewSubmission, type SlackHttpResponse } from './slack-request';
import { ADMIN, RELEASE_CHANNEL, startTestApp, type TestApp } from './start-app';

export const RELEASE = 'v1.10.0';
/** Release manager (examples/team.yml). */
export const RM = 'U0ADA0001';
/** Pipelines liaison. */
export const ALAN = 'U0ALAN001';
/** Notebooks liaison and the release manager's shadow (a shadow does not steer). */
export const GRACE = 'U0GRACE01';
/** Docs lead: on the team, no working group's liaison. */
export const MARGARET = 'U0MARG001';
export const KFP = 'kubeflow/pipelines';

const TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');

/** Issue lookups against the fake GitHub: no throttle spacing, retries 1 ms apart. */
export function issueLookupsFor(github: FakeGitHub): IssueLookups {
  const logger = createLogger('silent');
  const octokit = createOctokit({
    baseUrl: github.url,
    logger,
    requestTimeoutMs: 2000,
    throttle: { enabled: false },
    retryDelayUnitMs: 1,
  });
  return createOctokitIssueLookups(octokit, { logger, timeoutMs: 2000 });
}

/**
 * The real app against the fake GitHub, with v1.10.0 (week 11: Feature Freeze) and the example
 * team.
 */
export async function startBlockerApp(github: FakeGitHub, now = '2026-05-12T10:00:00Z') {
  const app = await startTestApp({ now, githubUrl: github.url });
  const { release } = createRelease(app.services, {
    version: RELEASE,
    startDate: '2026-03-02',
    template: 'handbook-17w',
    timeZone: 'Europe/Berlin',
    channel: RELEASE_CHANNEL,
    actor: { kind: 'slack', userId: ADMIN },
  });
  importTeam(app.services, { yaml: TEAM_YAML, source: 'team.yml', actor: { kind: 'cli', name: 'test' } });
  return { app, release };
}

export interface FormValues {
  wg?: string;
  refs: string;
  blocks?: boolean;
  note?: string;
}

/** Submits the report form (attempt `attempt`) as `user`. */
export function submitReport(
  app: TestApp,
  user: string,
  values: FormValues,
  attempt = 0,
): Promise<SlackHttpResponse> {
  const ids = formBlockIds(attempt);
  const select = (value?: string) => ({ type: 'static_select', selected_option: value ? { value } : null });
  return app.interact(
    viewSubmission({
      user,
      callbackId: 'blocker_report',
      privateMetadata: JSON.stringify({ release: RELEASE, attempt }),
      values: {
        [ids.wg]: { wg: select(values.wg) },
        [ids.refs]: { refs: values.refs },
        [ids.blocks]: {
          blocks: { type: 'radio_buttons', selected_option: { value: values.blocks ? 'yes' : 'no' } },
        },
        [ids.note]: { note: values.note ?? '' },
      },
    }),
  );
}

/** Adds issues to the fake GitHub: `count` open issues numbered from `from` in each repository. */
export function seedIssues(github: FakeGitHub, repos: string[], from: number, count: number): void {
  for (const repo of repos) {
    if (!github.model.repos.has(repo.toLowerCase())) github.addRepo(repo);
    for (let n = from; n < from + count; n++)
      github.addIssue(repo, n, {
        title: `Bug ${n} in ${repo}`,
        labels: ['kind/bug'],
        updatedAt: '2026-05-01T00:00:00Z',
      });
  }
}

/** Tracks every issue of the fake's repositories in `release` directly, as a report would. */
export function trackAll(
  app: TestApp,
  github: FakeGitHub,
  release: ReleaseRow,
  wg = 'Pipelines',
): BlockerRow[] {
  const group = app.services.store.workingGroups.findByName(wg);
  if (!group) throw new Error(`no working group ${wg}`);
  const rows: BlockerRow[] = [];
  app.services.store.transaction(() => {
    for (const repo of github.model.repos.values()) {
      for (const issue of repo.issues.values()) {
        const id = app.services.store.blockers.insert({
          releaseId: release.id,
          wgId: group.id,
          owner: repo.owner,
          repo: repo.name,
          number: issue.number,
          title: issue.title,
          state: issue.state,
          isPullRequest: issue.pullRequest,
          labels: issue.labels,
          assignees: issue.assignees,
          url: `https://github.com/${repo.fullName}/issues/${issue.number}`,
          updatedAt: issue.updatedAt,
          blocksRelease: false,
          submittedBy: ALAN,
          submittedAt: '2026-05-11T08:00:00.000Z',
          note: '',
        });
        const row = id === null ? null : app.services.store.blockers.byId(id);
        if (row) rows.push(row);
      }
    }
  });
  return rows;
}

/** The outbox rows, oldest first. */
export function outboxRows(app: TestApp): { key: string; channel: string; payload: string }[] {
  const rows = app.services.store.db
    .prepare('SELECT key, channel, payload FROM outbox ORDER BY id')
    .all() as {
    key: string;
    channel: string;
    payload: string;
  }[];
  // The message each row posts, as Slack receives it.
  return rows.map((row) => ({ ...row, payload: renderedPayload(row.payload) }));
}

/** Waits until the app's sender has delivered every queued post, so a snapshot taken next is stable. */
export async function outboxSettled(app: TestApp, timeoutMs = 3000): Promise<void> {
  const pending = () =>
    (
      app.services.store.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get() as {
        n: number;
      }
    ).n;
  const until = Date.now() + timeoutMs;
  while (pending() > 0) {
    if (Date.now() > until) throw new Error('the outbox still holds pending posts');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

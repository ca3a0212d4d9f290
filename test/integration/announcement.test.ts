import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import type { RevisionOutcome } from '../../src/db/revision-repository';
import { announcementDraftPosts } from '../../src/workflows/announcement-draft';
import { createRelease } from '../../src/workflows/create-release';
import { importTeam } from '../../src/workflows/import-team';
import { enqueuePosts } from '../../src/workflows/enqueue-posts';
import { rendered } from '../helpers/rendered-posts';
import { dmChannelId } from '../fakes/fake-slack';
import { answerText, RELEASE_CHANNEL, startTestApp, type TestApp } from '../helpers/start-app';

const EXAMPLE_TEAM = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');
/** The example team, with a Slack ID for its product manager. */
const TEAM_YAML = EXAMPLE_TEAM.replace('github: rperlman\n', 'github: rperlman\n    slack: U0RADI001\n');
const PM = 'U0RADI001';
const RM = 'U0ADA0001';
const NOW = '2026-06-22T08:00:00Z';
const KF_RELEASE = 'https://github.com/kubeflow/kubeflow/releases/tag/v1.10.0';

function accepted(app: TestApp, wg: string, repo: string, revision: string, releaseUrl: string | null): void {
  const group = app.services.store.workingGroups.findByName(wg)!;
  const outcome: RevisionOutcome = {
    status: 'accepted',
    kind: 'tag',
    commitSha: 'b'.repeat(40),
    version: revision.startsWith('v') ? revision : null,
    warnings: [],
    review: { reasons: [], commits: [], pullRequests: [], releaseUrl, previous: null },
    lastError: null,
  };
  app.services.store.revisions.insertSubmission(
    { releaseId: 1, wgId: group.id, submittedBy: 'U0GRACE01', submittedAt: NOW, note: '' },
    [{ repo, revision, freeze: true, nextValidationAt: null, ...outcome }],
  );
}

describe('the release announcement draft', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    for (const method of ['chat.postMessage', 'conversations.open']) app.slack.expect(method);
    app.slack.addUser({ id: PM, name: 'radia' });
    const actor = { kind: 'cli' as const, name: 'test' };
    createRelease(app.services, {
      version: 'v1.10.0',
      startDate: '2026-03-02',
      channel: RELEASE_CHANNEL,
      actor,
    });
    importTeam(app.services, { yaml: TEAM_YAML, source: 'team.yml', actor });
    accepted(app, 'Notebooks', 'kubeflow/kubeflow', 'v1.10.0', KF_RELEASE);
    accepted(app, 'AutoML', 'kubeflow/katib', 'v0.18.0', null);
    accepted(app, 'Pipelines', 'kubeflow/pipelines', '2.5.0', null);
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('lists every component with its version and a link to its changelog', async () => {
    const response = await app.command('announcement', PM);
    expect(response.json<{ response_type: string }>()?.response_type).toBe('ephemeral');
    const text = answerText(response);
    expect(text).toContain('*Draft release announcement for Kubeflow v1.10.0* (release day Mon 22 Jun 2026)');
    expect(text).toContain('```\nSubject: Kubeflow v1.10.0 is released');
    expect(text).toContain(
      `Notebooks:\n- Notebook Controller, PVC Viewer Controller, Tensorboard Controller, Central Dashboard, Profiles + KFAM, PodDefaults Webhook, Jupyter Web App, Tensorboards Web App, Volumes Web App v1.10.0: ${KF_RELEASE}\n\nPipelines:`,
    );
    expect(text).toContain(
      'AutoML:\n- Katib v0.18.0: https://github.com/kubeflow/katib/releases/tag/v0.18.0',
    );
    expect(text).toContain(
      '- Kubeflow Pipelines 2.5.0: https://github.com/kubeflow/pipelines/releases/tag/2.5.0',
    );
    expect(text).toContain('- Training Operator (Training)');
    // One line per repository and revision: the nine Notebooks components are not nine lines.
    expect(text.match(/releases\/tag\/v1\.10\.0/g)).toHaveLength(1);
    expect(text).toContain('- Kubeflow Tekton Pipelines (Pipelines)');
    expect(text).toContain('led by Ada Lovelace');
    expect(text).toContain(
      '11 component(s) with changelog links · :warning: 8 component(s) have no accepted revision yet',
    );
  });

  it('prints the same draft on the command line', async () => {
    const out: string[] = [];
    const env = { DATABASE_PATH: app.databasePath, KFRELEASE_NOW: NOW, LOG_LEVEL: 'silent' };
    const code = await runCli(['announcement', 'v1.10.0'], env, {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain(`- Notebook Controller, PVC Viewer Controller, Tensorboard Controller,`);
    expect(out.join('\n').startsWith('Subject: Kubeflow v1.10.0 is released')).toBe(true);
  });

  it('sends the draft to the product manager once, on release day only', async () => {
    const release = app.services.store.releases.findByVersion('v1.10.0')!;
    expect(announcementDraftPosts(app.services, release, '2026-06-21')).toEqual([]);
    const posts = announcementDraftPosts(app.services, release, '2026-06-22');
    expect(posts.map((p) => [p.key, p.channel])).toEqual([[`announcement-draft:${release.id}:${PM}`, PM]]);
    for (let i = 0; i < 2; i++) {
      app.services.store.transaction(() =>
        enqueuePosts(app.services.store, release.id, posts, app.clock.now().toUTC().toISO() ?? ''),
      );
      await app.deliverOutbox();
    }
    const dms = app.slack.messages(dmChannelId(PM));
    expect(dms).toHaveLength(1);
    expect(dms[0]?.text).toContain('It is release day for Kubeflow v1.10.0');
    expect(JSON.stringify(dms[0]?.blocks)).toContain(
      'Katib v0.18.0: https://github.com/kubeflow/katib/releases/tag/v0.18.0',
    );
  });

  it('sends it to the release manager when no product manager has a Slack ID', () => {
    const actor = { kind: 'cli' as const, name: 'test' };
    createRelease(app.services, {
      version: 'v1.11.0',
      startDate: '2026-07-06',
      channel: RELEASE_CHANNEL,
      actor,
    });
    const noProductManager = EXAMPLE_TEAM.replace(
      / {2}- name: Radia Perlman\n( {4}.*\n)+? {4}role: product_manager\n/,
      '',
    );
    expect(noProductManager).not.toContain('product_manager\n');
    importTeam(app.services, { yaml: noProductManager, source: 'team.yml', version: 'v1.11.0', actor });
    const release = app.services.store.releases.findByVersion('v1.11.0')!;
    const posts = rendered(announcementDraftPosts(app.services, release, '2026-10-26'));
    expect(posts.map((p) => p.channel)).toEqual([RM]);
    expect(JSON.stringify(posts[0]?.blocks)).toContain('as release manager');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRelease } from '../../src/workflows/create-release';
import { getAppHome } from '../../src/workflows/app-home';
import { importTeam } from '../../src/workflows/import-team';
import type { SlackCall } from '../fakes/fake-slack';
import { blockAction } from '../helpers/slack-request';
import { answerText, RELEASE_CHANNEL, startTestApp, type TestApp } from '../helpers/start-app';
import { openHome as openHomeTab } from '../helpers/open-home';
import { trackedIssue } from '../helpers/tracked-issue';

const TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');
const RM = 'U0ADA0001';
const ALAN = 'U0ALAN001'; // Pipelines liaison
const DONALD = 'U0DONA001'; // AWS distribution representative
const STRANGER = 'U0NOBODY1';
const MARGARET = 'U0MARG001'; // Docs lead
const NOW = '2026-05-12T10:00:00Z';

/** Every text of a published Home view, joined, and the action ids of its buttons. */
function homeOf(call: SlackCall): { text: string; buttons: string[] } {
  const view = call.args.view as { type: string; blocks: unknown[] };
  expect(view.type).toBe('home');
  const texts: string[] = [];
  const buttons: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'button' && typeof record.action_id === 'string') buttons.push(record.action_id);
    for (const [key, value] of Object.entries(record)) {
      if (key === 'text' && typeof value === 'string') texts.push(value);
      else walk(value);
    }
  };
  walk(view.blocks);
  return { text: texts.join('\n'), buttons };
}

describe('the App Home tab', () => {
  let app: TestApp;

  const openHome = async (user: string) => homeOf(await openHomeTab(app, user));

  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    app.slack.expect('views.publish');
    app.slack.expect('views.open', 1);
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    app.slack.assertExpectedCallsMade();
    await app.stop();
  });

  it('says there is no release yet', async () => {
    expect((await openHome(STRANGER)).text).toContain('There is no release yet');
  });

  it('shows a liaison the release at a glance, their role and what their working group owes', async () => {
    const actor = { kind: 'cli' as const, name: 'test' };
    createRelease(app.services, {
      version: 'v1.10.0',
      startDate: '2026-03-02',
      channel: RELEASE_CHANNEL,
      actor,
    });
    importTeam(app.services, { yaml: TEAM_YAML, source: 'team.yml', actor });
    const pipelines = app.services.store.workingGroups.findByName('Pipelines')!;
    app.services.store.blockers.insert(
      trackedIssue({
        releaseId: 1,
        wgId: pipelines.id,
        repository: 'kubeflow/pipelines',
        number: 42,
        title: 'Cache breaks on retry',
        blocksRelease: true,
        by: ALAN,
        at: NOW,
      }),
    );

    const home = await openHome(ALAN);
    expect(home.text).toContain('Kubeflow v1.10.0');
    expect(home.text).toContain('*Feature Freeze* and *Documentation* · Week 11 of 17');
    expect(home.text).toMatch(/\*Next deadline:\* rc\.1 .*Fri 22 May 2026, \*in 10 days\*/);
    expect(home.text).toContain('*Your roles:* Release Team Member (WG liaison): Pipelines');
    expect(home.text).toContain(
      '*Pipelines*: no accepted revision yet for kubeflow/pipelines (Kubeflow Pipelines), kubeflow/kfp-tekton (Kubeflow Tekton Pipelines).',
    );
    expect(home.text).toContain('*Pipelines*: 1 open blocking issue(s), *1 release-blocking*');
    expect(home.buttons).toEqual([
      'open_submit_revision',
      'blocker_open_form',
      'open_docs_add',
      'open_feature_add',
    ]);
  });

  it('names only the repository still missing, then shows it as not shipping once the release manager says so', async () => {
    const pipelines = app.services.store.workingGroups.findByName('Pipelines')!;
    app.services.store.revisions.insertSubmission(
      { releaseId: 1, wgId: pipelines.id, submittedBy: ALAN, submittedAt: NOW, note: '' },
      [
        {
          repo: 'kubeflow/pipelines',
          revision: '2.5.0',
          freeze: true,
          nextValidationAt: null,
          status: 'accepted',
          kind: 'tag',
          commitSha: 'b'.repeat(40),
          version: 'v2.5.0',
          warnings: [],
          review: null,
          lastError: null,
        },
      ],
    );
    const owing = await openHome(ALAN);
    expect(owing.text).toContain(
      '*Pipelines*: no accepted revision yet for kubeflow/kfp-tekton (Kubeflow Tekton Pipelines).',
    );

    // The decision is announced in the release channel.
    app.slack.expect('chat.postMessage', 1);
    const skip = await app.command(
      'component skip kubeflow/kfp-tekton The Tekton backend is not released',
      RM,
    );
    expect(answerText(skip)).toContain(
      '*Kubeflow Tekton Pipelines* (kubeflow/kfp-tekton) is not shipping in Kubeflow v1.10.0',
    );
    const skipped = await openHome(ALAN);
    expect(skipped.text).toContain('*Pipelines*: not shipping this cycle: Kubeflow Tekton Pipelines.');
    expect(skipped.text).not.toContain('no accepted revision yet');
    await app.slack.waitForCall('chat.postMessage');
  });

  it('shows a distribution representative their distribution testing and sign-off', async () => {
    const home = await openHome(DONALD);
    expect(home.text).toContain('*Your roles:* Distribution Representative: AWS');
    expect(home.text).toContain(
      '*AWS*: test the latest RC during Distribution testing, Mon 1 Jun 2026 to Sun 21 Jun 2026',
    );
    expect(home.text).toContain('No RC to sign off yet.');
    expect(home.buttons).toEqual(['blocker_open_form']);
  });

  it('shows the release manager the decisions and release-blocking issues waiting for them', async () => {
    const notebooks = app.services.store.workingGroups.findByName('Notebooks')!;
    app.services.store.revisions.insertSubmission(
      { releaseId: 1, wgId: notebooks.id, submittedBy: 'U0GRACE01', submittedAt: NOW, note: '' },
      [
        {
          repo: 'kubeflow/kubeflow',
          revision: 'v1.11.0',
          freeze: true,
          nextValidationAt: null,
          status: 'needs_exception',
          kind: 'tag',
          commitSha: 'a'.repeat(40),
          version: 'v1.11.0',
          warnings: [],
          review: {
            reasons: ['minor bump'],
            commits: [],
            pullRequests: [],
            releaseUrl: null,
            previous: null,
          },
          lastError: null,
        },
      ],
    );
    const home = await openHome(RM);
    expect(home.text).toContain('*Your roles:* Release Manager');
    expect(home.text).toContain('*1 revision(s)* held for your decision');
    expect(home.text).toContain('*1 release-blocking issue(s)* open');
    expect(home.buttons).toContain('open_submit_revision');
  });

  it("counts a liaison's repositories whose latest revision still waits, not one a later acceptance settled", async () => {
    const pipelines = app.services.store.workingGroups.findByName('Pipelines')!;
    const submit = (rows: Parameters<typeof app.services.store.revisions.insertSubmission>[1]) =>
      app.services.store.revisions.insertSubmission(
        { releaseId: 1, wgId: pipelines.id, submittedBy: ALAN, submittedAt: NOW, note: '' },
        rows,
      );
    const checked = {
      kind: 'tag' as const,
      commitSha: 'b'.repeat(40),
      warnings: [],
      review: { reasons: [], commits: [], pullRequests: [], releaseUrl: null, previous: null },
      lastError: null,
    };
    const before = await openHome(ALAN);
    expect(before.text).not.toContain('waiting for validation or a decision');
    // kfp-tekton: held, then a later revision accepted; pipelines: still being validated.
    submit([
      {
        repo: 'kubeflow/kfp-tekton',
        revision: 'v1.9.3',
        freeze: true,
        nextValidationAt: null,
        status: 'needs_exception',
        version: 'v1.9.3',
        ...checked,
      },
    ]);
    submit([
      {
        repo: 'kubeflow/kfp-tekton',
        revision: 'v1.9.2',
        freeze: true,
        nextValidationAt: null,
        status: 'accepted',
        version: 'v1.9.2',
        ...checked,
      },
      {
        repo: 'kubeflow/pipelines',
        revision: '2.5.0',
        freeze: true,
        nextValidationAt: NOW,
        status: 'pending_validation',
      },
    ]);
    const home = await openHome(ALAN);
    expect(home.text).toContain('1 revision(s) waiting for validation or a decision');
  });

  it("reads each thing once while building a liaison's and the release manager's Home tab", () => {
    // Every statement run on the app's database, by its SQL; a read method missing from the store's
    // memo lists would make the answer forget what it read and read it again.
    const { db } = app.services.store;
    const prototype = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, unknown>;
    const methods = ['get', 'all', 'run', 'iterate'] as const;
    const originals = methods.map((m) => prototype[m] as (...args: unknown[]) => unknown);
    const ran: string[] = [];
    methods.forEach((m, i) => {
      prototype[m] = function (this: { database: unknown; source: string }, ...args: unknown[]) {
        if (this.database === db) ran.push(this.source);
        return originals[i]?.apply(this, args);
      };
    });
    const repeated = (user: string) => {
      ran.length = 0;
      // The release the earlier tests made, with the user's duties: a tab with something to read.
      expect(getAppHome(app.services, user).releases.map((r) => r.status.version)).toEqual(['v1.10.0']);
      return ran.filter((sql, i) => ran.indexOf(sql) !== i);
    };
    try {
      expect(repeated(ALAN)).toEqual([]);
      expect(repeated(RM)).toEqual([]);
    } finally {
      methods.forEach((m, i) => (prototype[m] = originals[i]));
    }
  });

  it('tells someone outside the team they owe nothing', async () => {
    const home = await openHome(STRANGER);
    expect(home.text).toContain('*Your roles:* _none in this release_');
    expect(home.text).toContain('Nothing right now.');
    expect(home.buttons).toEqual([]);
  });

  it('lists the first ten open docs items for the Docs Lead and counts the rest; a writer sees theirs', async () => {
    const pipelines = app.services.store.workingGroups.findByName('Pipelines')!;
    for (let i = 1; i <= 15; i += 1) {
      app.services.store.docsItems.insert({
        releaseId: 1,
        wgId: pipelines.id,
        feature: `Doc ${i}`,
        pages: '',
        owner: i <= 3 ? ALAN : null,
        status: i === 15 ? 'done' : 'needed',
        by: MARGARET,
        at: NOW,
      });
    }
    const lead = await openHome(MARGARET);
    expect(lead.text).toContain(':books: *Open docs work of the release* (14):');
    expect(lead.text).toContain('    :red_circle: *#1* Doc 1 (Needed) · <@U0ALAN001>');
    expect(lead.text).toContain('    :red_circle: *#10* Doc 10 (Needed) · _no owner_');
    expect(lead.text).not.toContain('*#11*');
    expect(lead.text).toContain('    _and 4 more: `/kfrelease docs`_');
    const writer = await openHome(ALAN);
    expect(writer.text).toContain(':books: *Docs you write* (3):');
    expect(writer.text).toContain('    :red_circle: *#3* Doc 3 (Needed) · <@U0ALAN001>');
    expect(writer.text).not.toContain('*#4*');
  });

  it("opens the docs form from the liaison's Home tab", async () => {
    await app.interact(
      blockAction({ user: ALAN, actionId: 'open_docs_add', value: 'docs', channel: `D${ALAN}` }),
    );
    const call = await app.slack.waitForCall('views.open');
    expect((call.args.view as { callback_id: string }).callback_id).toBe('docs_add');
  });
});

import { readFileSync } from 'node:fs';
import { rendered } from '../helpers/rendered-posts';
import { join } from 'node:path';
import { createRelease } from '../../src/workflows/create-release';
import { docsReminders } from '../../src/workflows/docs-tracking';
import { importTeam } from '../../src/workflows/import-team';
import { viewSubmission, type ViewStateValue } from '../helpers/slack-request';
import { answerText, RELEASE_CHANNEL, startTestApp, type TestApp } from '../helpers/start-app';

const TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');
const RM = 'U0ADA0001';
const MARGARET = 'U0MARG001'; // Docs Lead
const ALAN = 'U0ALAN001'; // Pipelines liaison
const FRANCES = 'U0FRAN001'; // Pipelines WG docs lead
const DONALD = 'U0DONA001'; // AWS distribution representative

type Values = Record<string, Record<string, ViewStateValue>>;
const select = (value: string): ViewStateValue => ({ type: 'static_select', selected_option: { value } });

function formValues(over: {
  wg?: string;
  feature?: string;
  pages?: string;
  owner?: string | null;
  status?: string;
}): Values {
  return {
    wg: { wg: over.wg ? select(over.wg) : { type: 'static_select', selected_option: null } },
    feature: { feature: over.feature ?? '' },
    pages: { pages: over.pages ?? '' },
    owner: { owner: { type: 'users_select', selected_user: over.owner ?? null } },
    status: { status: select(over.status ?? 'needed') },
  };
}

describe('documentation tracking', () => {
  let app: TestApp;

  const submit = (user: string, values: Values) =>
    app.interact(
      viewSubmission({
        user,
        callbackId: 'docs_add',
        privateMetadata: JSON.stringify({ release: 'v1.10.0' }),
        values,
      }),
    );

  beforeAll(async () => {
    // Tuesday of week 11: Feature Freeze, and the Documentation phase (weeks 11 to 16).
    app = await startTestApp({ now: '2026-05-12T10:00:00Z' });
    app.slack.expect('views.open');
    const actor = { kind: 'cli' as const, name: 'test' };
    createRelease(app.services, {
      version: 'v1.10.0',
      startDate: '2026-03-02',
      channel: RELEASE_CHANNEL,
      actor,
    });
    importTeam(app.services, { yaml: TEAM_YAML, source: 'team.yml', actor });
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it("opens the form with the liaison's own working group chosen", async () => {
    const response = await app.command('docs add', ALAN);
    expect(response.status).toBe(200);
    const call = await app.slack.waitForCall('views.open');
    const view = call.args.view as {
      callback_id: string;
      blocks: { block_id?: string; element?: { options?: unknown[]; initial_option?: unknown } }[];
    };
    expect(view.callback_id).toBe('docs_add');
    const wg = view.blocks.find((b) => b.block_id === 'wg')?.element;
    expect(wg?.options).toHaveLength(1);
    expect(wg?.initial_option).toMatchObject({ value: 'Pipelines' });
  });

  it('refuses the form to someone with no documentation role, saying who may', async () => {
    const text = answerText(await app.command('docs add', DONALD));
    expect(text).toContain('Only the Docs Lead, the release manager');
    expect(app.slack.callsTo('views.open')).toHaveLength(1);
  });

  it('answers every wrong field next to it and saves nothing', async () => {
    const response = await submit(ALAN, formValues({ wg: 'Notebooks', feature: '  ' }));
    const errors = response.json<{ response_action: string; errors: Record<string, string> }>();
    expect(errors?.response_action).toBe('errors');
    expect(errors?.errors.feature).toContain('Name the feature');
    expect(app.services.store.docsItems.forRelease(1)).toHaveLength(0);
    const wrongGroup = await submit(ALAN, formValues({ wg: 'Notebooks', feature: 'Culling' }));
    expect(wrongGroup.json<{ errors: Record<string, string> }>()?.errors.wg).toBe(
      "Only the Docs Lead, the release manager and Notebooks's liaison, docs lead or test lead can record documentation work for Notebooks; you can for Pipelines.",
    );
  });

  it('records a feature and shows what was saved', async () => {
    const response = await submit(
      ALAN,
      formValues({
        wg: 'Pipelines',
        feature: 'KFP v2 caching',
        pages: '/docs/pipelines/caching',
        owner: FRANCES,
      }),
    );
    const answer = response.json<{
      response_action: string;
      view: { blocks: { text?: { text: string } }[] };
    }>();
    expect(answer?.response_action).toBe('update');
    expect(JSON.stringify(answer?.view)).toContain('*#1* KFP v2 caching (Needed)');
    expect(app.services.store.docsItems.byId(1)).toMatchObject({
      wg: 'Pipelines',
      feature: 'KFP v2 caching',
      pages: '/docs/pipelines/caching',
      owner: FRANCES,
      status: 'needed',
      createdBy: ALAN,
    });
  });

  it('lets the Docs Lead record for any working group', async () => {
    const response = await submit(
      MARGARET,
      formValues({ wg: 'Notebooks', feature: 'Notebook culling', status: 'in_progress' }),
    );
    expect(response.json<{ response_action: string }>()?.response_action).toBe('update');
    expect(app.services.store.docsItems.byId(2)).toMatchObject({ wg: 'Notebooks', status: 'in_progress' });
  });

  it('lists what is still open during the Documentation phase', async () => {
    const text = answerText(await app.command('docs', DONALD));
    expect(text).toContain('Documentation for Kubeflow v1.10.0');
    expect(text).toContain('*Documentation phase* until Sun 21 Jun 2026');
    expect(text).toContain('*2 open* · 0 done · 0 not needed');
    expect(text).toContain('*#1* KFP v2 caching (Needed) · <@U0FRAN001>');
    expect(text).toContain('*#2* Notebook culling (In progress)');
    expect(text).toContain('Nothing recorded yet for: AutoML, KServe, Manifests, Training.');
  });

  it("moves an item for its WG's docs lead, and refuses others", async () => {
    expect(answerText(await app.command('docs set 1 in-progress', FRANCES))).toContain(
      'Docs item #1 is now In progress.',
    );
    expect(answerText(await app.command('docs set 1 done', DONALD))).toContain(
      "Only its owner, the Docs Lead, the release manager and Pipelines's liaison",
    );
    expect(answerText(await app.command('docs set 2 not_needed', ALAN))).toContain('Only its owner');
    expect(answerText(await app.command('docs set 1 done', RM))).toContain('Docs item #1 is now Done.');
    expect(app.services.store.docsItems.byId(1)?.status).toBe('done');
    const actions = app.services.store.audit.forRelease(1).map((e) => e.action);
    expect(actions.filter((a) => a === 'docs_item.status_changed')).toHaveLength(2);
  });

  it.each([
    ['docs set x done', '"x" is not a docs item number'],
    ['docs set 1 finished', '"finished" is not a status: use needed, in_progress, done, not_needed.'],
    ['docs set 99 done', 'There is no docs item #99.'],
    ['docs set 1', 'Give the docs item number and its new status.'],
  ])('answers `%s` with what is wrong', async (command, message) => {
    expect(answerText(await app.command(command, RM))).toContain(message);
  });

  it('reminds the Docs Lead and each WG docs lead once a week during the Documentation phase', () => {
    const release = app.services.store.releases.findByVersion('v1.10.0')!;
    const posts = rendered(docsReminders(app.services, release, '2026-05-12'));
    expect(posts.map((p) => [p.key, p.channel])).toEqual([
      [`docs-reminder:${release.id}:w11:${MARGARET}:lead`, MARGARET],
      [`docs-reminder:${release.id}:w11:${FRANCES}:Pipelines`, FRANCES],
    ]);
    expect(posts[0]?.text).toContain('1 item(s) open');
    expect(JSON.stringify(posts[0]?.blocks)).toContain('Notebook culling');
    expect(posts[1]?.text).toContain(
      'Documentation reminder for Pipelines in Kubeflow v1.10.0: 0 item(s) open',
    );
    expect(docsReminders(app.services, release, '2026-05-14').map((p) => p.key)).toEqual(
      posts.map((p) => p.key),
    );
    expect(docsReminders(app.services, release, '2026-04-30')).toEqual([]);
    expect(docsReminders(app.services, release, '2026-06-22')).toEqual([]);
  });
});

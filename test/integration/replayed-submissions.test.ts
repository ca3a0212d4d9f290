import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { delivered } from '../helpers/deliver';
import {
  GRACE,
  NOTEBOOKS,
  RM,
  revisionFormSubmission,
  revisionsOf,
  seedGitHub,
  startRevisionApp,
  textOf,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { viewSubmission } from '../helpers/slack-request';
import { RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';
import type { ReleaseRow } from '../../src/db/release-repository';

/** The release channel's announcements of one revision, once the outbox delivered them. */
async function announcementsOf(app: TestApp, revisionId: number): Promise<number> {
  await delivered(app);
  return app.slack
    .messages(RELEASE_CHANNEL)
    .filter((m) => String(m.metadata?.event_payload.key ?? '').startsWith(`revision:${revisionId}:`)).length;
}

/** A docs item form as Slack sends it when submitted. */
function docsForm(feature: string): object {
  return viewSubmission({
    user: RM,
    callbackId: 'docs_add',
    privateMetadata: JSON.stringify({ release: 'v1.10.0' }),
    values: {
      wg: { wg: { type: 'static_select', selected_option: { value: 'Notebooks' } } },
      feature: { feature },
      pages: { pages: '/docs/notebooks/gpu' },
      owner: { owner: { type: 'users_select', selected_user: null } },
      status: { status: { type: 'static_select', selected_option: { value: 'needed' } } },
    },
  });
}

describe('a form submission sent again changes nothing (was: a replayed or double-clicked form was applied twice)', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;

  beforeAll(async () => {
    github = await startFakeGitHub();
    seedGitHub(github);
    ({ app, release } = await startRevisionApp(github));
    for (const method of ['chat.postMessage', 'conversations.open', 'conversations.history'])
      app.slack.expect(method);
  });
  afterAll(async () => {
    await app.stop();
    await github.close();
  });

  it('a replayed revision form is answered as the first time: one revision, one announcement (was: two of each)', async () => {
    const form = revisionFormSubmission(GRACE, NOTEBOOKS, ['v1.10.1'], 'first try');
    const first = await app.interact(form);
    expect(viewAnswer(first).response_action).toBe('update');
    await delivered(app);
    const before = databaseSnapshot(app.services.store.db);
    const again = await app.interact(form);
    expect(again.json()).toEqual(first.json());
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
    const rows = revisionsOf(app, release);
    expect(rows).toHaveLength(1);
    expect(await announcementsOf(app, rows[0]!.id)).toBe(1);
  });

  it('the same revision from a new form, by the release manager, is "already accepted" and announced once (was: saved and announced again)', async () => {
    const before = databaseSnapshot(app.services.store.db);
    const answer = await app.interact(revisionFormSubmission(RM, NOTEBOOKS, ['v1.10.1']));
    expect(textOf(viewAnswer(answer).view)).toContain(
      '`v1.10.1`: :white_check_mark: already accepted; nothing new was saved or announced',
    );
    const rows = revisionsOf(app, release);
    expect(rows).toHaveLength(1);
    expect(await announcementsOf(app, rows[0]!.id)).toBe(1);
    // Only the answer kept for a replay of this new form was written.
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('a double click (the same submission twice at once) saves one docs item, both answered alike (was: two items)', async () => {
    const form = docsForm('Notebook GPU picker');
    const [one, two] = await Promise.all([app.interact(form), app.interact(form)]);
    expect(one.status).toBe(200);
    expect(two.json()).toEqual(one.json());
    const items = app.services.store.db.prepare('SELECT feature FROM docs_items').pluck().all();
    expect(items).toEqual(['Notebook GPU picker']);
  });

  it('a refused form sent again is checked again, not answered from memory', async () => {
    const form = docsForm('');
    const first = await app.interact(form);
    expect(JSON.stringify(first.json())).toContain('errors');
    const rows = app.services.store.db.prepare('SELECT COUNT(*) FROM view_submissions').pluck().get();
    expect(await app.interact(form).then((r) => r.json())).toEqual(first.json());
    expect(app.services.store.db.prepare('SELECT COUNT(*) FROM view_submissions').pluck().get()).toBe(rows);
  });
});

import type { ReleaseRow } from '../../src/db/release-repository';
import { databaseSnapshot } from '../helpers/database-snapshot';
import {
  BEFORE_FREEZE,
  DURING_FREEZE,
  GRACE,
  K,
  NOTEBOOKS,
  postedMessage,
  revisionsOf,
  submitRevisionForm,
  textOf,
  useRevisionApp,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

describe('revision rules before and during Feature Freeze, through the modal', () => {
  let app: TestApp;
  let release: ReleaseRow;

  useRevisionApp((world) => {
    ({ app, release } = world);
  });

  it.each([
    ['before', BEFORE_FREEZE, false],
    ['during', DURING_FREEZE, true],
  ])('accepts a tag with a published release %s the freeze and announces it', async (_when, now, freeze) => {
    app.clock.set(now);
    app.slack.expect('chat.postMessage', 1);

    const response = await submitRevisionForm(app, GRACE, NOTEBOOKS, ['v1.10.0'], 'First cut');

    expect(response.status).toBe(200);
    const answer = viewAnswer(response);
    expect(answer.response_action).toBe('update');
    expect(textOf(answer.view)).toContain('*kubeflow/kubeflow* `v1.10.0`: :white_check_mark: accepted');
    const rows = revisionsOf(app, release);
    expect(rows).toEqual([
      expect.objectContaining({
        wg: 'Notebooks',
        repo: 'kubeflow/kubeflow',
        revision: 'v1.10.0',
        status: 'accepted',
        kind: 'tag',
        commitSha: K.k1,
        version: 'v1.10.0',
        freeze,
        warnings: [],
        submittedBy: GRACE,
        note: 'First cut',
      }),
    ]);
    const post = await postedMessage(app, RELEASE_CHANNEL, `revision:${rows[0]?.id}:accepted`);
    expect(textOf(post.blocks)).toContain('*Notebooks* revision accepted for Kubeflow v1.10.0');
    expect(textOf(post.blocks)).toContain('First cut');
    expect(app.services.store.audit.forRelease(release.id).map((e) => e.action)).toContain(
      'revision.submitted',
    );
  });

  it.each([
    ['a branch', 'release-1.10', 'is a branch, recorded as commit ' + K.k2.slice(0, 12)],
    ['a tag without a release', 'v1.10.0-rc.0', 'has no published GitHub release yet'],
  ])('accepts %s before the freeze with a warning in the modal', async (_case, revision, warning) => {
    app.clock.set(BEFORE_FREEZE);
    app.slack.expect('chat.postMessage', 1);

    const response = await submitRevisionForm(app, GRACE, NOTEBOOKS, [revision]);

    expect(response.status).toBe(200);
    expect(textOf(viewAnswer(response).view)).toContain(`:warning: `);
    expect(textOf(viewAnswer(response).view)).toContain(warning);
    const [row] = revisionsOf(app, release);
    expect(row).toMatchObject({ revision, status: 'accepted', freeze: false });
    expect(row?.warnings.join(' ')).toContain(warning);
    await postedMessage(app, RELEASE_CHANNEL, `revision:${row?.id}:accepted`);
  });

  it.each([
    ['a branch', 'release-1.10', 'is a branch. From Feature Freeze on, give a tag'],
    ['a tag without a release', 'v1.10.0-rc.0', 'Tag `v1.10.0-rc.0` has no published GitHub release'],
    ['a release with an empty body', 'v1.10.0-rc.1', 'has an empty description. Add the changelog'],
    ['a draft release', 'v1.10.0-rc.2', 'has no published GitHub release (a draft does not count)'],
    ['an unknown tag', 'v9.9.9', '`v9.9.9` is not a tag, branch or commit of this repository'],
    [
      'a tag that is not a version',
      'notebooks-latest',
      "Tag `notebooks-latest` is not a version: this repository's tags look like `v1.10.0` or `v1.10.0-rc.1` (`v{version}` in config/kubeflow.yml). From Feature Freeze on, tag a version of that shape. Otherwise the release manager can accept it as it is: /kfrelease revision accept kubeflow/kubeflow notebooks-latest <reason>",
    ],
  ])('refuses %s during the freeze next to the field, changing nothing', async (_case, revision, problem) => {
    const before = databaseSnapshot(app.services.store.db);

    const response = await submitRevisionForm(app, GRACE, NOTEBOOKS, [revision]);

    expect(response.status).toBe(200);
    expect(viewAnswer(response)).toEqual({
      response_action: 'errors',
      errors: { 'repo:0': expect.stringContaining(problem) },
    });
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('starts the freeze at midnight in the release time zone, not in UTC', async () => {
    // 23:30 in Berlin on Sunday 10 May: still before the freeze.
    app.clock.set('2026-05-10T21:30:00Z');
    app.slack.expect('chat.postMessage', 1);
    const sunday = await submitRevisionForm(app, GRACE, NOTEBOOKS, ['release-1.10']);
    expect(viewAnswer(sunday).response_action).toBe('update');

    // 00:30 in Berlin on Monday 11 May (still Sunday in UTC): the freeze has started.
    app.clock.set('2026-05-10T22:30:00Z');
    const monday = await submitRevisionForm(app, GRACE, NOTEBOOKS, ['release-1.10']);
    expect(viewAnswer(monday).errors?.['repo:0']).toContain('From Feature Freeze on');
    expect(revisionsOf(app, release).map((r) => r.freeze)).toEqual([false]);
  });
});

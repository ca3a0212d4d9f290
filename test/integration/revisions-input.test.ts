import type { ReleaseRow } from '../../src/db/release-repository';
import { startFakeGitHub, type FakeGitHub } from '../fakes/fake-github';
import { databaseSnapshot } from '../helpers/database-snapshot';
import {
  ALAN,
  GRACE,
  NOTEBOOKS,
  PIPELINES,
  revisionsOf,
  seedGitHub,
  startRevisionApp,
  submitRevisionForm,
  viewAnswer,
} from '../helpers/revision-fixtures';
import type { TestApp } from '../helpers/start-app';

describe('malformed revisions in the modal', () => {
  let github: FakeGitHub;
  let app: TestApp;
  let release: ReleaseRow;

  beforeAll(async () => {
    github = await startFakeGitHub();
    seedGitHub(github);
    ({ app, release } = await startRevisionApp(github));
  });
  afterAll(async () => {
    await app.stop();
    app.slack.assertNoUnexpectedCalls();
    github.assertNoUnexpectedRequests();
    await github.close();
  });
  beforeEach(() => {
    github.requests.length = 0;
  });

  it.each([
    ['an empty field', '', 'Give a revision for at least one repository.'],
    ['only spaces', '   ', 'Give a revision for at least one repository.'],
    ['300 characters', `v1.10.0-${'x'.repeat(292)}`, 'longer than 100 characters'],
    ['a space inside', 'v1.10 .0', 'A revision has no spaces'],
    ['shell metacharacters', 'v1.0; rm -rf /', 'Spaces and ";" cannot be in a git name'],
    ['a command substitution', '$(reboot)', '"$", "(" and ")" cannot be in a git name'],
    ['backticks', 'v1.10.0`id`', '"`" cannot be in a git name'],
    ['a release URL', 'https://github.com/kubeflow/kubeflow/releases/tag/v1.10.0', 'That looks like a URL'],
    ['a URL without a scheme', 'github.com/kubeflow/kubeflow/tree/v1.10.0', 'That looks like a URL'],
    ['two dots', 'v1..10', 'not a valid git tag or branch name'],
  ])('refuses %s next to the field without asking GitHub', async (_case, revision, message) => {
    const before = databaseSnapshot(app.services.store.db);

    const response = await submitRevisionForm(app, GRACE, NOTEBOOKS, [revision]);

    expect(response.status).toBe(200);
    expect(viewAnswer(response)).toEqual({
      response_action: 'errors',
      errors: { 'repo:0': expect.stringContaining(message) },
    });
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
    expect(github.requests).toEqual([]);
  });

  it('refuses a form with every field empty on the first field', async () => {
    const response = await submitRevisionForm(app, ALAN, PIPELINES, [null, '']);
    expect(viewAnswer(response)).toEqual({
      response_action: 'errors',
      errors: { 'repo:0': 'Give a revision for at least one repository.' },
    });
  });

  it('reports every malformed field at once', async () => {
    const response = await submitRevisionForm(
      app,
      ALAN,
      PIPELINES,
      ['2.5 .0', 'https://x.io/t'],
      'n'.repeat(501),
    );
    expect(viewAnswer(response)).toEqual({
      response_action: 'errors',
      errors: {
        'repo:0': expect.stringContaining('no spaces'),
        'repo:1': expect.stringContaining('looks like a URL'),
        note: expect.stringContaining('under 500 characters'),
      },
    });
    expect(github.requests).toEqual([]);
  });

  it('trims the spaces around a revision before checking it', async () => {
    app.slack.expect('chat.postMessage', 1);
    const response = await submitRevisionForm(app, GRACE, NOTEBOOKS, ['  v1.10.0\n']);
    expect(viewAnswer(response).response_action).toBe('update');
    expect(revisionsOf(app, release).map((r) => r.revision)).toEqual(['v1.10.0']);
  });
});

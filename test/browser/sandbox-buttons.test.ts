import type { Browser, Page } from 'playwright-core';
import { launchChromium, startTestSandbox } from './chromium';
import { consolePage } from './console-page';

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

jest.setTimeout(60_000);

const WAIT = { timeout: 20_000 };

/**
 * The buttons the other browser tests do not press: the App Home's form buttons, each opening
 * its form, and the feature form, refused with a reference GitHub does not know, then saved.
 */
describe('the buttons of the console in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;
  let ui: ReturnType<typeof consolePage>;
  let pageErrors: string[];

  beforeAll(async () => {
    [sandbox, browser] = await Promise.all([startTestSandbox(), launchChromium()]);
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    ui = consolePage(page, sandbox.url);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(async () => {
    await page.close();
    expect(pageErrors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.cleanUp();
  });

  const error = (label: string) => ui.field(label).locator('.bk-error');

  it('App Home: the release manager sees every form button', async () => {
    await ui.openAs('U0ADA0001', 'home');
    await page.locator('#home h3', { hasText: 'Kubeflow v1.11.0' }).waitFor(WAIT);
    expect(await page.locator('#home .bk-button').allTextContents()).toEqual([
      'Submit revisions',
      'Report blocking issues',
      'Add docs item',
      'Track a feature',
    ]);
  });

  // Four elements a row, four parameters: Jest must not take the last for a done callback.
  // The working groups offered are checked where the form starts with that choice alone.
  it.each<[string, string, string[], string[] | null]>([
    // The release manager is liaison of no working group: the form first asks which one.
    [
      'Submit revisions',
      'Revisions v1.11.0',
      [],
      ['Choose a working group', 'AutoML', 'KServe', 'Manifests', 'Notebooks', 'Pipelines', 'Training'],
    ],
    [
      'Report blocking issues',
      'Blockers v1.11.0',
      [
        'Working group',
        'Issues or pull requests, one per line',
        'Does it block the release?',
        'Note for the release team (optional)',
      ],
      null,
    ],
    [
      'Add docs item',
      'Docs v1.11.0',
      ['Working group', 'Feature', 'Pages affected (optional)', 'Who writes it (optional)', 'Status'],
      null,
    ],
    [
      'Track a feature',
      'Feature v1.11.0',
      [
        'Working group',
        'Feature',
        'GitHub issue or pull request',
        'Docs (optional)',
        'Pages to change (optional)',
        'Highlight (optional)',
      ],
      null,
    ],
  ])('App Home: %s opens its form', async (button, title, labels, options) => {
    await ui.openAs('U0ADA0001', 'home');
    await page.locator('#home .bk-button', { hasText: button }).click(WAIT);
    await ui.modal.locator('h2').waitFor(WAIT);
    const seen = {
      title: await ui.modal.locator('h2').textContent(),
      labels: await ui.modal.locator('.bk-label').allTextContents(),
      options: await ui.modal.locator('select option').allTextContents(),
    };
    // Closed before checking, so a wrong form does not stay open over the next test.
    await ui.closeModal('Cancel');
    expect({ ...seen, options: options && seen.options }).toEqual({ title, labels, options });
  });

  it('feature: a reference GitHub does not have is refused next to its field, then one it has is tracked', async () => {
    await ui.openAs('U0ADA0001');
    await ui.type('/kfrelease feature add');
    await ui.modalTitled('Feature v1.11.0');
    await ui.field('Working group').locator('select').selectOption('Pipelines');
    await ui.field('Feature').locator('input').fill('Pipelines: server-side paging of the run list');
    const ref = ui.field('GitHub issue or pull request').locator('input');
    await ref.fill('pipelines 1234');
    await ui.submit();
    await error('GitHub issue or pull request').waitFor(WAIT);
    expect(await error('GitHub issue or pull request').textContent()).toBe(
      'Not read: not an issue or pull request: write owner/repo#123 or paste its GitHub link.',
    );
    expect(await error('Feature').count()).toBe(0);

    await ref.fill('kubeflow/pipelines#99999');
    await ui.submit();
    await error('GitHub issue or pull request').filter({ hasText: 'kubeflow/pipelines#99999' }).waitFor(WAIT);
    expect(await error('GitHub issue or pull request').textContent()).toBe(
      'GitHub has no issue or pull request kubeflow/pipelines#99999 (or it is private).',
    );

    await ref.fill('kubeflow/pipelines#1234');
    await ui.submit();
    await ui.modal.locator('h2', { hasText: 'Feature tracked' }).waitFor(WAIT);
    const saved = (await ui.modal.textContent()) ?? '';
    expect(saved).toContain(
      '🔵 #1 Pipelines: server-side paging of the run list · Tracked · kubeflow/pipelines#1234 · no docs needed',
    );
    expect(saved).toContain(
      'On GitHub: Run list times out for experiments with thousands of runs (open issue)',
    );
    await ui.closeModal('Done');
  });
});

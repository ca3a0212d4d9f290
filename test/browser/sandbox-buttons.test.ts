import type { Browser, Page } from 'playwright-core';
import { launchChromium, startTestSandbox } from './chromium';
import { consolePage } from './console-page';

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

jest.setTimeout(60_000);

const WAIT = { timeout: 20_000 };

/**
 * The buttons the other browser tests do not press: the App Home's form buttons, each opening
 * its form; the feature form, refused with a reference it cannot read or GitHub does not know,
 * then saved; and the release manager's Deny… (a reason required) and Approve on a held revision.
 * The tests run in order on one sandbox: the Approve test follows the denial.
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

  /** Katherine hands over a Training revision; returns what the form answers for it. */
  async function submitTraining(revision: string): Promise<string> {
    await ui.type('/kfrelease submit Training');
    await ui.modalTitled('Revisions v1.11.0');
    await ui.field('kubeflow/training-operator').locator('input').fill(revision);
    await ui.submit();
    await ui.modalTitled('Revisions submitted');
    const answer = (await ui.modal.textContent()) ?? '';
    await ui.closeModal('Done');
    return answer;
  }
  const HELD_LINE =
    '• kubeflow/training-operator v1.9.0: ✋ held for the release manager (you and the liaisons will hear the decision)';
  /** The release manager's held message for the Training revision, while it waits. */
  const heldPost = () =>
    page
      .locator('.message:not(.ephemeral)', {
        hasText: 'Training revision for Kubeflow v1.11.0 needs an exception from the release manager',
      })
      .last();

  it('held revision: Deny… refuses an empty reason next to its field, then denies with one', async () => {
    // Into Feature Freeze (from Mon 11 May): v1.8.1 is accepted, and v1.9.0 after it, a minor
    // bump, is held for the release manager.
    await ui.openAs('U0KATH001');
    await page.locator('.clock button[data-days="7"]').click(WAIT);
    await page.locator('#clock-label', { hasText: 'Thu 14 May 2026' }).waitFor(WAIT);
    expect(await submitTraining('v1.8.1')).toContain('• kubeflow/training-operator v1.8.1: ✅ accepted');
    expect(await submitTraining('v1.9.0')).toContain(HELD_LINE);

    await ui.openAs('U0ADA0001');
    const held = heldPost();
    await held.waitFor(WAIT);
    expect(await held.textContent()).toContain(
      '• The minor version moved from v1.8.1 to v1.9.0; after the freeze only patch or RC numbers may move.',
    );
    expect(await held.locator('.bk-button').allTextContents()).toEqual(['Approve', 'Deny…']);

    await held.locator('.bk-button', { hasText: 'Deny…' }).click(WAIT);
    await ui.modalTitled('Deny revision');
    expect(await ui.modal.locator('.modal-body').textContent()).toBe(
      'Deny Training revision v1.9.0 of kubeflow/training-operator for Kubeflow v1.11.0?Why (the working group reads this)',
    );
    await ui.submit();
    await error('Why').waitFor(WAIT);
    expect(await error('Why').allTextContents()).toEqual([
      'Say why the revision is denied: the working group reads it. Write a sentence, e.g. "Minor bump after the freeze: ship v1.9.1 instead".',
    ]);
    await ui.field('Why').locator('textarea').fill('Minor bump after the freeze: ship a v1.8 patch instead');
    await ui.submit();
    await ui.modal.waitFor({ state: 'detached', timeout: 20_000 });
    // The held message loses its buttons for the decision, and the decision is announced.
    const decision =
      '⛔ Denied by @Ada Lovelace for Kubeflow v1.11.0kubeflow/training-operator v1.9.0 529b6f3060a3Reason: Minor bump after the freeze: ship a v1.8 patch instead';
    const denied = page.locator('.message:not(.ephemeral)', { hasText: 'Denied by @Ada Lovelace' });
    await denied.nth(1).waitFor(WAIT);
    expect(await denied.allTextContents()).toEqual([
      `KkfreleaseAPP(edited)${decision}`,
      `KkfreleaseAPP${decision}`,
    ]);
    expect(await heldPost().count()).toBe(0);
  });

  it('held revision: Approve grants the exception', async () => {
    await ui.openAs('U0KATH001');
    expect(await submitTraining('v1.9.0')).toContain(HELD_LINE);

    await ui.openAs('U0ADA0001');
    const held = heldPost();
    await held.waitFor(WAIT);
    await held.locator('.bk-button', { hasText: 'Approve' }).click(WAIT);
    // The held message shows the decision instead of its buttons; the acceptance is announced.
    const granted = page.locator('.message:not(.ephemeral)', {
      // A regular expression: a text would match case-insensitively, the announcement too.
      hasText: /✅ Exception granted by @Ada Lovelace/,
    });
    await granted.waitFor(WAIT);
    expect(await granted.textContent()).toBe(
      'KkfreleaseAPP(edited)✅ Exception granted by @Ada Lovelace for Kubeflow v1.11.0kubeflow/training-operator v1.9.0 529b6f3060a3',
    );
    const announced = page.locator('.message:not(.ephemeral)', {
      hasText: 'Submitted by @Katherine Johnson · exception granted by @Ada Lovelace',
    });
    await announced.waitFor(WAIT);
    expect(await announced.textContent()).toBe(
      'KkfreleaseAPP✅ Training revision accepted for Kubeflow v1.11.0kubeflow/training-operator v1.9.0 529b6f3060a3Submitted by @Katherine Johnson · exception granted by @Ada LovelaceChangelog',
    );
    expect(await heldPost().count()).toBe(0);
  });
});

import { useConsoleInChromium } from './console-in-chromium';

jest.setTimeout(60_000);

const WAIT = { timeout: 20_000 };

/**
 * The buttons the other browser tests do not press: the App Home's form buttons, each opening
 * its form; the feature form, refused with a reference it cannot read or GitHub does not know,
 * then saved; and the release manager's Deny… (a reason required) and Approve on a held revision.
 * The tests run in order on one sandbox: the Approve test follows the denial.
 */
describe('the buttons of the console in Chromium', () => {
  const ctx = useConsoleInChromium();

  it('App Home: the release manager sees every form button', async () => {
    await ctx.ui.openAs('U0ADA0001', 'home');
    await ctx.page.locator('#home h3', { hasText: 'Kubeflow v1.11.0' }).waitFor(WAIT);
    expect(await ctx.page.locator('#home .bk-button').allTextContents()).toEqual([
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
    await ctx.ui.openAs('U0ADA0001', 'home');
    await ctx.page.locator('#home .bk-button', { hasText: button }).click(WAIT);
    await ctx.ui.modal.locator('h2').waitFor(WAIT);
    const seen = {
      title: await ctx.ui.modal.locator('h2').textContent(),
      labels: await ctx.ui.modal.locator('.bk-label').allTextContents(),
      options: await ctx.ui.modal.locator('select option').allTextContents(),
    };
    // Closed before checking, so a wrong form does not stay open over the next test.
    await ctx.ui.closeModal('Cancel');
    expect({ ...seen, options: options && seen.options }).toEqual({ title, labels, options });
  });

  it('feature: a reference GitHub does not have is refused next to its field, then one it has is tracked', async () => {
    await ctx.ui.openAs('U0ADA0001');
    await ctx.ui.type('/kfrelease feature add');
    await ctx.ui.modalTitled('Feature v1.11.0');
    await ctx.ui.field('Working group').locator('select').selectOption('Pipelines');
    await ctx.ui.field('Feature').locator('input').fill('Pipelines: server-side paging of the run list');
    const ref = ctx.ui.field('GitHub issue or pull request').locator('input');
    await ref.fill('pipelines 1234');
    await ctx.ui.submit();
    await ctx.error('GitHub issue or pull request').waitFor(WAIT);
    expect(await ctx.error('GitHub issue or pull request').textContent()).toBe(
      'Not read: not an issue or pull request: write owner/repo#123 or paste its GitHub link.',
    );
    expect(await ctx.error('Feature').count()).toBe(0);

    await ref.fill('kubeflow/pipelines#99999');
    await ctx.ui.submit();
    await ctx
      .error('GitHub issue or pull request')
      .filter({ hasText: 'kubeflow/pipelines#99999' })
      .waitFor(WAIT);
    expect(await ctx.error('GitHub issue or pull request').textContent()).toBe(
      'GitHub has no issue or pull request kubeflow/pipelines#99999 (or it is private).',
    );

    await ref.fill('kubeflow/pipelines#1234');
    await ctx.ui.submit();
    await ctx.ui.modal.locator('h2', { hasText: 'Feature tracked' }).waitFor(WAIT);
    const saved = (await ctx.ui.modal.textContent()) ?? '';
    expect(saved).toContain(
      '🔵 #1 Pipelines: server-side paging of the run list · Tracked · kubeflow/pipelines#1234 · no docs needed',
    );
    expect(saved).toContain(
      'On GitHub: Run list times out for experiments with thousands of runs (open issue)',
    );
    await ctx.ui.closeModal('Done');
  });

  /** Katherine hands over a Training revision; returns what the form answers for it. */
  async function submitTraining(revision: string): Promise<string> {
    await ctx.ui.type('/kfrelease submit Training');
    await ctx.ui.modalTitled('Revisions v1.11.0');
    await ctx.ui.field('kubeflow/training-operator').locator('input').fill(revision);
    await ctx.ui.submit();
    await ctx.ui.modalTitled('Revisions submitted');
    const answer = (await ctx.ui.modal.textContent()) ?? '';
    await ctx.ui.closeModal('Done');
    return answer;
  }
  const HELD_LINE =
    '• kubeflow/training-operator v1.9.0: ✋ held for the release manager (you and the liaisons will hear the decision)';
  /** The release manager's held message for the Training revision, while it waits. */
  const heldPost = () =>
    ctx.page
      .locator('.message:not(.ephemeral)', {
        hasText: 'Training revision for Kubeflow v1.11.0 needs an exception from the release manager',
      })
      .last();

  it('held revision: Deny… refuses an empty reason next to its field, then denies with one', async () => {
    // Into Feature Freeze (from Mon 11 May): v1.8.1 is accepted, and v1.9.0 after it, a minor
    // bump, is held for the release manager.
    await ctx.ui.openAs('U0KATH001');
    await ctx.page.locator('.clock button[data-days="7"]').click(WAIT);
    await ctx.page.locator('#clock-label', { hasText: 'Thu 14 May 2026' }).waitFor(WAIT);
    expect(await submitTraining('v1.8.1')).toContain('• kubeflow/training-operator v1.8.1: ✅ accepted');
    expect(await submitTraining('v1.9.0')).toContain(HELD_LINE);

    await ctx.ui.openAs('U0ADA0001');
    const held = heldPost();
    await held.waitFor(WAIT);
    expect(await held.textContent()).toContain(
      '• The minor version moved from v1.8.1 to v1.9.0; after the freeze only patch or RC numbers may move.',
    );
    expect(await held.locator('.bk-button').allTextContents()).toEqual(['Approve', 'Deny…']);

    await held.locator('.bk-button', { hasText: 'Deny…' }).click(WAIT);
    await ctx.ui.modalTitled('Deny revision');
    expect(await ctx.ui.modal.locator('.modal-body').textContent()).toBe(
      'Deny Training revision v1.9.0 of kubeflow/training-operator for Kubeflow v1.11.0?Why (the working group reads this)',
    );
    await ctx.ui.submit();
    await ctx.error('Why').waitFor(WAIT);
    expect(await ctx.error('Why').allTextContents()).toEqual([
      'Say why the revision is denied: the working group reads it. Write a sentence, e.g. "Minor bump after the freeze: ship v1.9.1 instead".',
    ]);
    await ctx.ui
      .field('Why')
      .locator('textarea')
      .fill('Minor bump after the freeze: ship a v1.8 patch instead');
    await ctx.ui.submit();
    await ctx.ui.modal.waitFor({ state: 'detached', timeout: 20_000 });
    // The held message loses its buttons for the decision, and the decision is announced.
    const decision =
      '⛔ Denied by @Ada Lovelace for Kubeflow v1.11.0kubeflow/training-operator v1.9.0 529b6f3060a3Reason: Minor bump after the freeze: ship a v1.8 patch instead';
    const denied = ctx.page.locator('.message:not(.ephemeral)', { hasText: 'Denied by @Ada Lovelace' });
    await denied.nth(1).waitFor(WAIT);
    expect(await denied.allTextContents()).toEqual([
      `KkfreleaseAPP(edited)${decision}`,
      `KkfreleaseAPP${decision}`,
    ]);
    expect(await heldPost().count()).toBe(0);
  });

  it('held revision: Approve grants the exception', async () => {
    await ctx.ui.openAs('U0KATH001');
    expect(await submitTraining('v1.9.0')).toContain(HELD_LINE);

    await ctx.ui.openAs('U0ADA0001');
    const held = heldPost();
    await held.waitFor(WAIT);
    await held.locator('.bk-button', { hasText: 'Approve' }).click(WAIT);
    // The held message shows the decision instead of its buttons; the acceptance is announced.
    const granted = ctx.page.locator('.message:not(.ephemeral)', {
      // A regular expression: a text would match case-insensitively, the announcement too.
      hasText: /✅ Exception granted by @Ada Lovelace/,
    });
    await granted.waitFor(WAIT);
    expect(await granted.textContent()).toBe(
      'KkfreleaseAPP(edited)✅ Exception granted by @Ada Lovelace for Kubeflow v1.11.0kubeflow/training-operator v1.9.0 529b6f3060a3',
    );
    const announced = ctx.page.locator('.message:not(.ephemeral)', {
      hasText: 'Submitted by @Katherine Johnson · exception granted by @Ada Lovelace',
    });
    await announced.waitFor(WAIT);
    expect(await announced.textContent()).toBe(
      'KkfreleaseAPP✅ Training revision accepted for Kubeflow v1.11.0kubeflow/training-operator v1.9.0 529b6f3060a3Submitted by @Katherine Johnson · exception granted by @Ada LovelaceChangelog',
    );
    expect(await heldPost().count()).toBe(0);
  });
});

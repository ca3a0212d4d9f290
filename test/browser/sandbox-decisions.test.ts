import { useConsoleInChromium } from './console-in-chromium';

jest.setTimeout(90_000);

const WAIT = { timeout: 30_000 };
const ADA = 'U0ADA0001';
const ALAN = 'U0ALAN001';

/**
 * The release manager's decisions as the console shows them, through a cycle from Thu 7 May:
 * features at risk when Feature Freeze starts (Keep, and Punt with its reason), the dependency
 * declaration a working group owes from the freeze on, and the end of Feature Freeze with criteria
 * unmet (its checklist, Extend with the re-plan form, Move on with its reason). Each form is first
 * submitted wrong. The tests run in order on one sandbox.
 */
describe('the release manager’s decisions in Chromium', () => {
  const ctx = useConsoleInChromium();
  const posts = (text: string | RegExp) => ctx.page.locator('.message:not(.ephemeral)', { hasText: text });
  const answer = (text: string | RegExp) => ctx.page.locator('.message.ephemeral', { hasText: text }).last();
  const week = async (sunday: string) => {
    await ctx.page.locator('.clock button[data-days="7"]').click(WAIT);
    await ctx.page.locator('#clock-label', { hasText: sunday }).waitFor(WAIT);
  };

  /** Ada tracks a feature through the form. */
  async function track(wg: string, title: string, ref: string): Promise<void> {
    await ctx.ui.type('/kfrelease feature add');
    await ctx.ui.modalTitled('Feature v1.11.0');
    await ctx.ui.field('Working group').locator('select').selectOption(wg);
    await ctx.ui.field('Feature').locator('input').fill(title);
    await ctx.ui.field('GitHub issue or pull request').locator('input').fill(ref);
    await ctx.ui.submit();
    await ctx.ui.modalTitled('Feature tracked');
    await ctx.ui.closeModal('Done');
  }

  it('before the freeze: two features are tracked, and declaring dependencies is refused', async () => {
    await ctx.ui.openAs(ADA);
    await track('Pipelines', 'Pipelines: compile with Python 3.13', 'kubeflow/pipelines#11240');
    await track('AutoML', 'Katib: trial logs in full', 'kubeflow/katib#2450');

    await ctx.ui.openAs(ALAN);
    await ctx.ui.type('/kfrelease deps');
    const refusal = answer('Expected versions and dependency ranges');
    await refusal.waitFor(WAIT);
    expect(await refusal.locator('.bk-text').allTextContents()).toEqual([
      '⚠️ Expected versions and dependency ranges of v1.11.0 are declared from the start of Feature Freeze on 2026-05-11; it has not started yet.',
      'Until then, /kfrelease timeline shows the plan.',
    ]);
  });

  it('Feature Freeze: the at-risk features come with Keep and Punt; Keep keeps, once', async () => {
    await ctx.ui.openAs(ADA, 'dm');
    await week('Thu 14 May 2026');
    const message = posts('Feature Freeze has started for Kubeflow v1.11.0');
    await message.waitFor(WAIT);
    expect(await message.textContent()).toContain(
      '2 feature(s) have not landed and are now at risk. For each, keep it (it still lands in this release) or punt it to the next release.AutoML⚠️ #2 Katib: trial logs in full · At risk · kubeflow/katib#2450 · no docs neededKeep #2Punt #2…Pipelines⚠️ #1 Pipelines: compile with Python 3.13 · At risk · kubeflow/pipelines#11240 · no docs neededKeep #1Punt #1…',
    );
    expect(await message.locator('.bk-button').allTextContents()).toEqual([
      'Keep #2',
      'Punt #2…',
      'Keep #1',
      'Punt #1…',
    ]);
    const line =
      '⚠️ #1 Pipelines: compile with Python 3.13 · At risk (kept) · kubeflow/pipelines#11240 · no docs needed';
    await message.locator('.bk-button', { hasText: 'Keep #1' }).click();
    const kept = answer('Feature #1 stays in the release');
    await kept.waitFor(WAIT);
    expect(await kept.locator('.bk-text').textContent()).toBe(
      `Feature #1 stays in the release, at risk until it lands.${line}`,
    );
    await message.locator('.bk-button', { hasText: 'Keep #1' }).click();
    const again = answer('Feature #1 was already kept');
    await again.waitFor(WAIT);
    expect(await again.locator('.bk-text').textContent()).toBe(`Feature #1 was already kept.${line}`);
  });

  it('Punt needs a reason, then the feature moves to the next release', async () => {
    await ctx.ui.openAs(ADA, 'dm');
    const message = posts('Feature Freeze has started for Kubeflow v1.11.0');
    await message.locator('.bk-button', { hasText: 'Punt #2…' }).click(WAIT);
    await ctx.ui.modalTitled('Punt feature');
    expect(await ctx.ui.modal.locator('.modal-body .bk-section').textContent()).toBe(
      'Move Katib: trial logs in full (AutoML, kubeflow/katib#2450) from Kubeflow v1.11.0 to the next release.',
    );
    await ctx.ui.submit();
    await ctx.error('Why').waitFor(WAIT);
    expect(await ctx.error('Why').textContent()).toBe(
      'Say why it is punted, e.g. "API review not finished; retry in the next release".',
    );
    await ctx.ui.field('Why').locator('textarea').fill('The UI rework needs another review round');
    await ctx.ui.submit();
    await ctx.ui.modal.waitFor({ state: 'detached', ...WAIT });

    await ctx.ui.openAs(ADA);
    const announced = posts('punted feature #2');
    await announced.waitFor(WAIT);
    expect(await announced.textContent()).toBe(
      'KkfreleaseAPP⚖️ Kubeflow v1.11.0: @Ada Lovelace punted feature #2 "Katib: trial logs in full" (AutoML, kubeflow/katib#2450) to the next releaseThe UI rework needs another review roundEvery decision of the release: /kfrelease decisions',
    );
    await ctx.ui.type('/kfrelease features');
    const list = answer('Features of Kubeflow v1.11.0');
    await list.waitFor(WAIT);
    expect(await list.textContent()).toContain(
      '*0 landed* · 0 tracked · 1 at risk · 1 punted'.replace(/\*/g, ''),
    );
  });

  it('dependencies: a range kfrelease cannot read is refused next to its field, then a good one is saved', async () => {
    await ctx.ui.openAs(ALAN);
    await ctx.ui.type('/kfrelease deps');
    await ctx.ui.modalTitled('Declare Pipelines');
    const versionOf = (component: string) =>
      ctx.ui.field(`${component}: expected final version`).locator('input');
    const kubernetes = ctx.ui.field('Kubernetes: supported range').locator('input');
    await versionOf('Kubeflow Pipelines').fill('2.5.0');
    await kubernetes.fill('about 1.30');
    await ctx.ui.submit();
    await ctx.error('Kubernetes: supported range').waitFor(WAIT);
    expect(await ctx.ui.modal.locator('.bk-error').allTextContents()).toEqual([
      '"" is not a version: write it like v1.10.0 or 2.5.0.',
      '"about" is not a version: write numbers separated by dots, e.g. 1.29 or v1.29.3 (e.g. >=1.29 <1.32, 1.29.x or ^1.29).',
    ]);
    expect(await ctx.error('Kubeflow Tekton Pipelines: expected final version').count()).toBe(1);
    await ctx.ui.closeModal('Cancel');
    // Nothing of the refused form was kept.
    await ctx.ui.type('/kfrelease deps matrix');
    await answer('Dependency ranges of Kubeflow v1.11.0').waitFor(WAIT);
    expect(await answer('Dependency ranges of Kubeflow v1.11.0').textContent()).toContain(
      'No working group has declared yet.Not declared yet: AutoML, KServe, Manifests, Notebooks, Pipelines, Training',
    );

    await ctx.ui.type('/kfrelease deps');
    await ctx.ui.modalTitled('Declare Pipelines');
    await versionOf('Kubeflow Pipelines').fill('2.5.0');
    await versionOf('Kubeflow Tekton Pipelines').fill('v1.9.2');
    await kubernetes.fill('>=1.29 <1.33');
    await ctx.ui.field('Python: supported range').locator('input').fill('^3.9');
    await ctx.ui.submit();
    await ctx.ui.modalTitled('Declared');
    expect(await ctx.ui.modal.locator('.modal-body').textContent()).toBe(
      "Pipelines: expected versions and dependency ranges for v1.11.0, recorded.Expected final versions:• Kubeflow Pipelines: 2.5.0• Kubeflow Tekton Pipelines: v1.9.2Supported ranges:• Kubernetes: >=1.29 <1.33• Python: ^3.9Every working group's side by side: /kfrelease deps matrix.",
    );
    await ctx.ui.closeModal('Done');
    await ctx.ui.type('/kfrelease deps matrix');
    const matrix = answer('No conflicts');
    await matrix.waitFor(WAIT);
    const text = (await matrix.textContent()) ?? '';
    expect(text).toContain(
      'No conflicts: every dependency has a version all declared ranges admit.Not declared yet: AutoML, KServe, Manifests, Notebooks, Training',
    );
    expect(text).toContain('✅ Kubernetes: common >=1.29 <1.33Pipelines >=1.29 <1.33');
    expect(text).toContain('✅ Python: common >=3.9 <4.0Pipelines ^3.9');
    expect(text).toContain(
      'Expected final versions:• Pipelines · Kubeflow Pipelines: 2.5.0• Pipelines · Kubeflow Tekton Pipelines: v1.9.2',
    );
  });

  it('the end of Feature Freeze: the checklist, and Extend previews each change in the re-plan form, saving nothing on Cancel', async () => {
    await ctx.ui.openAs(ADA, 'dm');
    await week('Thu 21 May 2026');
    await week('Thu 28 May 2026');
    const ended = posts('Feature Freeze of Kubeflow v1.11.0 ended');
    await ended.waitFor(WAIT);
    expect(await ended.locator('.bk-section').first().textContent()).toBe(
      "⚠️ Feature Freeze of Kubeflow v1.11.0 ended Sun 24 May 2026 with 5 required criteria unmet:• revisions-received A git revision from every working group, on the first day of Feature Freeze• manifests-updated Manifests updated from the working groups' revisions• branch-and-tags-created Release branch and RC tags created (vX.Y-branch, rc.0, and rc.1 on the last day)• bugs-at-risk-identified Bugs at risk identified in the first week, to be fixed or punted• features-landed-or-punted Features either landed or moved to the next release",
    );
    expect(await ended.locator('.bk-button').allTextContents()).toEqual([
      'Extend Feature Freeze',
      'Move on…',
      'Open the checklist',
    ]);

    await ended.locator('.bk-button', { hasText: 'Open the checklist' }).click();
    await ctx.ui.modalTitled('Checklist');
    const checklist = (await ctx.ui.modal.locator('.modal-body').textContent()) ?? '';
    expect(checklist).toContain(
      'Feature Freeze of Kubeflow v1.11.0 (Mon 11 May 2026 – Sun 24 May 2026): 0 of 5 done',
    );
    // The punted feature is decided; the kept one has still to land.
    expect(checklist).toContain(
      '🔴 features-landed-or-punted Features either landed or moved to the next release (neither landed nor punted: #1 Pipelines: compile with Python 3.13 (Pipelines))',
    );
    // Read-only: nothing to submit.
    expect(await ctx.ui.modal.locator('button[type=submit]').count()).toBe(0);
    await ctx.ui.closeModal('Close');

    await ended.locator('.bk-button', { hasText: 'Extend Feature Freeze' }).click();
    await ctx.ui.modalTitled('Re-plan v1.11.0');
    const preview = ctx.ui.modal.locator('.bk-section', { hasText: 'What changes' });
    expect(await ctx.ui.modal.locator('.modal-body').textContent()).toContain(
      'Extending Feature Freeze, which ended Sun 24 May 2026 with criteria unmet: the phase after it starts later.',
    );
    expect(await preview.textContent()).toContain('• Feature Freeze ends: Sun 24 May 2026 → Wed 3 Jun 2026');
    // Each change of the form is sent at once, and the preview follows it.
    await ctx.ui.field('New date').locator('input[type=date]').fill('2026-06-01');
    await preview
      .filter({ hasText: '• Feature Freeze ends: Sun 24 May 2026 → Sun 31 May 2026' })
      .waitFor(WAIT);
    expect(await ctx.ui.modal.locator('.modal-body').textContent()).toContain(
      '📆 Release day moves from Mon 22 Jun 2026 to Mon 29 Jun 2026 (7 days later).',
    );
    await ctx.ui
      .field('The dates after it')
      .locator('.bk-choice', { hasText: 'Only this date' })
      .locator('input')
      .check();
    const problem = ctx.ui.modal.locator('.bk-text', { hasText: 'leaves it no days' });
    await problem.waitFor(WAIT);
    expect(await problem.textContent()).toBe(
      '⚠️ Manifests testing ends on 2026-05-31: starting it on 2026-06-01 alone leaves it no days. Pick an earlier date, or move the later dates with it.',
    );
    await ctx.ui.field('Milestone or phase').locator('select').selectOption('rc.2');
    await preview
      .filter({ hasText: '• rc.2 tagged after manifests testing: Fri 29 May 2026 → Mon 1 Jun 2026' })
      .waitFor(WAIT);
    expect(await ctx.ui.modal.locator('.modal-body').textContent()).toContain(
      '📆 Release day stays Mon 22 Jun 2026.',
    );
    // Cancelled: the plan is still plan 1.
    await ctx.ui.closeModal('Cancel');
    await ctx.ui.type('/kfrelease timeline');
    const timeline = answer('Timeline of Kubeflow v1.11.0');
    await timeline.waitFor(WAIT);
    const plan = (await timeline.textContent()) ?? '';
    expect(plan).toContain('• Feature Freeze: Mon 11 May 2026 – Sun 24 May 2026');
    expect(plan).toContain('• Fri 29 May 2026: rc.2 tagged after manifests testing');
    expect(plan).toContain('template handbook-17w · first plan');
  });

  it('Move on asks why, then the message shows the decision and the channel hears it', async () => {
    await ctx.ui.openAs(ADA, 'dm');
    const ended = posts('Feature Freeze of Kubeflow v1.11.0 ended');
    await ended.locator('.bk-button', { hasText: 'Move on…' }).click(WAIT);
    await ctx.ui.modalTitled('Move on');
    expect(await ctx.ui.modal.locator('.bk-section').textContent()).toContain(
      'Moving on from Feature Freeze of Kubeflow v1.11.0 with these criteria unmet:• revisions-received',
    );
    const why = ctx.ui.field('Why');
    await why.locator('textarea').fill('ok');
    await ctx.ui.submit();
    await ctx.error('Why').waitFor(WAIT);
    expect(await ctx.error('Why').textContent()).toBe(
      'Say why you move on: the reason goes into the decision log.',
    );
    // Still undecided: the message keeps its buttons.
    expect(await ended.locator('.bk-button').count()).toBe(3);
    await why.locator('textarea').fill('rc.1 is tagged; the rest is tracked for Manifests testing');
    await ctx.ui.submit();
    await ctx.ui.modal.waitFor({ state: 'detached', ...WAIT });
    const decided = ended.locator('.bk-section', { hasText: 'moved on' });
    await decided.waitFor(WAIT);
    expect(await decided.textContent()).toBe(
      '➡️ @Ada Lovelace moved on on Thu 28 May 2026: rc.1 is tagged; the rest is tracked for Manifests testing',
    );
    expect(await ended.locator('.bk-button').allTextContents()).toEqual(['Open the checklist']);

    await ctx.ui.openAs(ADA);
    const announced = posts('moved on from Feature Freeze');
    await announced.waitFor(WAIT);
    expect(await announced.textContent()).toBe(
      'KkfreleaseAPP⚖️ Kubeflow v1.11.0: @Ada Lovelace moved on from Feature Freeze, which ended 2026-05-24 with 5 criteria unmet: revisions-received, manifests-updated, branch-and-tags-created, bugs-at-risk-identified, features-landed-or-puntedrc.1 is tagged; the rest is tracked for Manifests testingEvery decision of the release: /kfrelease decisions',
    );
  });
});

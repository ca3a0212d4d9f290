import { useConsoleInChromium } from './console-in-chromium';

jest.setTimeout(60_000);

/**
 * Every form kfrelease opens, filled in through the console as a person would: submitted
 * incomplete or wrong first (the problem shows next to its field, nothing is saved), then right.
 * Between them they use every Block Kit element kfrelease sends: static selects (with option
 * groups), a user picker, radio buttons, a date picker, text and URL inputs, buttons.
 */
describe('every form of the console in Chromium', () => {
  const ctx = useConsoleInChromium();

  it('sign-off: radio buttons with their emoji and a URL input, refused while incomplete, then saved', async () => {
    await ctx.ui.openAs('U0DONA001');
    await ctx.ui.type('/kfrelease signoff');
    await ctx.ui.modalTitled('Sign off v1.11.0');
    const result = ctx.ui.field('Result');
    // Shortcodes from emoji-datasource's table, as Slack shows them.
    expect(await result.locator('.bk-choice').allTextContents()).toEqual([
      '👍 Thumbs up: our testing is complete',
      '⛔ Blocked by issues',
    ]);
    expect(await ctx.ui.field('Link to evidence').locator('input[type=url]').count()).toBe(1);
    await ctx.ui.submit();
    await ctx.error('Result').filter({ hasText: 'Choose thumbs up or blocked.' }).waitFor();
    expect(await ctx.error('Kubernetes version').textContent()).toBe(
      'Write the Kubernetes version you tested on, e.g. 1.29 or v1.29.3.',
    );
    expect(await ctx.error('Distribution').count()).toBe(0);

    await result.locator('.bk-choice', { hasText: 'Blocked by issues' }).locator('input').check();
    await ctx.ui.field('Blocking issues').locator('textarea').fill('kubeflow/manifests#123');
    await ctx.ui.field('Kubernetes version').locator('input').fill('1.32');
    await ctx.ui.field('Link to evidence').locator('input').fill('https://example.com/aws/rc0-run');
    await ctx.ui.submit();
    await ctx.ui.modalTitled('Signed off');
    const saved = (await ctx.ui.modal.textContent()) ?? '';
    expect(saved).toContain('⛔ blocked');
    expect(saved).toContain('Tracked as blocking issues: kubeflow/manifests#123');
    await ctx.ui.closeModal('Done');
  });

  it('blocking issues: the form’s own example is found on the stand-in GitHub, a made-up one is not', async () => {
    await ctx.ui.openAs('U0ALAN001');
    await ctx.ui.type('/kfrelease block Pipelines');
    await ctx.ui.modalTitled('Blockers v1.11.0');
    expect(await ctx.ui.field('Working group').locator('select').inputValue()).toBe('Pipelines');
    await ctx.ui.submit();
    await ctx.error('Issues or pull requests').waitFor();
    expect(await ctx.error('Issues or pull requests').textContent()).toBe(
      'Give at least one issue or pull request, one per line.',
    );

    await ctx.ui
      .field('Issues or pull requests')
      .locator('textarea')
      .fill('kubeflow/pipelines#1234\nkubeflow/pipelines#99999');
    await ctx.ui
      .field('Does it block the release?')
      .locator('.bk-choice', { hasText: 'Yes' })
      .locator('input')
      .check();
    await ctx.ui.submit();
    await ctx.ui.modal.locator('.bk-text', { hasText: 'Saved:' }).waitFor();
    const outcome = (await ctx.ui.modal.textContent()) ?? '';
    expect(outcome).toContain('kubeflow/pipelines#1234');
    expect(outcome).toContain('These lines were not saved');
    expect(await ctx.ui.field('Issues or pull requests').locator('textarea').inputValue()).toBe(
      'kubeflow/pipelines#99999',
    );
    await ctx.ui.closeModal('Close');
    await ctx.page
      .locator('.message:not(.ephemeral)', {
        hasText: '🚨 @Alan Turing reported 1 issue for Pipelines in Kubeflow v1.11.0 as blocking the release',
      })
      .waitFor();
  });

  it('triage: a button on the list opens the decision, which needs a reason to punt', async () => {
    await ctx.ui.openAs('U0ADA0001');
    await ctx.ui.type('/kfrelease blockers');
    const list = ctx.page
      .locator('.message.ephemeral', { hasText: 'Blocking issues of Kubeflow v1.11.0' })
      .last();
    await list.locator('.bk-section', { hasText: 'kubeflow/kubeflow#7610' }).locator('.bk-button').click();
    await ctx.ui.modalTitled('Triage blocking issue');
    await ctx.ui
      .field('Decision')
      .locator('.bk-choice', { hasText: /^Punt it/ })
      .locator('input')
      .check();
    await ctx.ui.submit();
    await ctx.error('Why').waitFor();
    expect(await ctx.error('Why').textContent()).toBe(
      'Say why it is punted: the working group and the next release read it.',
    );
    await ctx.ui.field('Why').locator('textarea').fill('Only past 500 notebooks; the fix lands in 1.12');
    await ctx.ui.submit();
    await ctx.ui.modal.waitFor({ state: 'detached' });
    const post = ctx.page.locator('.message:not(.ephemeral)', { hasText: 'decided by @Ada Lovelace' }).last();
    await post.waitFor();
    expect(await post.textContent()).toContain('Reason: Only past 500 notebooks; the fix lands in 1.12');
    expect(await post.textContent()).toContain('➡️ kubeflow/kubeflow#7610');
  });

  it('re-plan: a date picker and option groups; a date in the past is refused', async () => {
    await ctx.ui.openAs('U0ADA0001');
    await ctx.ui.type('/kfrelease replan rc.1 2026-05-26');
    await ctx.ui.modalTitled('Re-plan v1.11.0');
    expect(
      await ctx.ui
        .field('Milestone or phase')
        .locator('optgroup')
        .evaluateAll((groups) => groups.length),
    ).toBe(2);
    const date = ctx.ui.field('New date').locator('input[type=date]');
    expect(await date.inputValue()).toBe('2026-05-26');
    await date.fill('2026-04-01');
    await ctx.ui.submit();
    await ctx.error('New date').waitFor();
    expect(await ctx.error('New date').textContent()).toBe('2026-04-01 is in the past; today is 2026-05-07.');
    await date.fill('2026-05-26');
    await ctx.ui.field('Why').locator('textarea').fill('Pipelines needs two more days for the backend fix');
    await ctx.ui.submit();
    await ctx.ui.modalTitled('Plan saved');
    await ctx.ui.closeModal('Done');
  });

  it('docs: a user picker and a status select; a feature must be named', async () => {
    await ctx.ui.openAs('U0MARG001');
    await ctx.ui.type('/kfrelease docs add');
    await ctx.ui.modalTitled('Docs v1.11.0');
    await ctx.ui.submit();
    await ctx.error('Feature').waitFor();
    expect(await ctx.error('Feature').textContent()).toBe(
      'Name the feature, e.g. "Notebooks: culling idle kernels".',
    );
    expect(await ctx.error('Working group').textContent()).toBe('Choose a working group.');

    await ctx.ui.field('Working group').locator('select').selectOption('Pipelines');
    await ctx.ui.field('Feature').locator('input').fill('Pipelines: server-side paging of the run list');
    await ctx.ui.field('Who writes it').locator('select').selectOption({ label: 'Frances Allen' });
    await ctx.ui.field('Status').locator('select').selectOption({ label: 'In progress' });
    await ctx.ui.submit();
    await ctx.ui.modalTitled('Docs item added');
    expect(await ctx.ui.modal.textContent()).toContain('Pipelines: server-side paging of the run list');
    await ctx.ui.closeModal('Done');
  });

  it('fits a phone: at 375 px nothing is wider than the window, forms included', async () => {
    await ctx.page.setViewportSize({ width: 375, height: 740 });
    await ctx.ui.openAs('U0DONA001');
    await ctx.ui.type('/kfrelease signoff');
    await ctx.ui.modalTitled('Sign off v1.11.0');
    for (const selector of ['.bar', '.sidebar', '.pane', '#composer', '.modal', '.modal .bk-radios']) {
      const box = await ctx.page.locator(selector).first().boundingBox();
      if (!box) throw new Error(`${selector} is not shown`);
      expect({ selector, right: Math.round(box.x + box.width) <= 375 }).toEqual({ selector, right: true });
    }
    await ctx.ui.closeModal('Cancel');
  });
});

import { useConsoleInChromium } from './console-in-chromium';

jest.setTimeout(60_000);

const WAIT = { timeout: 20_000 };
const CHANNEL = '#kubeflow-release';
/** The refused post, quoted in the report. */
const EXCERPT = 'Notebooks revision accepted for Kubeflow v1.11.0: kubeflow/kubeflow v1.11.0-rc.1';

/**
 * The buttons that answer a problem rather than a form: Retry on a post Slack refused (kfrelease
 * was removed from the channel, then invited back), Cancel and Create anyway under a release
 * create with dates in the past, and the sign-off button shown while kfrelease looks for an RC.
 * The tests run in order on one sandbox.
 */
describe('the buttons that answer a problem, in Chromium', () => {
  const ctx = useConsoleInChromium();
  const membership = () => ctx.page.locator('#membership');
  const posts = (text: string | RegExp) => ctx.page.locator('.message:not(.ephemeral)', { hasText: text });

  it('outbox: a post Slack refuses is kept and reported; Retry posts it once kfrelease is back', async () => {
    await ctx.ui.openAs('U0ADA0001');
    expect(await membership().textContent()).toBe(`Remove kfrelease from ${CHANNEL}`);
    await membership().click();
    await membership()
      .filter({ hasText: `Invite kfrelease to ${CHANNEL}` })
      .waitFor(WAIT);

    await ctx.ui.openAs('U0GRACE01');
    await ctx.ui.type('/kfrelease submit');
    await ctx.ui.modalTitled('Revisions v1.11.0');
    await ctx.ui.modal.locator('[data-block-id="repo:0"] input').fill('v1.11.0-rc.1');
    await ctx.ui.submit();
    await ctx.ui.modalTitled('Revisions submitted');
    await ctx.ui.closeModal('Done');

    await ctx.ui.openAs('U0ADA0001', 'dm');
    const report = posts('kfrelease could not post a message to').last();
    await report.waitFor(WAIT);
    // The post is quoted as Slack draws a `>` quote.
    expect(await report.locator('.bk-quote').textContent()).toBe(EXCERPT);
    expect(await report.locator('.bk-section').textContent()).toBe(
      `⚠️ kfrelease could not post a message to ${CHANNEL}: kfrelease is not a member of the channel: invite it with /invite @kfrelease.${EXCERPT}`,
    );
    expect(await report.locator('.bk-button').allTextContents()).toEqual(['Retry']);
    await ctx.ui.openAs('U0ADA0001');
    expect(await posts('Notebooks revision accepted').count()).toBe(0);

    await membership().click();
    await membership()
      .filter({ hasText: `Remove kfrelease from ${CHANNEL}` })
      .waitFor(WAIT);
    await ctx.ui.openAs('U0ADA0001', 'dm');
    await report.locator('.bk-button', { hasText: 'Retry' }).click();
    const retried = posts('Retried by @Ada Lovelace');
    await retried.waitFor(WAIT);
    expect(await retried.textContent()).toMatch(
      /^KkfreleaseAPP\(edited\)🔄 kfrelease could not post a message to #kubeflow-release\.Notebooks revision accepted for Kubeflow v1\.11\.0: kubeflow\/kubeflow v1\.11\.0-rc\.1Retried by @Ada Lovelace .+; kfrelease posts it once Slack takes it\. Outbox entry .+\.$/,
    );
    expect(await retried.locator('.bk-button').count()).toBe(0);

    await ctx.ui.openAs('U0ADA0001');
    const accepted = posts('Notebooks revision accepted for Kubeflow v1.11.0');
    await accepted.waitFor(WAIT);
    expect(await accepted.textContent()).toContain('Submitted by @Grace Hopper');
  });
});

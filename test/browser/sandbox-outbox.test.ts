import { loadDemoSetup } from '../../src/sandbox/demo-workspace';
import { importTeam } from '../../src/workflows/import-team';
import { useConsoleInChromium } from './console-in-chromium';

jest.setTimeout(60_000);

const WAIT = { timeout: 20_000 };
const CHANNEL = '#kubeflow-release';
const ADA = 'U0ADA0001';
const DONALD = 'U0DONA001';
/** The refused post, quoted in the report. */
const EXCERPT = 'Notebooks revision accepted for Kubeflow v1.11.0: kubeflow/kubeflow v1.11.0-rc.1';

/**
 * The buttons that answer a problem rather than a form: Retry on a post Slack refused (kfrelease
 * was removed from the channel, then invited back), Cancel and Create anyway under a release
 * create with dates in the past, and the sign-off button shown while kfrelease looks for an RC
 * of a release that has none.
 * The tests run in order on one sandbox.
 */
describe('the buttons that answer a problem, in Chromium', () => {
  const ctx = useConsoleInChromium();
  const membership = () => ctx.page.locator('#membership');
  const answer = (text: string) => ctx.page.locator('.message.ephemeral', { hasText: text }).last();
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
  it('the channel’s Remove/Invite button fits a phone', async () => {
    await ctx.page.setViewportSize({ width: 375, height: 740 });
    await ctx.ui.openAs(ADA);
    const box = await membership().boundingBox();
    expect({ shown: box !== null, right: box ? Math.round(box.x + box.width) <= 375 : null }).toEqual({
      shown: true,
      right: true,
    });
    // Only the channel has members to change: not shown on direct messages.
    await ctx.page.locator('.nav[data-tab="dm"]').click();
    await membership().waitFor({ state: 'hidden' });
  });

  it('release create with dates in the past: Cancel creates nothing, Create anyway creates it', async () => {
    await ctx.ui.openAs(ADA);
    const create = '/kfrelease release create v1.12.0 2026-03-02 handbook-17w Europe/Berlin';
    await ctx.ui.type(create);
    const question = answer('has dates in the past');
    await question.waitFor(WAIT);
    expect(await question.textContent()).toBe(
      'KkfreleaseAPPOnly visible to you⚠️ Kubeflow v1.12.0 has dates in the past. Nothing is created yet.Its start date, 2026-03-02, is 66 days in the past (today is 2026-05-07 in Europe/Berlin).Create anywayCancelCreate anyway creates it with the same arguments: /kfrelease release create v1.12.0 2026-03-02 handbook-17w Europe/Berlin.',
    );
    expect(await question.locator('.bk-button').allTextContents()).toEqual(['Create anyway', 'Cancel']);
    await question.locator('.bk-button', { hasText: 'Cancel' }).click();
    // The question is replaced by the answer, buttons and all.
    const cancelled = answer('Nothing was created');
    await cancelled.waitFor(WAIT);
    expect(await cancelled.textContent()).toBe(
      'KkfreleaseAPPOnly visible to youNothing was created: Kubeflow v1.12.0 was not created.',
    );
    expect(await answer('has dates in the past').count()).toBe(0);
    await ctx.ui.type('/kfrelease status v1.12.0');
    const none = answer('There is no release v1.12.0');
    await none.waitFor(WAIT);
    expect(await none.textContent()).toBe(
      'KkfreleaseAPPOnly visible to you⚠️ There is no release v1.12.0.Known releases: v1.11.0.',
    );

    await ctx.ui.type(create);
    await answer('has dates in the past').locator('.bk-button', { hasText: 'Create anyway' }).click(WAIT);
    const created = answer('Created Kubeflow v1.12.0');
    await created.waitFor(WAIT);
    expect(await created.textContent()).toBe(
      "KkfreleaseAPPOnly visible to you✅ Created Kubeflow v1.12.0 (template handbook-17w, Europe/Berlin).Week 1 starts Mon 2 Mar 2026; release day Mon 22 Jun 2026. This is the first plan: later re-plans are measured against it.Next: load the team with npx kfrelease team import team.yml --release v1.12.0 on the bot's host, then check /kfrelease timeline v1.12.0.",
    );
    expect(await answer('has dates in the past').count()).toBe(0);
  });

  it('sign-off while no RC is known: the button answers with what kfrelease found once it looked', async () => {
    // What `npx kfrelease team import config/sandbox/demo-team.yml --release v1.12.0` does on the
    // bot's host: the sandbox has no terminal of its own.
    const demo = loadDemoSetup();
    importTeam(ctx.sandbox.services, {
      yaml: demo.teamYaml,
      source: demo.teamSource,
      version: 'v1.12.0',
      actor: { kind: 'cli', name: 'test' },
    });
    await ctx.ui.openAs(DONALD);
    await ctx.ui.type('/kfrelease signoff v1.12.0');
    const checking = answer('No RC tag of Kubeflow v1.12.0 is known yet');
    await checking.waitFor(WAIT);
    expect(await checking.textContent()).toBe(
      'KkfreleaseAPPOnly visible to you🔍 No RC tag of Kubeflow v1.12.0 is known yet: kfrelease is checking kubeflow/manifests for one now. Press the button in a moment to sign off on what it finds.Open the sign-off form',
    );
    await checking.locator('.bk-button', { hasText: 'Open the sign-off form' }).click();
    // The stand-in manifests repository has no v1.12.0 tag: nothing to sign off on, and no form.
    const found = answer('has been found in the manifests repository yet');
    await found.waitFor(WAIT);
    expect(await found.textContent()).toBe(
      'KkfreleaseAPPOnly visible to youNo RC tag of v1.12.0 has been found in the manifests repository yet (checked Thu 7 May, 10:00 Europe/Berlin), so there is nothing to sign off on. /kfrelease rcs shows what is due and checks GitHub again.',
    );
    expect(await ctx.ui.modal.count()).toBe(0);
  });
});

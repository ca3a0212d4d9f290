import type { Browser, Page } from 'playwright-core';
import { launchChromium, startTestSandbox } from './chromium';
import { consolePage } from './console-page';

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

jest.setTimeout(60_000);

describe('sandbox console in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    [sandbox, browser] = await Promise.all([startTestSandbox(), launchChromium()]);
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
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

  const openAs = (user: string, tab = 'channel') => consolePage(page, sandbox.url).openAs(user, tab);
  const type = (command: string) => consolePage(page, sandbox.url).type(command);

  it('is at the address the first line of output gives', async () => {
    const url = /open (http:\/\/\S+\/sandbox) /.exec(sandbox.firstLine)?.[1];
    expect(url).toBe(`${sandbox.url}/sandbox`);
    await page.goto(url ?? '');
    expect(await page.title()).toBe('kfrelease sandbox');
    await page.locator('#clock-label', { hasText: 'Thu 7 May 2026, 10:00' }).waitFor();
  });

  it('answers /kfrelease status only to the person who typed it', async () => {
    await openAs('U0GRACE01');
    await type('/kfrelease status');
    const answer = page.locator('.message.ephemeral', { hasText: 'Kubeflow v1.11.0' }).last();
    await answer.waitFor();
    const text = await answer.textContent();
    expect(text).toContain('Only visible to you');
    expect(text).toContain('Week 10 of 17');
    expect(text).toContain('@Ada Lovelace');
    await page.locator('#person').selectOption('U0ALAN001');
    await page.locator('#role', { hasText: 'Alan Turing' }).waitFor();
    expect(await page.locator('.message.ephemeral').count()).toBe(0);
  });

  it('submits a revision through the modal and shows the post it causes', async () => {
    await openAs('U0GRACE01');
    await type('/kfrelease submit');
    const modal = page.locator('.modal');
    await modal.locator('h2', { hasText: 'Revisions v1.11.0' }).waitFor();
    const field = modal.locator('[data-block-id="repo:0"] input');
    await field.fill('v9.9.9');
    await modal.locator('button[type=submit]').click();
    await modal
      .locator('[data-block-id="repo:0"] .bk-error', { hasText: 'is not a tag, branch or commit' })
      .waitFor();
    expect(await field.inputValue()).toBe('v9.9.9');

    await field.fill('v1.11.0-rc.1');
    await modal.locator('[data-block-id="note"] textarea').fill('First rc of the 1.11 notebooks');
    await modal.locator('button[type=submit]').click();
    await modal.locator('h2', { hasText: 'Revisions submitted' }).waitFor();
    expect(await modal.textContent()).toContain('accepted');
    await modal.locator('button', { hasText: 'Done' }).click();
    await modal.waitFor({ state: 'detached' });

    const post = page.locator('.message:not(.ephemeral)', {
      hasText: 'Notebooks revision accepted for Kubeflow v1.11.0',
    });
    await post.waitFor();
    const text = await post.textContent();
    expect(text).toContain('v1.11.0-rc.1');
    expect(text).toContain('Submitted by @Grace Hopper');
  });

  it('presses a button in a message: the status answer opens the revision form', async () => {
    await openAs('U0KATH001');
    await type('/kfrelease status');
    await page.locator('.message.ephemeral .bk-button', { hasText: 'Submit revisions' }).click();
    const modal = page.locator('.modal');
    // Katherine is the liaison of two working groups: she picks one first (views.update).
    await modal.locator('select').selectOption('AutoML');
    await modal.locator('.bk-label', { hasText: 'kubeflow/katib' }).waitFor();
    await modal.locator('button', { hasText: 'Cancel' }).click();
    await modal.waitFor({ state: 'detached' });
  });

  it('shows the App Home', async () => {
    await openAs('U0ADA0001');
    await page.locator('.nav[data-tab="home"]').click();
    await page.locator('#home h3', { hasText: 'Kubeflow v1.11.0' }).waitFor();
  });

  it("shows a channel mention without a label by the channel's name, as Slack does", async () => {
    await openAs('U0ADA0001');
    await type('/kfrelease meeting');
    const answer = page.locator('.message.ephemeral', { hasText: 'Release team meeting' }).last();
    await answer.waitFor();
    // kfrelease writes <#C0KFRELEASE>; Slack shows the name it knows for that channel.
    expect(await answer.locator('.mention').allTextContents()).toEqual(['#kubeflow-release']);
    expect(await answer.textContent()).not.toContain('C0KFRELEASE');
  });

  it('creates the tracking issue on the GitHub stand-in', async () => {
    await openAs('U0ADA0001');
    await type('/kfrelease tracking-issue setup kubeflow/manifests');
    const answer = page.locator('.message.ephemeral', { hasText: 'Creating the tracking issue' });
    await answer.waitFor();
    expect(await answer.locator('.bk-text').innerText()).toBe(
      '⌛ Creating the tracking issue of Kubeflow v1.11.0 in kubeflow/manifests; #kubeflow-release will hear where it is.',
    );
    // kubeflow/manifests holds issues up to #2990 on the stand-in: the tracking issue is the next.
    const created = page.locator('.message:not(.ephemeral)', { hasText: 'The tracking issue of' });
    await created.waitFor({ timeout: 20_000 });
    expect(await created.locator('.bk-section').first().innerText()).toBe(
      '📝 The tracking issue of Kubeflow v1.11.0 is on GitHub: https://github.com/kubeflow/manifests/issues/2991\n' +
        'Working groups, distribution representatives and the community follow the release there; kfrelease keeps its description up to date.',
    );
    const release = sandbox.services.store.releases.findByVersion('v1.11.0');
    expect(sandbox.services.store.trackingIssues.find(release?.id ?? 0)).toMatchObject({
      repo: 'kubeflow/manifests',
      issueNumber: 2991,
      url: 'https://github.com/kubeflow/manifests/issues/2991',
      createdBy: 'U0ADA0001',
    });
  });

  it('moves the clock forward, and what came due arrives', async () => {
    await openAs('U0ADA0001');
    await page.locator('.message').first().waitFor();
    const before = await page.locator('.message').count();
    // Day by day to Monday 11 May, when the release branch and rc.0 are due.
    for (const day of ['Fri 8 May', 'Sat 9 May', 'Sun 10 May', 'Mon 11 May']) {
      await page.locator('.clock button[data-days="1"]').click();
      await page.locator('#clock-label', { hasText: `${day} 2026, 10:00` }).waitFor();
    }
    await page.locator('.message').nth(before).waitFor();
  });
});

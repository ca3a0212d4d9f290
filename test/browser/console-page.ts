import type { Locator, Page } from 'playwright-core';

/** What a person does in the sandbox console, through the page as they would. */
export function consolePage(page: Page, url: string) {
  const modal = page.locator('.modal');
  /** Opens the console as someone and waits until it shows them. */
  async function openAs(user: string, tab = 'channel'): Promise<void> {
    // A new address that differs only in its #hash would not load the page again.
    await page.goto('about:blank');
    await page.goto(`${url}/sandbox#user=${user}&tab=${tab}`);
    // Locators, not page functions: the console's CSP rightly refuses to evaluate strings.
    await page.locator(`#person option:checked[value="${user}"]`).waitFor({ state: 'attached' });
  }
  return {
    modal,
    openAs,
    /** Opens the console's App Home tab as someone and waits until kfrelease has published it. */
    async openHome(user: string): Promise<void> {
      await openAs(user, 'home');
      await page.locator('#home h3').first().waitFor();
    },
    /** Types a command into the composer and sends it. */
    async type(command: string): Promise<void> {
      await page.fill('#command', command);
      await page.press('#command', 'Enter');
    },
    /** The newest answer only the person sees. */
    lastEphemeral(): Locator {
      return page.locator('.message.ephemeral').last();
    },
    /** The input block of the open modal with this label. */
    field(label: string): Locator {
      return modal.locator('.bk-input-block', {
        has: page.locator('.bk-label', { hasText: new RegExp(`^${label}`) }),
      });
    },
    /** Waits for the modal with this title. */
    async modalTitled(title: string): Promise<void> {
      await modal.locator('h2', { hasText: title }).waitFor();
    },
    async submit(): Promise<void> {
      await modal.locator('button[type=submit]').click();
    },
    /** Moves the sandbox clock on by a day or a week and waits until the console shows the new time. */
    async passDays(days: 1 | 7): Promise<void> {
      const label = page.locator('#clock-label');
      const before = (await label.textContent()) ?? '';
      await page.locator(`.clock button[data-days="${days}"]`).click();
      await label.filter({ hasNotText: before }).waitFor({ timeout: 60_000 });
    },
    /** Presses a button of the newest message (in the conversation shown) that has this text. */
    async press(message: string | RegExp, button: string): Promise<void> {
      await page
        .locator('.message', { hasText: message })
        .last()
        .locator('.bk-button', { hasText: button })
        .click({ timeout: 20_000 });
    },
    /** Closes the top modal with its close button and waits until none is left. */
    async closeModal(label: string): Promise<void> {
      await modal.locator('.modal-foot button.secondary', { hasText: label }).click();
      await modal.waitFor({ state: 'detached' });
    },
  };
}

import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, startTestSandbox } from './chromium';

/** What a person does in the sandbox console, through the page as they would. */
export function consolePage(page: Page, url: string) {
  const modal = page.locator('.modal');
  return {
    modal,
    /** Opens the console as someone and waits until it shows them. */
    async openAs(user: string, tab = 'channel'): Promise<void> {
      // A new address that differs only in its #hash would not load the page again.
      await page.goto('about:blank');
      await page.goto(`${url}/sandbox#user=${user}&tab=${tab}`);
      // Locators, not page functions: the console's CSP rightly refuses to evaluate strings.
      await page.locator(`#person option:checked[value="${user}"]`).waitFor({ state: 'attached' });
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
    /** Closes the top modal with its close button and waits until none is left. */
    async closeModal(label: string): Promise<void> {
      await modal.locator('.modal-foot button.secondary', { hasText: label }).click();
      await modal.waitFor({ state: 'detached' });
    },
  };
}

/** A sandbox and Chromium for a whole test file, and a fresh page (with its console) per test. */
export interface ConsoleInChromium {
  readonly sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
  readonly page: Page;
  readonly ui: ReturnType<typeof consolePage>;
  /** The error shown next to the modal field with this label. */
  error(label: string): Locator;
}

/**
 * Registers the hooks of a console test file: one sandbox and one browser for the file, a new page
 * per test that must end without a page error.
 */
export function useConsoleInChromium(): ConsoleInChromium {
  let sandbox: ConsoleInChromium['sandbox'] | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let ui: ReturnType<typeof consolePage> | undefined;
  let pageErrors: string[] = [];
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only there inside a test`);
    return value;
  };
  beforeAll(async () => {
    [sandbox, browser] = await Promise.all([startTestSandbox(), launchChromium()]);
  });
  beforeEach(async () => {
    page = await ready(browser, 'the browser').newPage({ viewport: { width: 1280, height: 900 } });
    ui = consolePage(page, ready(sandbox, 'the sandbox').url);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(async () => {
    await page?.close();
    expect(pageErrors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.cleanUp();
  });
  return {
    get sandbox() {
      return ready(sandbox, 'the sandbox');
    },
    get page() {
      return ready(page, 'the page');
    },
    get ui() {
      return ready(ui, 'the console');
    },
    error: (label) => ready(ui, 'the console').field(label).locator('.bk-error'),
  };
}

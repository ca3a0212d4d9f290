import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, startTestSandbox } from './chromium';
import { consolePage } from './console-page';

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

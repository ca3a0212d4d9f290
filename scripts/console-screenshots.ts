import path from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/project-root';
import { launchChromium, startTestSandbox } from '../test/browser/chromium';
import { consolePage } from '../test/browser/console-page';

/** Where the pictures go: the README and docs link them. */
const DOCS = path.join(PROJECT_ROOT, 'docs');

/** Each form of kfrelease: who opens it, how, and the file its picture goes to. */
const FORMS: {
  file: string;
  user: string;
  open: (ui: ReturnType<typeof consolePage>, page: Page) => Promise<void>;
}[] = [
  { file: 'form-revisions.png', user: 'U0GRACE01', open: (ui) => ui.type('/kfrelease submit') },
  { file: 'form-blockers.png', user: 'U0ALAN001', open: (ui) => ui.type('/kfrelease block Pipelines') },
  {
    file: 'form-triage.png',
    user: 'U0ADA0001',
    open: async (ui, page) => {
      await ui.type('/kfrelease blockers');
      await page.locator('.message.ephemeral .bk-button', { hasText: 'Triage…' }).first().click();
    },
  },
  { file: 'form-signoff.png', user: 'U0DONA001', open: (ui) => ui.type('/kfrelease signoff') },
  { file: 'form-replan.png', user: 'U0ADA0001', open: (ui) => ui.type('/kfrelease replan rc.1 2026-05-26') },
  { file: 'form-docs.png', user: 'U0MARG001', open: (ui) => ui.type('/kfrelease docs add') },
];

/**
 * `npm run screenshots`: starts the sandbox as `npm start` would, opens the console in Debian's
 * Chromium (CHROMIUM_PATH to use another) and writes docs/console-wide.png, docs/console-narrow.png
 * and one picture per form, so the docs show the console as it is.
 */
async function main(): Promise<void> {
  const [sandbox, browser] = await Promise.all([startTestSandbox(), launchChromium()]);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const ui = consolePage(page, sandbox.url);
    await ui.openAs('U0ADA0001');
    await page.locator('.clock button[data-days="7"]').click();
    await page.locator('#clock-note', { hasText: '+1 week:' }).waitFor();
    await ui.type('/kfrelease status');
    await page.locator('.message.ephemeral', { hasText: 'Kubeflow v1.11.0' }).waitFor();
    await page.screenshot({ path: path.join(DOCS, 'console-wide.png') });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: path.join(DOCS, 'console-narrow.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const form of FORMS) {
      await ui.openAs(form.user);
      await form.open(ui, page);
      await ui.modal.locator('h2').waitFor();
      await ui.modal.screenshot({ path: path.join(DOCS, form.file) });
      await ui.closeModal((await ui.modal.locator('.modal-foot button.secondary').textContent()) ?? '');
    }
    process.stdout.write(
      `Wrote console-wide.png, console-narrow.png and ${FORMS.map((f) => f.file).join(', ')} to ${DOCS}\n`,
    );
  } finally {
    await browser.close();
    await sandbox.cleanUp();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `npm run screenshots failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/project-root';
import { launchChromium, startTestSandbox } from '../test/browser/chromium';
import { consolePage } from '../test/browser/console-page';

/** Where the pictures go, with docs/screenshots.md that shows them all. */
const DOCS = path.join(PROJECT_ROOT, 'docs');

const ADA = 'U0ADA0001';
type Console = ReturnType<typeof consolePage>;

/** A form already filled in and submitted, to set up what a later form is about. */
async function fillAndSubmit(ui: Console, command: string, fill: () => Promise<void>, done: string) {
  await ui.type(command);
  await ui.modal.locator('h2').waitFor();
  await fill();
  await ui.submit();
  await ui.modalTitled(done);
  await ui.closeModal('Done');
}

/**
 * Each form of kfrelease, in the order the script opens them (the sandbox moves on as it goes):
 * who opens it, how, what it is, and the file its picture goes to.
 */
const FORMS: {
  file: string;
  caption: string;
  user: string;
  tab?: 'channel' | 'dm';
  open: (ui: Console, page: Page) => Promise<void>;
}[] = [
  {
    file: 'form-revisions.png',
    caption: 'A liaison hands over git revisions (`/kfrelease submit`)',
    user: 'U0GRACE01',
    open: (ui) => ui.type('/kfrelease submit'),
  },
  {
    file: 'form-blockers.png',
    caption: 'Reporting blocking issues (`/kfrelease block`)',
    user: 'U0ALAN001',
    open: (ui) => ui.type('/kfrelease block Pipelines'),
  },
  {
    file: 'form-triage.png',
    caption: 'The release manager triages a blocking issue (Triage… on `/kfrelease blockers`)',
    user: ADA,
    open: async (ui, page) => {
      await ui.type('/kfrelease blockers');
      await page.locator('.message.ephemeral .bk-button', { hasText: 'Triage…' }).first().click();
    },
  },
  {
    file: 'form-signoff.png',
    caption: 'A distribution signs off on an RC (`/kfrelease signoff`)',
    user: 'U0DONA001',
    open: (ui) => ui.type('/kfrelease signoff'),
  },
  {
    file: 'form-replan.png',
    caption: 'Re-planning a milestone, previewed before it is saved (`/kfrelease replan`)',
    user: ADA,
    open: (ui) => ui.type('/kfrelease replan rc.1 2026-05-26'),
  },
  {
    file: 'form-docs.png',
    caption: 'A docs item for the Docs Lead (`/kfrelease docs add`)',
    user: 'U0MARG001',
    open: (ui) => ui.type('/kfrelease docs add'),
  },
  {
    file: 'form-feature.png',
    caption: 'Tracking a feature (`/kfrelease feature add`)',
    user: ADA,
    open: (ui) => ui.type('/kfrelease feature add'),
  },
  {
    file: 'form-dependencies.png',
    caption: 'A working group declares versions and dependency ranges (`/kfrelease deps`)',
    user: 'U0ALAN001',
    open: (ui) => ui.type('/kfrelease deps'),
  },
  {
    file: 'form-punt-feature.png',
    caption: 'Punting a feature at risk when Feature Freeze starts (Punt… in the release manager’s message)',
    user: ADA,
    tab: 'dm',
    open: (ui) => ui.press('Feature Freeze has started', 'Punt #1…'),
  },
  {
    file: 'form-deny-revision.png',
    caption: 'Denying a revision held for the release manager (Deny… on the held revision)',
    user: 'U0KATH001',
    open: async (ui) => {
      // A minor bump after the freeze is held for the release manager.
      for (const revision of ['v1.8.1', 'v1.9.0'])
        await fillAndSubmit(
          ui,
          '/kfrelease submit Training',
          () => ui.field('kubeflow/training-operator').locator('input').fill(revision),
          'Revisions submitted',
        );
      await ui.openAs(ADA);
      await ui.press('needs an exception from the release manager', 'Deny…');
    },
  },
  {
    file: 'form-phase-checklist.png',
    caption: 'A phase’s checklist, from the message when the phase ended with criteria unmet',
    user: ADA,
    tab: 'dm',
    open: async (ui) => {
      // Feature Freeze ends on Sunday 24 May with criteria unmet.
      await ui.passDays(7);
      await ui.passDays(7);
      await ui.press('Feature Freeze of Kubeflow v1.11.0 ended', 'Open the checklist');
    },
  },
  {
    file: 'form-move-on.png',
    caption: 'Moving on from a phase that ended with criteria unmet (Move on… in the same message)',
    user: ADA,
    tab: 'dm',
    open: (ui) => ui.press('Feature Freeze of Kubeflow v1.11.0 ended', 'Move on…'),
  },
];

/** docs/screenshots.md: every picture the script writes, with what it shows. */
function gallery(): string {
  const forms = FORMS.map((f) => `### ${f.caption}\n\n![${f.caption.replace(/`/g, '')}](${f.file})\n`);
  return [
    '# The sandbox console',
    '',
    'Written by `npm run screenshots` (scripts/console-screenshots.ts) from the sandbox as `npm start` runs it; do not edit by hand.',
    '',
    '## The console, wide and on a phone',
    '',
    '![The console in a wide window: the release channel and a /kfrelease status answer](console-wide.png)',
    '',
    '![The console in a phone-sized window](console-narrow.png)',
    '',
    '## Every form',
    '',
    ...forms,
  ].join('\n');
}

/**
 * `npm run screenshots`: starts the sandbox as `npm start` would, opens the console in Debian's
 * Chromium (CHROMIUM_PATH to use another) and writes docs/console-wide.png, docs/console-narrow.png,
 * one picture per form and docs/screenshots.md showing them, so the docs show the console as it is.
 */
async function main(): Promise<void> {
  const [sandbox, browser] = await Promise.all([startTestSandbox(), launchChromium()]);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const ui = consolePage(page, sandbox.url);
    await ui.openAs(ADA);
    // Tracked before the freeze, so it is at risk when the freeze starts (form-punt-feature.png).
    await fillAndSubmit(
      ui,
      '/kfrelease feature add',
      async () => {
        await ui.field('Working group').locator('select').selectOption('Pipelines');
        await ui.field('Feature').locator('input').fill('Pipelines: compile with Python 3.13');
        await ui.field('GitHub issue or pull request').locator('input').fill('kubeflow/pipelines#11240');
      },
      'Feature tracked',
    );
    await page.locator('.clock button[data-days="7"]').click();
    await page.locator('#clock-note', { hasText: '+1 week:' }).waitFor();
    await ui.type('/kfrelease status');
    await page.locator('.message.ephemeral', { hasText: 'Kubeflow v1.11.0' }).waitFor();
    await page.screenshot({ path: path.join(DOCS, 'console-wide.png') });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: path.join(DOCS, 'console-narrow.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const form of FORMS) {
      await ui.openAs(form.user, form.tab);
      await form.open(ui, page);
      await ui.modal.locator('h2').waitFor();
      await ui.modal.screenshot({ path: path.join(DOCS, form.file) });
      await ui.closeModal((await ui.modal.locator('.modal-foot button.secondary').textContent()) ?? '');
    }
    writeFileSync(path.join(DOCS, 'screenshots.md'), gallery());
    process.stdout.write(
      `Wrote console-wide.png, console-narrow.png, ${FORMS.map((f) => f.file).join(', ')} and screenshots.md to ${DOCS}\n`,
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

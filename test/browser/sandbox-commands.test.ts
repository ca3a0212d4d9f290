import type { Browser, Locator, Page } from 'playwright-core';
import { SUBCOMMANDS } from '../../src/slack/commands/subcommands';
import { launchChromium, startTestSandbox } from './chromium';
import { consolePage } from './console-page';

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

jest.setTimeout(240_000);

/**
 * One person of each role of the demo team (and a guest), the release managers last since their
 * examples change the release. Each runs every example `/kfrelease help` shows them.
 */
const ROLES: [role: string, user: string][] = [
  ['guest, not on the team', 'U0GUEST01'],
  ['distribution representative', 'U0DONA001'],
  ['working group test lead', 'U0JOHN001'],
  ['working group docs lead', 'U0FRAN001'],
  ['product manager', 'U0RADI001'],
  ['docs lead', 'U0MARG001'],
  ['working group liaison', 'U0ALAN001'],
  ['release manager shadow and liaison', 'U0GRACE01'],
  ['release manager', 'U0ADA0001'],
];

const APOLOGY = 'Sorry, something went wrong on our side';

const RM = 'release manager';
const SHADOW = 'release manager shadow and liaison';
const LIAISON = 'working group liaison';
const DISTRIBUTION = 'distribution representative';
const ONLY_RM = (what: string) =>
  `⚠️ Only the release manager of v1.11.0 (@Ada Lovelace) or an admin can ${what}.`;
const ONLY_RMS = (what: string) =>
  `⚠️ Only the Release Manager (@Ada Lovelace, shadow @Grace Hopper) or an admin can ${what} "Release schedule sent to kubeflow-discuss, with lazy consensus from the WG leads".`;

/**
 * The examples that change something, who may run them (Ada is the release manager and an admin;
 * Grace her shadow and the Notebooks liaison), and what everyone else is told, word for word.
 */
const RIGHTS: [example: string, allowed: string[], refusal: string, others?: Record<string, string>][] = [
  [
    '/kfrelease release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin',
    [RM],
    '⚠️ Only kfrelease admins can create a release.',
  ],
  ['/kfrelease release shipped v1.11.0 2026-06-29', [RM], ONLY_RM('record that v1.11.0 shipped')],
  ['/kfrelease release close v1.11.0', [RM], ONLY_RM('close v1.11.0')],
  [
    '/kfrelease submit Notebooks',
    [RM, SHADOW],
    "⚠️ Only a working group's liaisons, the release manager or an admin can submit git revisions for v1.11.0.",
    // A liaison of another working group.
    {
      [LIAISON]:
        '⚠️ You cannot submit revisions for "Notebooks": only its liaisons, the release manager or an admin can.',
    },
  ],
  [
    '/kfrelease signoff',
    [RM, DISTRIBUTION],
    "⚠️ Only a distribution's representatives can sign off on v1.11.0: Donald Knuth (AWS), Leslie Lamport (Azure) or an admin.",
  ],
  [
    '/kfrelease meeting set tue 16:00 Europe/Berlin #kf-release 24h https://bit.ly/kf-release-notes',
    [RM],
    '⚠️ Only the release manager of v1.11.0 or an admin can set the release team meeting.',
  ],
  [
    '/kfrelease reminders set offsets=7d,2d,0d at=10:00 quiet=19:00-08:30',
    [RM],
    '⚠️ Only the release manager of v1.11.0 or an admin can set the deadline reminders.',
  ],
  [
    '/kfrelease phase advance Training needs two more days; the rest is ready',
    [RM],
    ONLY_RM('move v1.11.0 to its next phase'),
  ],
  ['/kfrelease check schedule-sent', [RM, SHADOW], ONLY_RMS('tick')],
  ['/kfrelease uncheck schedule-sent', [RM, SHADOW], ONLY_RMS('untick')],
  [
    '/kfrelease delay rc.1 2026-05-29 Pipelines needs a week for the backend fix',
    [RM],
    ONLY_RM('delay v1.11.0'),
  ],
  ['/kfrelease replan rc.1 2026-05-26', [RM], ONLY_RM('re-plan v1.11.0')],
  [
    '/kfrelease tracking-issue setup kubeflow/manifests',
    [RM],
    '⚠️ Only the release manager or a kfrelease admin can create the tracking issue of v1.11.0.',
  ],
];
const TEAM = (except: string) => ROLES.map(([role]) => role).filter((role) => role !== except);
RIGHTS.push(
  [
    '/kfrelease action add Ask Training WG for the rc.1 tag @alan',
    TEAM('guest, not on the team'),
    '⚠️ Only members of its release team or an admin can manage the action items of v1.11.0.',
  ],
  [
    '/kfrelease away 2026-05-18 2026-05-22',
    TEAM('guest, not on the team'),
    '⚠️ kfrelease does not know you yet.',
  ],
);

describe('every command of /kfrelease help, as each role of the demo team', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;
  let ui: ReturnType<typeof consolePage>;
  const pageErrors: string[] = [];
  /** role -> example -> the first line of what they saw (an answer, or a form's title). */
  const seen: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    [sandbox, browser] = await Promise.all([startTestSandbox(), launchChromium()]);
  });
  // A page of their own for each person, as each would have; the checks of the rights need none.
  async function withOwnPage(work: () => Promise<void>): Promise<void> {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    ui = consolePage(page, sandbox.url);
    try {
      await work();
    } finally {
      await page.close();
    }
  }
  afterAll(async () => {
    await browser?.close();
    await sandbox?.cleanUp();
  });

  /** Types a command and waits for what it brings: a new answer only they see, or a form. */
  async function run(command: string): Promise<string> {
    const answers = page.locator('.message.ephemeral');
    const before = await answers.count();
    await ui.type(command);
    const answer: Locator = answers.nth(before);
    await answer
      .or(ui.modal)
      .first()
      .waitFor({ timeout: 20_000 })
      .catch((error: Error) => {
        throw new Error(`No answer and no form within 20 s after ${command}: ${error.message}`);
      });
    if (await ui.modal.isVisible()) {
      const title = (await ui.modal.locator('h2').textContent()) ?? '';
      await ui.closeModal((await ui.modal.locator('.modal-foot button.secondary').textContent()) ?? '');
      return `form: ${title}`;
    }
    const text = (await answer.locator('.message-body > :not(.message-head)').first().textContent()) ?? '';
    return text.split('\n')[0] ?? '';
  }

  it.each(ROLES)('%s: help lists every command with an example, and each example answers', (role, user) =>
    withOwnPage(async () => {
      await ui.openAs(user);
      await ui.type('/kfrelease help');
      const help = page
        .locator('.message.ephemeral', { hasText: 'kfrelease: the Kubeflow release, from Slack' })
        .last();
      await help.waitFor();
      const text = (await help.locator('.bk-section').allInnerTexts()).join('\n');
      const examples = [...text.matchAll(/Example: (\/kfrelease .*)$/gm)].map((m) => m[1]?.trim() ?? '');
      expect(examples).toEqual(SUBCOMMANDS.map((s) => s.example));
      const answers: Record<string, string> = {};
      for (const example of examples) answers[example] = await run(example);
      seen[role] = answers;
      const failed = Object.entries(answers).filter(
        ([, answer]) => answer.includes(APOLOGY) || answer === '',
      );
      expect(failed).toEqual([]);
      expect(pageErrors).toEqual([]);
    }),
  );

  it.each(RIGHTS)(
    '%s: refused, by its rule, to all but those it names',
    // `others` has a default so the function takes three parameters, as many as the shortest row:
    // a fourth without one would make Jest wait for a `done` callback that never comes.
    (example, allowed, refusal, others: Record<string, string> = {}) => {
      for (const [role] of ROLES) {
        const answer = seen[role]?.[example];
        const other = others[role];
        if (other !== undefined) expect({ role, answer }).toEqual({ role, answer: other });
        else if (allowed.includes(role))
          expect({ role, refused: answer?.startsWith('⚠️ Only') }).toEqual({ role, refused: false });
        else expect({ role, answer }).toEqual({ role, answer: refusal });
      }
    },
  );
});

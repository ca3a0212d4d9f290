import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import type { ConsoleSnapshot } from '../../src/sandbox/console-snapshot';
import { launchChromium, startTestSandbox } from './chromium';

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

jest.setTimeout(240_000);

const ZONE = 'Europe/Berlin';
/** Sunday 1 March 2026, 10:00 in Berlin: the day before week 1 of the demo release. */
const START = DateTime.fromISO('2026-03-01T10:00', { zone: ZONE });
const RELEASE = 'Kubeflow v1.11.0';

const PEOPLE: Record<string, string> = {
  U0ADA0001: 'Ada',
  U0GRACE01: 'Grace',
  U0ALAN001: 'Alan',
  U0KATH001: 'Katherine',
  U0EDSG001: 'Edsger',
  U0BARB001: 'Barbara',
  U0MARG001: 'Margaret',
  U0RADI001: 'Radia',
  U0FRAN001: 'Frances',
  U0JOHN001: 'John',
  U0DONA001: 'Donald',
  U0LESL001: 'Leslie',
  U0GUEST01: 'Sam',
};

/** The weekly meeting is on Tuesday of each week, 16:00 in Berlin. */
const meeting = (week: number) =>
  `${START.plus({ days: 2 + 7 * (week - 1) }).toFormat('ccc d LLL yyyy')}, 16:00 ${ZONE}`;
const agenda = (week: number) => `Agenda for the ${RELEASE} release team meeting, ${meeting(week)}`;
/** Note-takers take turns among the working groups' liaisons, from week 1. */
const ROTATION = ['Katherine', 'Alan', 'Barbara', 'Edsger', 'Grace'];
const noteTaker = (week: number) =>
  `${ROTATION[(week - 1) % ROTATION.length]}: You take the notes at the ${RELEASE} release team meeting, ${meeting(week)}.`;
const due = (when: string, day: string, what: string) => `Due ${when} (${day}) for ${RELEASE}: ${what}`;
const overdue = (what: string, day: string) => `Ada: Overdue for ${RELEASE}: ${what} was due ${day}`;
const docs = (days: number) => [
  `Margaret: Documentation reminder for ${RELEASE}: 0 item(s) open. The Documentation phase ends Sun 21 Jun 2026, in ${days} days.`,
  `Frances: Documentation reminder for Pipelines in ${RELEASE}: 0 item(s) open. The Documentation phase ends Sun 21 Jun 2026, in ${days} days.`,
];
const BRANCH = 'Release branch created (v1.11-branch)';
const REVISIONS = 'Git revisions from every working group';
const RC1 = 'rc.1 tagged on the last day of feature freeze (v1.11.0-rc.1)';
const RC2 = 'rc.2 tagged after manifests testing (v1.11.0-rc.2)';
const FINAL = 'Final release published (v1.11.0)';

/**
 * What each week brings besides its agenda and note-taker notice, as a bot running all along
 * would post it: reminders a week, a day and on the day before each milestone, the overdue
 * notices and phase ends to the release manager, the docs reminders from the Monday six weeks
 * before the Documentation phase ends, and the announcement draft on release day. Channel posts
 * first, then direct messages as "name: first line".
 */
const EXTRAS: Record<number, { channel?: string[]; dms?: string[] }> = {
  1: { dms: [`Ada: Preparation of ${RELEASE} ended with 5 required criteria unmet`] },
  10: {
    channel: [
      due('in a week', 'Mon 11 May', BRANCH),
      due('in a week', 'Mon 11 May', REVISIONS),
      agenda(10),
      due('tomorrow', 'Mon 11 May', BRANCH),
      due('tomorrow', 'Mon 11 May', REVISIONS),
    ],
  },
  11: {
    channel: [
      due('today', 'Mon 11 May', BRANCH),
      due('today', 'Mon 11 May', REVISIONS),
      agenda(11),
      due('in a week', 'Fri 22 May', RC1),
    ],
    dms: [overdue(BRANCH, 'Mon 11 May'), overdue(REVISIONS, 'Mon 11 May'), ...docs(41)],
  },
  12: {
    channel: [
      agenda(12),
      due('tomorrow', 'Fri 22 May', RC1),
      due('today', 'Fri 22 May', RC1),
      due('in a week', 'Fri 29 May', RC2),
    ],
    dms: [overdue(RC1, 'Fri 22 May'), ...docs(34)],
  },
  13: {
    channel: [agenda(13), due('tomorrow', 'Fri 29 May', RC2), due('today', 'Fri 29 May', RC2)],
    dms: [
      `Ada: Feature Freeze of ${RELEASE} ended with 5 required criteria unmet`,
      overdue(RC2, 'Fri 29 May'),
      ...docs(27),
    ],
  },
  14: { dms: [`Ada: Manifests testing of ${RELEASE} ended with 3 required criteria unmet`, ...docs(20)] },
  15: { dms: docs(13) },
  16: {
    channel: [due('in a week', 'Mon 22 Jun', FINAL), agenda(16), due('tomorrow', 'Mon 22 Jun', FINAL)],
    dms: docs(6),
  },
  17: {
    channel: [due('today', 'Mon 22 Jun', FINAL), agenda(17)],
    dms: [
      `Ada: Distribution testing of ${RELEASE} ended with 4 required criteria unmet`,
      `Ada: Documentation of ${RELEASE} ended with 2 required criteria unmet`,
      overdue(FINAL, 'Mon 22 Jun'),
      `Radia: It is release day for ${RELEASE}: here is a draft of the announcement.`,
    ],
  },
};

/** Direct messages in the order of PEOPLE, then by time: sorted the same way as `news` lists them. */
function byPerson(lines: string[]): string[] {
  const order = Object.values(PEOPLE);
  return [...lines].sort(
    (a, b) => order.indexOf(a.split(':')[0] ?? '') - order.indexOf(b.split(':')[0] ?? ''),
  );
}

function expectedWeek(week: number): { channel: string[]; dms: string[] } {
  const extras = EXTRAS[week] ?? {};
  return {
    channel: extras.channel ?? [agenda(week)],
    dms: byPerson([noteTaker(week), ...(extras.dms ?? [])]),
  };
}

describe('a whole release cycle in the console, one "+1 week" at a time', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;
  const seen: Record<string, number> = {};

  beforeAll(async () => {
    [sandbox, browser] = await Promise.all([
      startTestSandbox({ KFRELEASE_NOW: START.toUTC().toISO() ?? '' }),
      launchChromium(),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.cleanUp();
  });

  async function state(user: string): Promise<ConsoleSnapshot> {
    return (await (await fetch(`${sandbox.url}/sandbox/api/state?user=${user}`)).json()) as ConsoleSnapshot;
  }

  /** What arrived since the last look: channel posts, and everyone's direct messages as "name: line". */
  async function news(): Promise<{ channel: string[]; dms: string[] }> {
    const firstLine = (m: { text: string }) => m.text.split('\n')[0] ?? '';
    const channel = (await state('U0ADA0001')).channel.messages.filter((m) => !m.ephemeral);
    const result = { channel: channel.slice(seen.channel ?? 0).map(firstLine), dms: [] as string[] };
    seen.channel = channel.length;
    for (const [id, name] of Object.entries(PEOPLE)) {
      const dms = (await state(id)).dm.messages;
      result.dms.push(...dms.slice(seen[id] ?? 0).map((m) => `${name}: ${firstLine(m)}`));
      seen[id] = dms.length;
    }
    return result;
  }

  it('brings each week its agenda, note-taker notice and reminders, and misses nothing', async () => {
    await page.goto(`${sandbox.url}/sandbox#user=U0ADA0001&tab=channel`);
    await page.locator('#clock-label', { hasText: 'Sun 1 Mar 2026, 10:00' }).waitFor();
    await news();
    for (let week = 1; week <= 17; week++) {
      await page.locator('.clock button[data-days="7"]').click();
      // Sunday 10:00 each time, across the change to summer time on 29 March.
      const sunday = START.plus({ weeks: week }).toFormat('ccc d LLL yyyy');
      await page.locator('#clock-label', { hasText: `${sunday}, 10:00 (${ZONE})` }).waitFor();
      const expected = expectedWeek(week);
      const posts = expected.channel.length + expected.dms.length;
      await page.locator('#clock-note', { hasText: `+1 week: ${posts} posts` }).waitFor();
      expect({ week, ...(await news()) }).toEqual({ week, ...expected });
      // The page shows the week's agenda in the channel.
      await page.locator('.message', { hasText: agenda(week) }).waitFor();
    }
  });
});

import { databaseSnapshot } from '../helpers/database-snapshot';
import { startAppWithTeam } from '../helpers/release-with-team';
import { answerText, type TestApp } from '../helpers/start-app';
import { trackedIssue } from '../helpers/tracked-issue';

const RM = 'U0ADA0001';
const ALAN = 'U0ALAN001'; // Pipelines liaison
const MARGARET = 'U0MARG001'; // Docs lead

/** The words of every item line an answer shows, e.g. ["#12", "#13"]. */
const itemIds = (text: string) => [...text.matchAll(/\*#(\d+)\*/g)].map((m) => Number(m[1]));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * v1.10.0 in Feature Freeze with more than a page of each long list: 45 decisions of the release
 * manager among 45 other audit entries, 45 open blocking issues of Pipelines, 35 open docs items
 * and 25 open action items.
 */
describe('long lists in Slack: the first page, the counts, and how to see the rest', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startAppWithTeam('2026-05-12T10:00:00Z');
    const { store } = app.services;
    const release = store.releases.findByVersion('v1.10.0')!;
    const pipelines = store.workingGroups.findByName('Pipelines')!;
    for (let i = 1; i <= 45; i += 1) {
      const at = `2026-05-${String(1 + (i % 11)).padStart(2, '0')}T0${i % 10}:00:00Z`;
      // Everything else the audit log records sits between the decisions.
      store.audit.record({
        at,
        actor: ALAN,
        releaseId: release.id,
        action: 'blocker.reported',
        details: { i },
      });
      store.audit.record({
        at,
        actor: RM,
        releaseId: release.id,
        action: 'revision.approved',
        details: { wg: 'Pipelines', repo: 'kubeflow/pipelines', revision: `2.5.${i}` },
      });
      store.blockers.insert(
        trackedIssue({
          releaseId: release.id,
          wgId: pipelines.id,
          repository: 'kubeflow/pipelines',
          number: 1000 + i,
          title: `Issue ${i}`,
          by: ALAN,
          // Oldest first: issue i was reported on day i of April.
          at: `2026-04-${String(Math.ceil(i / 2)).padStart(2, '0')}T${i % 2 ? '08' : '09'}:00:00Z`,
          updatedAt: '2026-05-01T00:00:00Z',
        }),
      );
    }
    for (let i = 1; i <= 35; i += 1) {
      store.docsItems.insert({
        releaseId: release.id,
        wgId: pipelines.id,
        feature: `Feature ${i}`,
        pages: '',
        owner: null,
        status: 'needed',
        by: MARGARET,
        at: '2026-05-01T00:00:00Z',
      });
    }
    for (let i = 1; i <= 25; i += 1) {
      store.actionItems.add({
        releaseId: release.id,
        text: `Follow-up ${i}`,
        owner: null,
        createdBy: RM,
        createdAt: '2026-05-01T00:00:00Z',
      });
    }
  });
  afterAll(() => app.stop());

  it('shows the first 40 decisions, the count, and the command for the next page; page 2 the rest', async () => {
    const response = await app.command('decisions', RM);
    const first = answerText(response);
    expect(response.json<{ text: string }>()?.text).toBe('Decisions of Kubeflow v1.10.0: 45');
    expect(first).toContain('Approved a held revision: Pipelines kubeflow/pipelines 2.5.40');
    expect(first).not.toContain('2.5.41');
    expect((first.match(/Approved a held revision/g) ?? []).length).toBe(40);
    expect(first).toContain(
      'Page 1 of 2, decisions 1 to 40 of 45 · next: `/kfrelease decisions v1.10.0 page 2`',
    );

    const second = answerText(await app.command('decisions page 2', RM));
    expect((second.match(/Approved a held revision/g) ?? []).length).toBe(5);
    expect(second).toContain('Approved a held revision: Pipelines kubeflow/pipelines 2.5.41');
    expect(second).toContain('Approved a held revision: Pipelines kubeflow/pipelines 2.5.45');
    expect(second).toContain(
      'Page 2 of 2, decisions 41 to 45 of 45 · previous: `/kfrelease decisions v1.10.0 page 1`',
    );
    expect(answerText(await app.command('decisions v1.10.0 page 2', RM))).toBe(second);
  });

  it("pages one working group's open blocking issues, 40 at a time, in triage order", async () => {
    const first = answerText(await app.command('blockers Pipelines', RM));
    expect(first).toContain('*Pipelines* · 45 open · 0 release-blocking');
    expect(first.match(/kubeflow\/pipelines#\d+/g)).toEqual(
      range(1001, 1040).map((n) => `kubeflow/pipelines#${n}`),
    );
    expect(first).toContain(
      'Page 1 of 2, open issues 1 to 40 of 45 · next: `/kfrelease blockers v1.10.0 Pipelines page 2`',
    );
    const second = answerText(await app.command('blockers Pipelines page 2', RM));
    expect(second).toContain('*Pipelines* · 45 open · 0 release-blocking');
    expect(second.match(/kubeflow\/pipelines#\d+/g)).toEqual(
      range(1041, 1045).map((n) => `kubeflow/pipelines#${n}`),
    );
    expect(second).toContain(
      'Page 2 of 2, open issues 41 to 45 of 45 · previous: `/kfrelease blockers v1.10.0 Pipelines page 1`',
    );
  });

  it('pages the open docs items, 30 at a time, with the counts of the whole release', async () => {
    const first = answerText(await app.command('docs', MARGARET));
    expect(first).toContain('*35 open* · 0 done · 0 not needed');
    expect(itemIds(first)).toEqual(range(1, 30));
    expect(first).toContain('*Pipelines*\n:red_circle: *#1* Feature 1 (Needed) · _no owner_');
    expect(first).toContain('Page 1 of 2, open items 1 to 30 of 35 · next: `/kfrelease docs v1.10.0 page 2`');
    const second = answerText(await app.command('docs page 2', MARGARET));
    expect(second).toContain('*35 open* · 0 done · 0 not needed');
    expect(itemIds(second)).toEqual(range(31, 35));
    expect(second).toContain('*Pipelines* (continued)\n:red_circle: *#31* Feature 31 (Needed) · _no owner_');
    expect(second).toContain(
      'Page 2 of 2, open items 31 to 35 of 35 · previous: `/kfrelease docs v1.10.0 page 1`',
    );
  });

  it('pages the open action items, 20 at a time', async () => {
    const first = answerText(await app.command('action', ALAN));
    expect(itemIds(first)).toEqual(range(1, 20));
    expect(first).toContain(
      'Page 1 of 2, open items 1 to 20 of 25 · next: `/kfrelease action v1.10.0 page 2`',
    );
    const second = answerText(await app.command('action page 2', ALAN));
    expect(itemIds(second)).toEqual(range(21, 25));
    expect(second).toContain('• *#21* Follow-up 21');
    expect(second).toContain(
      'Page 2 of 2, open items 21 to 25 of 25 · previous: `/kfrelease action v1.10.0 page 1`',
    );
  });

  it('says nothing of pages for a list that fits on one', async () => {
    const notebooks = answerText(await app.command('blockers Notebooks', RM));
    expect(notebooks).not.toContain('Page ');
    expect(answerText(await app.command('decisions v1.10.0', ALAN))).toContain('Page 1 of 2');
  });

  it.each([
    [
      'decisions page 3',
      'There is no page 3: the decisions of v1.10.0 (45) fill 2 pages.',
      'Try `/kfrelease decisions v1.10.0 page 2`.',
    ],
    [
      'docs page 9',
      'There is no page 9: the open docs items of v1.10.0 (35) fill 2 pages.',
      'Try `/kfrelease docs v1.10.0 page 2`.',
    ],
    [
      'action page 0',
      '0 is too small for a page number, which is at least 1.',
      'Usage: `/kfrelease action [version] [page N]`',
    ],
    [
      'decisions page two',
      '"two" is not a page number: write it in digits.',
      'Usage: `/kfrelease decisions [version] [page N] [--share]`',
    ],
    [
      'action page',
      'Say which page at the end, e.g. page 2.',
      'Usage: `/kfrelease action [version] [page N]`',
    ],
    [
      'blockers page 2',
      'Pages are per working group: name one before the page.',
      'For example `/kfrelease blockers v1.10.0 Pipelines page 2`.',
    ],
    [
      'blockers Notebooks page 2',
      'There is no page 2: the open issues of Notebooks in v1.10.0 (0) fill one page.',
      'Try `/kfrelease blockers v1.10.0 Notebooks`.',
    ],
  ])('answers %j with what was wrong and how to ask, changing nothing', async (command, problem, hint) => {
    const before = databaseSnapshot(app.services.store.db);
    const text = answerText(await app.command(command, RM));
    expect(text).toContain(problem);
    expect(text).toContain(hint);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });
});

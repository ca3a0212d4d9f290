import {
  docsItemInputSchema,
  docsReminderTargets,
  docsWorkingGroups,
  parseDocsStatus,
  summarizeDocs,
  type DocsItem,
} from '../../src/domain/docs-items';

const item = (id: number, wg: string, status: DocsItem['status'], owner: string | null = null): DocsItem => ({
  id,
  wg,
  feature: `feature ${id}`,
  pages: '',
  owner,
  status,
});
const WGS = ['Notebooks', 'Pipelines', 'Training'];

describe('parseDocsStatus', () => {
  it.each([
    ['needed', 'needed'],
    ['in_progress', 'in_progress'],
    ['in-progress', 'in_progress'],
    ['In Progress', 'in_progress'],
    ['DONE', 'done'],
    ['not needed', 'not_needed'],
    ['finished', null],
    ['', null],
  ])('reads %j as %j', (text, expected) => {
    expect(parseDocsStatus(text)).toBe(expected);
  });
});

describe('docsWorkingGroups', () => {
  it.each([
    ['the release manager or an admin: every group', { steers: true, docsLead: false, roles: [] }, WGS],
    ['the Docs Lead: every group', { steers: false, docsLead: true, roles: [] }, WGS],
    [
      'a liaison and a WG docs lead: their groups',
      {
        steers: false,
        docsLead: false,
        roles: [
          { role: 'team_member' as const, wg: 'Training' },
          { role: 'wg_docs_lead' as const, wg: 'Notebooks' },
        ],
      },
      ['Notebooks', 'Training'],
    ],
    [
      'a distribution representative: none',
      { steers: false, docsLead: false, roles: [{ role: 'distribution_rep' as const, wg: null }] },
      [],
    ],
  ])('%s', (_name, authority, expected) => {
    expect(docsWorkingGroups(authority, WGS)).toEqual(expected);
  });
});

describe('docsItemInputSchema', () => {
  it('reports every problem at once, per field', () => {
    const parsed = docsItemInputSchema.safeParse({ wg: '', feature: ' ', owner: 'bob', status: 'later' });
    expect(parsed.success).toBe(false);
    expect(new Set(parsed.error?.issues.map((i) => i.path[0]))).toEqual(
      new Set(['wg', 'feature', 'owner', 'status']),
    );
  });

  it('fills in the defaults', () => {
    expect(docsItemInputSchema.parse({ wg: 'Notebooks', feature: ' Culling ' })).toEqual({
      wg: 'Notebooks',
      feature: 'Culling',
      pages: '',
      owner: null,
      status: 'needed',
    });
  });
});

describe('summarizeDocs', () => {
  it('lists open items per working group, every group included, with the totals', () => {
    const summary = summarizeDocs(
      [item(1, 'Notebooks', 'needed'), item(2, 'Notebooks', 'done'), item(3, 'Training', 'in_progress')],
      WGS,
    );
    expect(summary.groups.map((g) => [g.wg, g.open.map((i) => i.id), g.done])).toEqual([
      ['Notebooks', [1], 1],
      ['Pipelines', [], 0],
      ['Training', [3], 0],
    ]);
    expect([summary.open, summary.done, summary.notNeeded]).toEqual([2, 1, 0]);
  });
});

describe('docsReminderTargets', () => {
  const items = [
    item(1, 'Notebooks', 'needed'),
    item(2, 'Pipelines', 'done'),
    item(3, 'Pipelines', 'needed'),
  ];

  it('gives the Docs Lead every open item and each WG docs lead their own, even none', () => {
    const targets = docsReminderTargets({
      items,
      docsLeads: ['ULEAD'],
      wgDocsLeads: [
        { userId: 'UPIPE', wg: 'Pipelines' },
        { userId: 'UTRAIN', wg: 'Training' },
      ],
    });
    expect(targets.map((t) => [t.userId, t.scope, t.open.map((i) => i.id)])).toEqual([
      ['ULEAD', { kind: 'lead' }, [1, 3]],
      ['UPIPE', { kind: 'wg', wg: 'Pipelines' }, [3]],
      ['UTRAIN', { kind: 'wg', wg: 'Training' }, []],
    ]);
  });

  it('sends the Docs Lead who also leads a WG one message, not two', () => {
    const targets = docsReminderTargets({
      items,
      docsLeads: ['ULEAD'],
      wgDocsLeads: [{ userId: 'ULEAD', wg: 'Pipelines' }],
    });
    expect(targets).toHaveLength(1);
  });
});

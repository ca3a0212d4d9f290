import { DateTime } from 'luxon';
import {
  ageInDays,
  checkTriage,
  isReleaseBlocking,
  issueChange,
  triageRight,
  worthAnnouncing,
  type BlockerDecision,
  type IssueState,
  type TriageAction,
} from '../../src/domain/blocker-triage';
import { blockersListBlocks } from '../../src/slack/blocks/blocker-blocks';
import type { BlockerItem } from '../../src/workflows/list-blockers';

const RM = { steers: true, liaisonOf: [] };
const PIPELINES_LIAISON = { steers: false, liaisonOf: ['Pipelines'] };
const OTHER_LIAISON = { steers: false, liaisonOf: ['Notebooks'] };
const NOBODY = { steers: false, liaisonOf: [] };

describe('triageRight', () => {
  it.each([
    [RM, 'none', 'punt', 'allowed'],
    [RM, 'release_blocking', 'punt', 'allowed'],
    [PIPELINES_LIAISON, 'none', 'at_risk', 'allowed'],
    [PIPELINES_LIAISON, 'at_risk', 'punt', 'allowed'],
    [PIPELINES_LIAISON, 'none', 'release_blocking', 'allowed'],
    [PIPELINES_LIAISON, 'release_blocking', 'at_risk', 'allowed'],
    [PIPELINES_LIAISON, 'release_blocking', 'punt', 'needs_release_manager'],
    [OTHER_LIAISON, 'none', 'at_risk', 'needs_release_manager_or_liaison'],
    [NOBODY, 'none', 'release_blocking', 'needs_release_manager_or_liaison'],
  ] as const)('%o on a %s issue asking %s: %s', (who, decision, action, right) => {
    expect(triageRight(who, { wg: 'pipelines', decision }, action)).toBe(right);
  });
});

describe('checkTriage', () => {
  const open = (decision: BlockerDecision) => ({ state: 'open' as IssueState, decision });
  it.each([
    [open('none'), 'at_risk', '', { ok: true, decision: 'at_risk', reason: null }],
    [
      open('at_risk'),
      'punt',
      '  Needs an API change ',
      { ok: true, decision: 'punted', reason: 'Needs an API change' },
    ],
    [
      open('none'),
      'release_blocking',
      'Breaks install',
      { ok: true, decision: 'release_blocking', reason: 'Breaks install' },
    ],
    [open('punted'), 'release_blocking', '', { ok: true, decision: 'release_blocking', reason: null }],
    [open('at_risk'), 'at_risk', '', { ok: false, field: 'decision', problem: 'It is already at risk.' }],
    [open('none'), 'punt', ' ', { ok: false, field: 'reason', problem: expect.stringContaining('Say why') }],
    [
      open('none'),
      'at_risk',
      'x'.repeat(1001),
      { ok: false, field: 'reason', problem: expect.stringContaining('1000') },
    ],
    [
      { state: 'closed' as IssueState, decision: 'none' as BlockerDecision },
      'release_blocking',
      '',
      { ok: false, field: 'decision', problem: 'It is closed on GitHub: there is nothing left to triage.' },
    ],
  ] as const)('%o asking %s with reason "%s"', (blocker, action, reason, expected) => {
    expect(checkTriage(blocker, action as TriageAction, reason)).toEqual(expected);
  });
});

describe('ageInDays', () => {
  const now = DateTime.fromISO('2026-05-12T10:00:00Z', { zone: 'utc' });
  it.each([
    ['2026-05-12T09:00:00Z', 0],
    ['2026-05-11T10:00:00Z', 1],
    ['2026-05-01T11:00:00Z', 10],
    ['2026-05-13T00:00:00Z', 0],
    ['not a date', 0],
  ])('%s is %i day(s) old', (since, days) => {
    expect(ageInDays(since, now.toMillis())).toBe(days);
  });
});

describe('ageInDays counts whole 24-hour days, whatever the clocks of Berlin or Los Angeles did', () => {
  it.each([
    // Europe/Berlin springs forward at 01:00 UTC on 29 March 2026, falls back at 01:00 UTC on 25 October.
    ['2026-03-28T23:30:00Z', '2026-03-29T23:29:59Z', 0],
    ['2026-03-28T23:30:00Z', '2026-03-29T23:30:00Z', 1],
    ['2026-10-24T22:00:00Z', '2026-10-25T22:00:00Z', 1],
    ['2026-10-24T22:00:00Z', '2026-10-26T21:59:00Z', 1],
    // America/Los_Angeles springs forward at 10:00 UTC on 8 March, falls back at 09:00 UTC on 1 November.
    ['2026-03-08T09:59:00Z', '2026-03-09T09:58:59Z', 0],
    ['2026-03-08T09:59:00Z', '2026-03-15T09:59:00Z', 7],
    ['2026-10-31T07:00:00Z', '2026-11-01T06:59:59Z', 0],
    ['2026-10-31T07:00:00Z', '2026-11-01T07:00:00Z', 1],
    ['2026-10-31T07:00:00.000Z', '2026-11-02T07:00:00Z', 2],
  ])('from %s to %s: %i', (since, now, days) => {
    expect(ageInDays(since, Date.parse(now))).toBe(days);
  });
});

describe('release-blocking', () => {
  const row = (wg: string, state: IssueState, decision: BlockerDecision, blocksRelease = false) => ({
    wg,
    state,
    decision,
    blocksRelease,
  });
  it.each([
    [row('P', 'open', 'release_blocking'), true],
    [row('P', 'open', 'none', true), true],
    [row('P', 'open', 'at_risk', true), false],
    [row('P', 'open', 'punted', true), false],
    [row('P', 'closed', 'release_blocking'), false],
  ])('%o blocks the release: %s', (blocker, expected) => {
    expect(isReleaseBlocking(blocker)).toBe(expected);
  });
});

describe('issueChange', () => {
  const snap = (state: IssueState, labels: string[] = [], extra = {}) => ({
    title: 'T',
    state,
    labels,
    assignees: ['ada'],
    ...extra,
  });
  it.each([
    [snap('open'), snap('closed'), { event: 'closed', labelsAdded: [], labelsRemoved: [] }, true],
    [snap('closed'), snap('open'), { event: 'reopened' }, true],
    [snap('open'), snap('merged'), { event: 'merged' }, true],
    [
      snap('open', ['bug']),
      snap('open', ['bug', 'release-blocker']),
      { event: null, labelsAdded: ['release-blocker'] },
      true,
    ],
    [
      snap('open', ['a', 'b']),
      snap('open', ['b', 'a']),
      { event: null, labelsAdded: [], labelsRemoved: [] },
      false,
    ],
    [snap('open'), snap('open', [], { assignees: ['bob'] }), { assigneesChanged: true }, false],
    [snap('open'), snap('open', [], { title: 'New' }), { titleChanged: true }, false],
  ])('%o -> %o', (before, after, expected, announced) => {
    const change = issueChange(before, after);
    expect(change).toMatchObject(expected);
    expect(worthAnnouncing(change)).toBe(announced);
  });
});

describe('the blockers list in Slack', () => {
  it('stays within 50 blocks, counting what it leaves out, and keeps its buttons', () => {
    const item = (id: number, wg: string): BlockerItem => ({
      id,
      releaseId: 1,
      wgId: 1,
      wg,
      owner: 'kubeflow',
      repo: 'pipelines',
      number: id,
      title: `Bug ${id}`,
      state: 'open',
      isPullRequest: false,
      labels: [],
      assignees: [],
      url: `https://github.com/kubeflow/pipelines/issues/${id}`,
      blocksRelease: false,
      decision: 'none',
      decisionReason: null,
      decidedBy: null,
      decidedAt: null,
      submittedBy: 'U1',
      submittedAt: '2026-05-01T00:00:00Z',
      note: '',
      githubUpdatedAt: '2026-05-01T00:00:00Z',
      lastSyncedAt: '2026-05-01T00:00:00Z',
      ageDays: 1,
      releaseBlocking: false,
    });
    const groups = ['A', 'B', 'C'].map((wg, g) => ({
      wg,
      counts: {
        wgId: g + 1,
        wg,
        active: 20,
        releaseBlocking: 0,
        punted: 0,
        closed: 0,
        oldestSync: '2026-05-01T00:00:00Z',
      },
      active: Array.from({ length: 20 }, (_, i) => item(g * 100 + i + 1, wg)),
      punted: [],
      closed: [],
    }));
    const answer = blockersListBlocks({
      version: 'v1.10.0',
      wg: null,
      groups,
      lastSyncedAt: null,
      page: null,
    });
    expect(answer.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(answer.blocks)).toContain('…and 20 more');
    expect(JSON.stringify(answer.blocks.at(-2))).toContain('blocker_open_form');
  });
});

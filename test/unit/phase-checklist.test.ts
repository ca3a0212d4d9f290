import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  checklistState,
  parsePhaseChecklists,
  tickPermission,
  unmetItems,
  type ChecklistFacts,
  type ChecklistItem,
  type TickHolder,
} from '../../src/domain/phase-checklist';
import { PHASE_KEYS } from '../../src/domain/phases';

const FILE = parse(readFileSync(join(__dirname, '..', '..', 'config', 'phase-checklists.yml'), 'utf8'));

function shipped(): ChecklistItem[] {
  const parsed = parsePhaseChecklists(FILE, 'config/phase-checklists.yml');
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.items;
}
const item = (id: string): ChecklistItem => {
  const found = shipped().find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

const NOTHING: ChecklistFacts = {
  teamComplete: false,
  revisionsMissing: ['Notebooks', 'Training'],
  bugsAtRiskIdentified: null,
  tagged: null,
  plannedMilestones: [
    { key: 'release_branch', phase: 'feature_freeze' },
    { key: 'rc.0', phase: 'feature_freeze' },
    { key: 'rc.1', phase: 'feature_freeze' },
    { key: 'rc.2', phase: 'manifests_testing' },
    { key: 'rc.3', phase: 'distribution_testing' },
    { key: 'release', phase: 'release_day' },
  ],
  patchOpened: false,
  meetingSetUp: false,
  trackingIssue: null,
  signoffs: null,
  distributions: ['AWS', 'Azure'],
  workingGroups: ['Notebooks', 'Training'],
  ticks: [],
};
const tick = (itemId: string, scope = '') => ({ item: itemId, scope, by: 'U1', at: '2026-05-12T10:00:00Z' });

describe('the phase checklists file', () => {
  it('has the handbook criteria of every phase, each id once', () => {
    const items = shipped();
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.phase))).toEqual(new Set(PHASE_KEYS));
    const handbook = `team-selected schedule-sent permissions-updated meetings-set-up tracking-issue-created
      revisions-received branch-and-tags-created bugs-at-risk-identified distribution-thumbs-up
      blog-post-published social-media-posted announcement-sent`;
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(handbook.split(/\s+/)));
  });

  it.each([
    ['an unknown phase', { phases: { freeze: [] } }, 'phases: unknown phase "freeze"'],
    [
      'an unknown role',
      { phases: { preparation: [{ id: 'a', title: 'A', who: ['boss'] }] } },
      'phases.preparation[0].who[0]',
    ],
    [
      'no role',
      { phases: { preparation: [{ id: 'a', title: 'A', who: [] }] } },
      'must name at least one role',
    ],
    [
      'an id with spaces',
      { phases: { preparation: [{ id: 'a b', title: 'A', who: ['release_manager'] }] } },
      'lower-case words',
    ],
    [
      'an unknown automatic check',
      {
        phases: { preparation: [{ id: 'a', title: 'A', who: ['release_manager'], auto: { kind: 'magic' } }] },
      },
      'phases.preparation[0].auto.kind',
    ],
    [
      'an id used twice',
      {
        phases: {
          preparation: [{ id: 'a', title: 'A', who: ['release_manager'] }],
          development: [{ id: 'a', title: 'B', who: ['release_manager'] }],
        },
      },
      'phases.development[0].id: "a" is already used by phases.preparation[0]',
    ],
  ])('refuses %s, saying where', (_case, data, problem) => {
    const parsed = parsePhaseChecklists(data, 'checklists.yml');
    expect(parsed.ok ? [] : parsed.problems.join('\n')).toContain(problem);
  });
});

describe('whether an item is done', () => {
  it.each([
    ['a plain item nobody ticked', 'schedule-sent', {}, false, null],
    ['a plain item someone ticked', 'schedule-sent', { ticks: [tick('schedule-sent')] }, true, 'tick'],
    ['revisions with working groups missing', 'revisions-received', {}, false, null],
    ['revisions from every working group', 'revisions-received', { revisionsMissing: [] }, true, 'auto'],
    [
      'tags while kfrelease cannot look, ticked by hand',
      'branch-and-tags-created',
      { ticks: [tick('branch-and-tags-created')] },
      true,
      'tick',
    ],
    [
      'tags with rc.1 not found yet',
      'branch-and-tags-created',
      { tagged: new Set(['release_branch', 'rc.0']) },
      false,
      null,
    ],
    [
      'every tag found',
      'branch-and-tags-created',
      { tagged: new Set(['release_branch', 'rc.0', 'rc.1']) },
      true,
      'auto',
    ],
    [
      'tags of a plan without rc.0 (calendar versions)',
      'branch-and-tags-created',
      {
        tagged: new Set(['release_branch', 'rc.1']),
        plannedMilestones: [
          { key: 'release_branch', phase: 'feature_freeze' },
          { key: 'rc.1', phase: 'feature_freeze' },
        ],
      },
      true,
      'auto',
    ],
    [
      'the tags of its phase only: rc.1 planned in distribution testing (handbook-12w)',
      'branch-and-tags-created',
      {
        tagged: new Set(['release_branch', 'rc.0']),
        plannedMilestones: [
          { key: 'release_branch', phase: 'feature_freeze' },
          { key: 'rc.0', phase: 'feature_freeze' },
          { key: 'rc.1', phase: 'distribution_testing' },
        ],
      },
      true,
      'auto',
    ],
    [
      'a thumbs up from one distribution of two',
      'distribution-thumbs-up',
      { ticks: [tick('distribution-thumbs-up', 'AWS')] },
      false,
      null,
    ],
    [
      'a thumbs up from both',
      'distribution-thumbs-up',
      { ticks: [tick('distribution-thumbs-up', 'AWS'), tick('distribution-thumbs-up', 'azure')] },
      true,
      'tick',
    ],
    [
      'sign-offs recorded on the current RC',
      'distribution-thumbs-up',
      { signoffs: { met: true, text: 'thumbs up from every distribution' } },
      true,
      'auto',
    ],
    [
      'a per-distribution item with no distribution on the team',
      'distribution-thumbs-up',
      { distributions: [], ticks: [] },
      false,
      null,
    ],
    ['the team complete', 'team-selected', { teamComplete: true }, true, 'auto'],
    ['a patch release opened', 'patch-release-planned', { patchOpened: true }, true, 'auto'],
    ['the weekly meeting set up', 'meetings-set-up', { meetingSetUp: true }, true, 'auto'],
    [
      'the tracking issue created',
      'tracking-issue-created',
      { trackingIssue: 'https://github.com/x/y/issues/1' },
      true,
      'auto',
    ],
    ['no features tracked', 'features-landed-or-punted', { featuresUndecided: null }, false, null],
    [
      'a feature neither landed nor punted',
      'features-landed-or-punted',
      { featuresUndecided: ['#3 GPU culling (Notebooks)'] },
      false,
      null,
    ],
    ['every feature landed or punted', 'features-landed-or-punted', { featuresUndecided: [] }, true, 'auto'],
  ])('%s', (_case, id, facts, done, doneBy) => {
    const [state] = checklistState([item(id)], { ...NOTHING, ...facts });
    expect(state).toMatchObject({ done, doneBy });
  });

  it('says what kfrelease saw, or leaves the note empty when it cannot tell', () => {
    const [revisions, bugs] = checklistState(
      [item('revisions-received'), item('bugs-at-risk-identified')],
      NOTHING,
    );
    expect(revisions?.autoNote).toBe('no accepted revision yet: Notebooks, Training');
    expect(bugs?.autoNote).toBeNull();
  });

  it('names the features still undecided', () => {
    const [features] = checklistState([item('features-landed-or-punted')], {
      ...NOTHING,
      featuresUndecided: ['#3 GPU culling (Notebooks)', '#4 Sub-DAG outputs (Pipelines)'],
    });
    expect(features?.autoNote).toBe(
      'neither landed nor punted: #3 GPU culling (Notebooks), #4 Sub-DAG outputs (Pipelines)',
    );
  });

  it('names the tags as code, so the underscore of release_branch does not end the italic note', () => {
    const [tags] = checklistState([item('branch-and-tags-created')], {
      ...NOTHING,
      tagged: new Set(['rc.0']),
    });
    expect(tags?.autoNote).toBe('not found yet: `release_branch`, `rc.1`');
  });

  it('never counts an optional item as unmet', () => {
    const states = checklistState(
      [item('feature-docs-flagged'), item('handbook-updated'), item('retrospective-held')],
      NOTHING,
    );
    expect(unmetItems(states).map((s) => s.item.id)).toEqual(['retrospective-held']);
  });
});

describe('who may tick an item', () => {
  const holder = (roles: TickHolder['roles'], extra: Partial<TickHolder> = {}): TickHolder => ({
    admin: false,
    roles,
    docsLeadImplied: false,
    ...extra,
  });
  const rm = { role: 'release_manager' as const, wg: null, distribution: null };
  const aws = { role: 'distribution_rep' as const, wg: null, distribution: 'AWS' };
  const notebooks = { role: 'team_member' as const, wg: 'Notebooks', distribution: null };
  const scopes = ['AWS', 'Azure'];

  it.each([
    [
      'the release manager, a release manager item',
      'schedule-sent',
      holder([rm]),
      null,
      { ok: true, scope: '' },
    ],
    [
      'a liaison, a release manager item',
      'schedule-sent',
      holder([notebooks]),
      null,
      { ok: false, reason: 'forbidden' },
    ],
    ['an admin, any item', 'schedule-sent', holder([], { admin: true }), null, { ok: true, scope: '' }],
    [
      'a distribution rep, for their own distribution',
      'distribution-thumbs-up',
      holder([aws]),
      null,
      { ok: true, scope: 'AWS' },
    ],
    [
      'a distribution rep, naming their own',
      'distribution-thumbs-up',
      holder([aws]),
      'aws',
      { ok: true, scope: 'AWS' },
    ],
    [
      'a distribution rep, for another distribution',
      'distribution-thumbs-up',
      holder([aws]),
      'Azure',
      { ok: false, reason: 'forbidden' },
    ],
    [
      'the release manager, without naming a distribution',
      'distribution-thumbs-up',
      holder([rm]),
      null,
      { ok: false, reason: 'scope', choices: scopes, given: null },
    ],
    [
      'the release manager, naming one',
      'distribution-thumbs-up',
      holder([rm]),
      'Azure',
      { ok: true, scope: 'Azure' },
    ],
    [
      'the release manager, naming one that is not there',
      'distribution-thumbs-up',
      holder([rm]),
      'GCP',
      { ok: false, reason: 'scope', choices: scopes, given: 'GCP' },
    ],
    [
      'a liaison, a distribution item',
      'distribution-thumbs-up',
      holder([notebooks]),
      null,
      { ok: false, reason: 'forbidden' },
    ],
    [
      'the release manager holding the Docs Lead role',
      'website-version-cut',
      holder([rm], { docsLeadImplied: true }),
      null,
      { ok: true, scope: '' },
    ],
    [
      'the release manager while a Docs Lead is named',
      'website-version-cut',
      holder([rm]),
      null,
      { ok: false, reason: 'forbidden' },
    ],
  ])('%s', (_case, id, who, requested, expected) => {
    expect(tickPermission(item(id), who, scopes, requested)).toEqual(expected);
  });

  it('lets a liaison tick a per-working-group item for their working group only', () => {
    const docs = item('wg-docs-updated');
    const groups = ['Notebooks', 'Training'];
    expect(tickPermission(docs, holder([notebooks]), groups, null)).toEqual({ ok: true, scope: 'Notebooks' });
    expect(tickPermission(docs, holder([notebooks]), groups, 'Training')).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });
});

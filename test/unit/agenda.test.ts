import { buildAgenda, standingItemsFor, type AgendaFacts } from '../../src/domain/agenda';
import { parseAgendaItems } from '../../src/domain/agenda-items-schema';
import { reminderMessage, escalationMessage, anythingOwed } from '../../src/domain/reminder-message';
import { loadAgendaItems } from '../../src/workflows/load-agenda-items';

const ALAN = { name: 'Alan Turing', slackId: 'U0ALAN001' };

function facts(overrides: Partial<AgendaFacts> = {}): AgendaFacts {
  return {
    version: 'v1.10.0',
    meetingOn: '2026-05-12',
    meetingAt: '2026-05-12T16:00:00.000+02:00',
    meetingZone: 'Europe/Berlin',
    notesUrl: 'https://example.com/notes',
    week: 11,
    releaseWeek: 17,
    phases: [
      { key: 'feature_freeze', name: 'Feature Freeze', endsOn: '2026-05-24' },
      { key: 'documentation', name: 'Documentation', endsOn: '2026-06-21' },
    ],
    nextMilestones: [
      {
        name: 'rc.1 tagged',
        dueOn: '2026-05-22',
        owner: 'Manifests WG',
        artifact: 'v1.10.0-rc.1',
        optional: false,
      },
    ],
    missingRevisions: ['Pipelines'],
    actionItems: [
      { id: 3, text: 'Ask for the rc.1 tag', owner: ALAN, done: false },
      { id: 2, text: 'Book the room', owner: null, done: true },
    ],
    noteTaker: ALAN,
    standingItems: [{ phase: 'Feature Freeze', items: ['Identify bugs at risk; fix or punt'] }],
    ...overrides,
  };
}

const titles = (f: AgendaFacts) => buildAgenda(f).sections.map((s) => s.title);
const text = (f: AgendaFacts) =>
  buildAgenda(f)
    .sections.flatMap((s) => [s.title, ...s.lines.map((l) => l.text)])
    .join('\n');

describe('buildAgenda', () => {
  it('says where the release is, what is due, who owes a revision, the action items and the standing items', () => {
    const agenda = buildAgenda(facts());
    expect(agenda.summary).toBe(
      'Agenda for the Kubeflow v1.10.0 release team meeting, Tue 12 May 2026, 16:00 Europe/Berlin',
    );
    expect(titles(facts())).toEqual([
      'Where we are',
      'Coming up',
      'Git revisions',
      'Action items',
      'Standing items: Feature Freeze',
    ]);
    expect(text(facts())).toContain(
      'Week 11 of 17 · Feature Freeze (until Sun 24 May) and Documentation (until Sun 21 Jun)',
    );
    expect(text(facts())).toContain('rc.1 tagged (v1.10.0-rc.1): Fri 22 May, in 10 days · Manifests WG');
    expect(text(facts())).toContain('No accepted revision yet from: Pipelines');
    const items = agenda.sections.find((s) => s.title === 'Action items')?.lines;
    expect(items).toEqual([
      { text: '#3 Ask for the rc.1 tag', people: [ALAN], done: false },
      { text: '#2 Book the room', people: undefined, done: true },
    ]);
    expect(agenda.noteTaker).toEqual(ALAN);
  });

  it.each([
    ['before the freeze: no revisions section', { missingRevisions: null }, 'Git revisions', false],
    ['every revision in', { missingRevisions: [] }, 'Every working group has an accepted revision.', true],
    [
      'blockers gathered',
      { blockers: [{ wg: 'Pipelines', open: 2, atRisk: 1, items: ['kubeflow/pipelines#1 (at risk)'] }] },
      'Pipelines: 2 open, 1 at risk',
      true,
    ],
    ['no open blockers', { blockers: [] }, 'No open blocking issues.', true],
    ['blockers not gathered', {}, 'Blocking issues', false],
    [
      'a missing RC tag',
      { missingRcTags: [{ artifact: 'v1.10.0-rc.0', dueOn: '2026-05-11', owner: 'Manifests WG' }] },
      'v1.10.0-rc.0, due Mon 11 May · Manifests WG',
      true,
    ],
    [
      'sign-offs outside distribution testing',
      { signoffs: [{ distribution: 'AWS', state: 'pending', people: [] }] },
      'Distribution sign-offs',
      false,
    ],
    [
      'sign-offs during distribution testing',
      {
        phases: [{ key: 'distribution_testing', name: 'Distribution testing', endsOn: '2026-06-21' }],
        signoffs: [{ distribution: 'AWS', state: 'thumbs up', people: [] }],
      },
      'AWS: thumbs up',
      true,
    ],
    ['week 0', { week: -1, phases: [] }, '2 week(s) before week 1', true],
    ['no milestones left', { nextMilestones: [] }, 'No milestones left.', true],
    ['no action items', { actionItems: [] }, 'None open.', true],
    [
      'features at risk, per working group',
      { featuresAtRisk: [{ wg: 'Notebooks', items: ['#3 GPU culling (kubeflow/kubeflow#202, kept)'] }] },
      'Features at risk: land, keep or punt\nNotebooks: 1 at risk\n    #3 GPU culling (kubeflow/kubeflow#202, kept)',
      true,
    ],
    ['no feature at risk', { featuresAtRisk: [] }, 'Features at risk', false],
  ])('%s', (_case, overrides, expected, present) => {
    expect(text(facts(overrides as Partial<AgendaFacts>)).includes(expected)).toBe(present);
  });
});

describe('standing items', () => {
  it('takes the items of every phase the meeting is in, then those of every meeting', () => {
    const config = {
      always: ['AOB'],
      phases: { feature_freeze: ['bugs at risk'], documentation: ['docs PRs'] },
    };
    const phases = [
      { key: 'feature_freeze', name: 'Feature Freeze' },
      { key: 'documentation', name: 'Documentation' },
      { key: 'manifests_testing', name: 'Manifests testing' },
    ];
    expect(standingItemsFor(config, phases)).toEqual([
      { phase: 'Feature Freeze', items: ['bugs at risk'] },
      { phase: 'Documentation', items: ['docs PRs'] },
      { phase: 'every meeting', items: ['AOB'] },
    ]);
  });

  it('ships config/agenda-items.yml with the handbook items for every phase', () => {
    const config = loadAgendaItems();
    expect(Object.keys(config.phases)).toHaveLength(8);
    expect(config.phases.feature_freeze?.join('\n')).toMatch(/bugs at risk.*fix them aggressively or punt/);
  });

  it('reports every problem of a bad file at once', () => {
    const parsed = parseAgendaItems(
      { always: [''], phases: { freeze: ['x'] }, extra: 1 },
      'agenda-items.yml',
    );
    expect(!parsed.ok && parsed.problems.length).toBeGreaterThanOrEqual(3);
  });
});

describe('deadline messages', () => {
  const deadline = {
    key: 'revisions',
    name: 'Git revisions from every working group',
    dueOn: '2026-05-11',
    owner: 'Working groups',
    artifact: null,
    optional: false,
  };
  const owed = {
    known: true,
    items: [
      { what: 'Pipelines: no accepted revision', people: [ALAN] },
      { what: 'Training: no accepted revision', people: [ALAN] },
    ],
  };

  it('names what is due and mentions each person who owes something once', () => {
    const message = reminderMessage({
      version: 'v1.10.0',
      deadline,
      offset: { amount: 0, unit: 'd' },
      dueLabel: 'Mon 11 May',
      owed,
    });
    expect(message.headline).toBe(
      'Due today (Mon 11 May) for Kubeflow v1.10.0: Git revisions from every working group',
    );
    expect(message.people).toEqual([ALAN]);
    expect(
      escalationMessage({ version: 'v1.10.0', deadline, dueLabel: 'Mon 11 May', owed }).headline,
    ).toMatch(/^Overdue/);
  });

  it.each([
    ['nothing, and kfrelease knows it', { known: true, items: [] }, false],
    ['unknown', { known: false, items: [] }, true],
    ['two revisions', owed, true],
  ])('something to say when owed is %s: %s', (_case, o, expected) => expect(anythingOwed(o)).toBe(expected));
});

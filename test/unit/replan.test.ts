import { phasePosition, phaseSequence } from '../../src/domain/phase-position';
import { findPlanItem, releaseDayOf } from '../../src/domain/plan-items';
import { planAdvance, planDelay, planMove, type Replan } from '../../src/domain/replan';
import { computeTimeline, isSkipped, type Timeline } from '../../src/domain/timeline';
import { parseVersion } from '../../src/domain/version';
import { loadTemplates, TEMPLATES_DIR } from '../../src/templates/load-templates';

const templates = loadTemplates(TEMPLATES_DIR);

function plan(templateKey: string, version: string, startDate: string): Timeline {
  const template = templates.get(templateKey);
  const parsed = parseVersion(version);
  if (!template || !parsed.ok) throw new Error('bad fixture');
  return computeTimeline({ template, version: parsed.version, startDate, zone: 'Europe/Berlin' });
}

/** v1.10.0: week 1 starts Mon 2 Mar 2026; Feature Freeze 11 May, release day 22 Jun. */
const HANDBOOK = plan('handbook-17w', 'v1.10.0', '2026-03-02');
const CALVER = plan('calver-16w', '26.10', '2026-06-01');

const datesOf = (t: Timeline) => ({
  phases: Object.fromEntries(t.phases.map((p) => [p.key, `${p.startsOn}..${p.endsOn}`])),
  milestones: Object.fromEntries(t.milestones.map((m) => [m.key, m.dueOn])),
});
const replanned = (result: Replan) => {
  if (!result.ok) throw new Error(result.problem);
  return datesOf(result.timeline);
};
const changesOf = (result: Replan) => {
  if (!result.ok) throw new Error(result.problem);
  return result.changes.map((c) => `${c.key} ${c.what} ${c.from} -> ${c.to}`);
};

describe('where a release stands in its phases', () => {
  it.each([
    ['before Preparation starts', '2026-02-01', 'preparation', false, 'development', [], ['preparation']],
    ['on the last day of Preparation', '2026-03-01', 'preparation', true, 'development', [], ['preparation']],
    [
      'in Feature Freeze, Documentation alongside',
      '2026-05-12',
      'feature_freeze',
      true,
      'manifests_testing',
      ['documentation'],
      ['feature_freeze'],
    ],
    [
      'in Manifests testing',
      '2026-05-26',
      'manifests_testing',
      true,
      'distribution_testing',
      ['documentation'],
      ['manifests_testing'],
    ],
    [
      'in Distribution testing, which closes Documentation',
      '2026-06-10',
      'distribution_testing',
      true,
      'release_day',
      ['documentation'],
      ['distribution_testing', 'documentation'],
    ],
    ['on release day', '2026-06-23', 'release_day', true, 'post_release', [], ['release_day']],
    ['after the cycle', '2026-08-01', 'post_release', true, null, [], ['post_release']],
  ])('%s', (_case, today, current, started, next, alongside, closing) => {
    const position = phasePosition(HANDBOOK, today);
    expect(position.current.key).toBe(current);
    expect(position.started).toBe(started);
    expect(position.next?.key ?? null).toBe(next);
    expect(position.alongside.map((p) => p.key)).toEqual(alongside);
    expect(position.closing.map((p) => p.key)).toEqual(closing);
  });

  it('runs Documentation alongside in the calendar-versioned template too', () => {
    const position = phasePosition(CALVER, '2026-07-29');
    expect(position.current.key).toBe('feature_freeze');
    expect(position.next?.key).toBe('distribution_testing');
    expect(position.alongside.map((p) => p.key)).toEqual(['documentation']);
  });
});

describe('finding what a person means by a milestone', () => {
  it.each([
    ['rc.1', 'milestone', 'rc.1'],
    ['RC1', 'milestone', 'rc.1'],
    ['rc-2', 'milestone', 'rc.2'],
    ['Release-Branch', 'milestone', 'release_branch'],
    ['v1.10.0-rc.3', 'milestone', 'rc.3'],
    ['release', 'milestone', 'release'],
    ['feature-freeze', 'phase', 'feature_freeze'],
    ['Distribution testing', 'phase', 'distribution_testing'],
  ])('%s', (word, kind, key) => {
    expect(findPlanItem(HANDBOOK, word)).toMatchObject({ kind, key });
  });

  it('finds nothing for a word that is neither', () => {
    expect(findPlanItem(HANDBOOK, 'rc.9')).toBeNull();
  });
});

describe('delaying a milestone and everything after it', () => {
  it('moves the later milestones and phases by the same calendar days and lengthens the phase it is in', () => {
    const { phases, milestones } = replanned(planDelay(HANDBOOK, 'rc.1', '2026-05-29', '2026-05-12'));
    expect(milestones).toEqual({
      release_branch: '2026-05-11',
      'rc.0': '2026-05-11',
      'rc.1': '2026-05-29',
      'rc.2': '2026-06-05',
      'rc.3': '2026-06-19',
      release: '2026-06-29',
    });
    expect(phases).toMatchObject({
      development: '2026-03-02..2026-05-10',
      feature_freeze: '2026-05-11..2026-05-31',
      documentation: '2026-05-11..2026-06-28',
      manifests_testing: '2026-06-01..2026-06-07',
      distribution_testing: '2026-06-08..2026-06-28',
      release_day: '2026-06-29..2026-07-05',
      post_release: '2026-07-06..2026-08-02',
    });
  });

  it.each([
    [
      'the release branch moves the RC cut the same day',
      'release_branch',
      { release_branch: '2026-05-18', 'rc.0': '2026-05-18' },
    ],
    [
      'rc.0 leaves the branch cut the same day alone',
      'rc.0',
      { release_branch: '2026-05-11', 'rc.0': '2026-05-18' },
    ],
  ])('on a day with two milestones, delaying %s', (_case, key, expected) => {
    expect(replanned(planDelay(HANDBOOK, key, '2026-05-18', '2026-05-04')).milestones).toMatchObject(
      expected,
    );
  });

  it("delays a phase's start, lengthening the phase before it", () => {
    const { phases, milestones } = replanned(
      planDelay(HANDBOOK, 'feature_freeze', '2026-05-18', '2026-05-04'),
    );
    expect(phases).toMatchObject({
      development: '2026-03-02..2026-05-17',
      feature_freeze: '2026-05-18..2026-05-31',
      documentation: '2026-05-18..2026-06-28',
    });
    expect(milestones).toMatchObject({ release_branch: '2026-05-18', release: '2026-06-29' });
  });

  it.each([
    ['an earlier date', 'rc.1', '2026-05-20', 'is not later'],
    ['the same date', 'rc.1', '2026-05-22', 'is not later'],
    ['a date in the past', 'release_branch', '2026-05-12', 'is in the past'],
    ['an unknown milestone', 'rc.7', '2026-06-01', 'Use one of: release_branch, rc.0'],
  ])('refuses %s', (_case, key, date, problem) => {
    const result = planDelay(HANDBOOK, key, date, '2026-05-13');
    expect(result.ok ? '' : result.problem).toContain(problem);
  });
});

describe('moving on to the next phase early', () => {
  it('starts the next phase today and leaves every later date, release day too, where it was', () => {
    const result = planAdvance(HANDBOOK, 'feature_freeze', '2026-05-06');
    expect(result).toMatchObject({ ok: true, days: -5 });
    expect(changesOf(result)).toEqual([
      'development ends 2026-05-10 -> 2026-05-05',
      'feature_freeze starts 2026-05-11 -> 2026-05-06',
    ]);
  });

  it('with moveLater, brings everything after it as many days forward', () => {
    const result = planAdvance(HANDBOOK, 'feature_freeze', '2026-05-06', { moveLater: true });
    expect(result).toMatchObject({ ok: true, days: -5 });
    const { phases, milestones } = replanned(result);
    expect(phases).toMatchObject({
      development: '2026-03-02..2026-05-05',
      feature_freeze: '2026-05-06..2026-05-19',
      documentation: '2026-05-06..2026-06-16',
      manifests_testing: '2026-05-20..2026-05-26',
    });
    expect(milestones).toMatchObject({
      release_branch: '2026-05-06',
      'rc.1': '2026-05-17',
      release: '2026-06-17',
    });
  });

  it('changes nothing when the next phase is due anyway', () => {
    expect(planAdvance(HANDBOOK, 'feature_freeze', '2026-05-11')).toMatchObject({
      ok: true,
      days: 0,
      timeline: HANDBOOK,
    });
  });

  it('leaves a phase passed on the day it started with no days, and the next one current', () => {
    const result = planAdvance(HANDBOOK, 'manifests_testing', '2026-05-11');
    if (!result.ok) throw new Error(result.problem);
    const freeze = result.timeline.phases.find((p) => p.key === 'feature_freeze');
    expect(freeze).toMatchObject({ startsOn: '2026-05-11', endsOn: '2026-05-10' });
    expect(freeze && isSkipped(freeze)).toBe(true);
    const position = phasePosition(result.timeline, '2026-05-11', phaseSequence(HANDBOOK));
    expect(position.current.key).toBe('manifests_testing');
    expect(position.next?.key).toBe('distribution_testing');
  });

  it('keeps the main sequence of the first plan however far a plan is squeezed', () => {
    let timeline = HANDBOOK;
    const sequence = phaseSequence(HANDBOOK);
    for (const key of ['feature_freeze', 'manifests_testing', 'distribution_testing', 'release_day']) {
      const result = planAdvance(timeline, key, '2026-05-11');
      if (!result.ok) throw new Error(result.problem);
      timeline = result.timeline;
      expect(phasePosition(timeline, '2026-05-11', sequence).current.key).toBe(key);
    }
    expect(sequence).toEqual({
      main: [
        'preparation',
        'development',
        'feature_freeze',
        'manifests_testing',
        'distribution_testing',
        'release_day',
        'post_release',
      ],
      alongside: ['documentation'],
    });
  });
});

describe('re-planning one date, earlier or later', () => {
  const TODAY = '2026-05-04';

  it.each([
    ['a milestone later, inside its phase', 'rc.1', '2026-05-23', ['rc.1 due 2026-05-22 -> 2026-05-23']],
    ['a milestone earlier, inside its phase', 'rc.1', '2026-05-19', ['rc.1 due 2026-05-22 -> 2026-05-19']],
    [
      'a milestone later than its phase: the phase stretches, the next one gives up the days',
      'rc.1',
      '2026-05-26',
      [
        'feature_freeze ends 2026-05-24 -> 2026-05-26',
        'manifests_testing starts 2026-05-25 -> 2026-05-27',
        'rc.1 due 2026-05-22 -> 2026-05-26',
      ],
    ],
    [
      'a milestone earlier than its phase: the phase stretches back, the one before gives up the days',
      'rc.2',
      '2026-05-22',
      [
        'feature_freeze ends 2026-05-24 -> 2026-05-21',
        'manifests_testing starts 2026-05-25 -> 2026-05-22',
        'rc.2 due 2026-05-29 -> 2026-05-22',
      ],
    ],
    ['release day a day later', 'release', '2026-06-23', ['release due 2026-06-22 -> 2026-06-23']],
    [
      'a phase start later: the phase before ends the day before',
      'manifests_testing',
      '2026-05-27',
      ['feature_freeze ends 2026-05-24 -> 2026-05-26', 'manifests_testing starts 2026-05-25 -> 2026-05-27'],
    ],
    [
      'a phase start earlier',
      'Manifests testing',
      '2026-05-20',
      ['feature_freeze ends 2026-05-24 -> 2026-05-19', 'manifests_testing starts 2026-05-25 -> 2026-05-20'],
    ],
    [
      'a phase alongside the main sequence, on its own',
      'documentation',
      '2026-05-18',
      ['documentation starts 2026-05-11 -> 2026-05-18'],
    ],
  ])('alone: %s', (_case, word, date, changes) => {
    const result = planMove(HANDBOOK, word, date, { moveLater: false, today: TODAY });
    expect(changesOf(result)).toEqual(changes);
  });

  it.each([
    ['rc.1 a week later', 'rc.1', '2026-05-29', 7, { 'rc.2': '2026-06-05', release: '2026-06-29' }],
    [
      'rc.1 two days earlier',
      'rc.1',
      '2026-05-20',
      -2,
      { release_branch: '2026-05-11', 'rc.1': '2026-05-20', 'rc.2': '2026-05-27', release: '2026-06-20' },
    ],
    [
      'Manifests testing five days earlier',
      'manifests_testing',
      '2026-05-20',
      -5,
      { 'rc.1': '2026-05-22', 'rc.2': '2026-05-24', release: '2026-06-17' },
    ],
  ])('with the later dates: %s', (_case, word, date, days, milestones) => {
    const result = planMove(HANDBOOK, word, date, { moveLater: true, today: TODAY });
    expect(result).toMatchObject({ ok: true, days });
    expect(replanned(result).milestones).toMatchObject(milestones);
  });

  it('moving a milestone earlier with the later dates shortens the phases it is in', () => {
    const { phases } = replanned(planMove(HANDBOOK, 'rc.1', '2026-05-20', { moveLater: true, today: TODAY }));
    expect(phases).toMatchObject({
      feature_freeze: '2026-05-11..2026-05-22',
      manifests_testing: '2026-05-23..2026-05-29',
      documentation: '2026-05-11..2026-06-19',
      release_day: '2026-06-20..2026-06-26',
    });
  });

  it('gives the same plan as planDelay for a delay', () => {
    const moved = planMove(HANDBOOK, 'feature_freeze', '2026-05-18', { moveLater: true, today: TODAY });
    expect(moved).toEqual(planDelay(HANDBOOK, 'feature_freeze', '2026-05-18', TODAY));
  });

  it.each([
    ['the same date', 'rc.1', '2026-05-22', false, TODAY, 'is already planned for 2026-05-22'],
    [
      'a date in the past',
      'rc.1',
      '2026-05-01',
      false,
      TODAY,
      '2026-05-01 is in the past; today is 2026-05-04',
    ],
    [
      'a date before the cycle starts',
      'development',
      '2026-01-26',
      false,
      '2026-01-05',
      '2026-01-26 is before the cycle starts (Preparation, 2026-02-02)',
    ],
    ['a date that is not one', 'rc.1', '2026-02-30', false, TODAY, '"2026-02-30" is not a date'],
    [
      'a word that is no milestone or phase',
      'rc.9',
      '2026-06-01',
      false,
      TODAY,
      'Use one of: release_branch',
    ],
    [
      'a phase start alone past its last day',
      'manifests_testing',
      '2026-06-02',
      false,
      TODAY,
      'Manifests testing ends on 2026-05-31: starting it on 2026-06-02 alone leaves it no days',
    ],
    [
      'a phase start alone before the phase before it starts',
      'manifests_testing',
      '2026-05-08',
      false,
      TODAY,
      'Feature Freeze would end on 2026-05-07, before it starts on 2026-05-11. The phases must stay in order: pick another date.',
    ],
    [
      'a phase start with the later dates before the phase before it starts',
      'manifests_testing',
      '2026-05-08',
      true,
      TODAY,
      'Manifests testing would start on 2026-05-08, before Feature Freeze starts on 2026-05-11.',
    ],
    [
      'a milestone alone that squeezes the next phase to less than nothing',
      'rc.2',
      '2026-06-22',
      false,
      TODAY,
      'Distribution testing would end on 2026-06-21, before it starts on 2026-06-23. The phases must stay in order: pick another date, or move the later dates with it.',
    ],
    [
      'a milestone alone past the next one',
      'rc.1',
      '2026-05-30',
      false,
      TODAY,
      'rc.1 tagged on the last day of feature freeze on 2026-05-30 would come after rc.2 tagged after manifests testing (2026-05-29)',
    ],
    [
      'a milestone before the one planned before it',
      'rc.1',
      '2026-05-08',
      true,
      TODAY,
      'would come before Release branch created (2026-05-11). Pick a date on or after 2026-05-11, or move Release branch created first.',
    ],
  ])('refuses %s', (_case, word, date, moveLater, today, problem) => {
    const result = planMove(HANDBOOK, word, date, { moveLater, today });
    expect(result.ok ? '' : result.problem).toContain(problem);
  });

  it('leaves a phase the release manager moved past skipped when one of its milestones moves', () => {
    const skipped = planAdvance(HANDBOOK, 'manifests_testing', '2026-05-11');
    if (!skipped.ok) throw new Error(skipped.problem);
    const result = planMove(skipped.timeline, 'rc.1', '2026-05-20', {
      moveLater: false,
      today: '2026-05-11',
      sequence: phaseSequence(HANDBOOK),
    });
    expect(changesOf(result)).toEqual(['rc.1 due 2026-05-22 -> 2026-05-20']);
  });

  it.each([
    ['the final release milestone', HANDBOOK, '2026-06-22'],
    ['the first day of Release Day without one', { ...HANDBOOK, milestones: [] }, '2026-06-22'],
    ['nothing without either', { ...HANDBOOK, milestones: [], phases: [] }, null],
  ])('finds release day: %s', (_case, timeline, day) => {
    expect(releaseDayOf(timeline)).toBe(day);
  });
});

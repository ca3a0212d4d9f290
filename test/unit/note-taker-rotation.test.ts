import {
  assignNoteTakers,
  planSwap,
  rotationMembers,
  type AwayPeriod,
  type RotationMember,
} from '../../src/domain/note-taker-rotation';

const member = (github: string): RotationMember => ({
  github,
  name: github.toUpperCase(),
  slackId: `U${github}`,
});
const [ann, bob, cat] = [member('ann'), member('bob'), member('cat')] as [
  RotationMember,
  RotationMember,
  RotationMember,
];
const DATES = [
  '2026-03-03',
  '2026-03-10',
  '2026-03-17',
  '2026-03-24',
  '2026-03-31',
  '2026-04-07',
  '2026-04-14',
];

function rotation(away: AwayPeriod[] = [], overrides: [string, string][] = [], members = [ann, bob, cat]) {
  return assignNoteTakers({ members, meetingDates: DATES, away, overrides: new Map(overrides) });
}
const names = (turns: ReturnType<typeof rotation>) => turns.map((t) => t.member?.github ?? '-').join(' ');

describe('rotationMembers', () => {
  it('takes liaisons (not shadows) once each, ordered by GitHub login whatever the case', () => {
    const a = (github: string, role: string, shadow = false) => ({
      github,
      name: github,
      slackId: null,
      role,
      shadow,
    });
    const members = rotationMembers([
      a('zed', 'team_member'),
      a('Bea', 'team_member'),
      a('bea', 'team_member'),
      a('amy', 'team_member', true),
      a('max', 'release_manager'),
      a('cal', 'team_member'),
    ]);
    expect(members.map((m) => m.github)).toEqual(['Bea', 'cal', 'zed']);
  });
});

describe('assignNoteTakers', () => {
  it.each([
    ['nobody away: round-robin by login', [], 'ann bob cat ann bob cat ann'],
    [
      'ann away on her turn: bob and cat go on, ann is first in line when back',
      [{ github: 'ann', fromOn: '2026-03-24', toOn: '2026-03-24' }],
      'ann bob cat bob ann cat bob',
    ],
    [
      'bob away two weeks: skipped, then takes the next turn',
      [{ github: 'BOB', fromOn: '2026-03-09', toOn: '2026-03-20' }],
      'ann cat ann bob cat bob ann',
    ],
    [
      'everybody away one week: nobody',
      ['ann', 'bob', 'cat'].map((github) => ({ github, fromOn: '2026-03-10', toOn: '2026-03-10' })),
      'ann - bob cat ann bob cat',
    ],
  ])('%s', (_case, away, expected) => {
    expect(names(rotation(away as AwayPeriod[]))).toBe(expected);
  });

  it('lays swaps over the rotation: two turns change hands, nobody else moves', () => {
    const turns = rotation(
      [],
      [
        ['2026-03-03', 'cat'],
        ['2026-03-17', 'ann'],
      ],
    );
    expect(names(turns)).toBe('cat bob ann ann bob cat ann');
    expect(turns.map((t) => t.swapped)).toEqual([true, false, true, false, false, false, false]);
  });

  it('ignores an override for someone away or no longer in the rotation', () => {
    const away = [{ github: 'cat', fromOn: '2026-03-03', toOn: '2026-03-03' }];
    expect(
      names(
        rotation(away, [
          ['2026-03-03', 'cat'],
          ['2026-03-10', 'gone'],
        ]),
      ),
    ).toBe('ann bob cat ann bob cat ann');
  });

  it('has nobody with no members', () => {
    expect(names(rotation([], [], []))).toBe('- - - - - - -');
  });
});

describe('planSwap', () => {
  const turns = rotation();
  it('gives the other member my next turn, and me theirs', () => {
    expect(planSwap({ turns, away: [], from: ann, to: cat, today: '2026-03-01' })).toEqual({
      ok: true,
      overrides: [
        { meetingOn: '2026-03-03', github: 'cat' },
        { meetingOn: '2026-03-17', github: 'ann' },
      ],
    });
  });

  it('swaps with someone whose turn comes first, from today on', () => {
    expect(planSwap({ turns, away: [], from: cat, to: bob, today: '2026-03-11' })).toEqual({
      ok: true,
      overrides: [
        { meetingOn: '2026-03-17', github: 'bob' },
        { meetingOn: '2026-03-31', github: 'cat' },
      ],
    });
  });

  it.each([
    [
      'the other is away on my turn',
      [{ github: 'cat', fromOn: '2026-03-03', toOn: '2026-03-03' }],
      /CAT is away on 2026-03-03/,
    ],
    [
      "I am away on the other's turn",
      [{ github: 'ann', fromOn: '2026-03-17', toOn: '2026-03-17' }],
      /ANN is away on 2026-03-17/,
    ],
  ])('refuses when %s', (_case, away, problem) => {
    const result = planSwap({ turns, away, from: ann, to: cat, today: '2026-03-01' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(problem);
  });

  it('refuses when I have no turn left', () => {
    const result = planSwap({ turns, away: [], from: bob, to: ann, today: '2026-04-11' });
    expect(!result.ok && result.problem).toMatch(/BOB has no upcoming note-taking turn/);
  });
});

import { rankSuccessors } from '../../src/domain/successor-ranking';
import type { TeamAssignment } from '../../src/domain/team';

const person = (
  name: string,
  organization: string,
  role: TeamAssignment['role'] = 'team_member',
  shadow = false,
): TeamAssignment => ({
  name,
  github: name.toLowerCase(),
  slackId: null,
  organization,
  role,
  wg: role === 'team_member' ? 'Notebooks' : null,
  distribution: null,
  shadow,
});

const ADA = person('Ada', 'Example Corp', 'release_manager');

describe('the next release manager, by the handbook', () => {
  it.each([
    [
      'prefers another organization among the eligible',
      [ADA, person('Bob', 'Example Corp'), person('Cy', 'Other Inc')],
      { bob: 3, cy: 2 },
      ['Cy', 'Bob'],
      'Cy',
    ],
    [
      'puts the eligible before the others, however many teams',
      [ADA, person('Dee', 'Other Inc'), person('Eve', 'Example Corp')],
      { dee: 1, eve: 2 },
      ['Eve', 'Dee'],
      'Eve',
    ],
    [
      "prefers the release manager's shadow when all else is equal",
      [ADA, person('Fay', 'Other Inc'), person('Gus', 'Third Co', 'release_manager', true)],
      { fay: 2, gus: 2 },
      ['Gus', 'Fay'],
      'Gus',
    ],
    [
      'recommends nobody when nobody served on two teams',
      [ADA, person('Hal', 'Other Inc')],
      { hal: 1 },
      ['Hal'],
      null,
    ],
    [
      'ranks an unknown organization between different and same',
      [ADA, person('Ivy', ''), person('Jo', 'Example Corp'), person('Kit', 'Other Inc')],
      { ivy: 2, jo: 2, kit: 2 },
      ['Kit', 'Ivy', 'Jo'],
      'Kit',
    ],
  ])('%s', (_case, team, served, order, recommended) => {
    const ranking = rankSuccessors(team, new Map(Object.entries({ ada: 4, ...served })));
    expect(ranking.candidates.map((c) => c.name)).toEqual(order);
    expect(ranking.recommended?.name ?? null).toBe(recommended);
    expect(ranking.managers.map((m) => m.name)).toEqual(['Ada']);
  });

  it('counts a person with two roles once, with both roles', () => {
    const team = [ADA, person('Lee', 'Other Inc'), person('Lee', 'Other Inc', 'wg_docs_lead')];
    const [lee] = rankSuccessors(team, new Map([['lee', 2]])).candidates;
    expect(lee).toMatchObject({ name: 'Lee', roles: ['team_member', 'wg_docs_lead'], eligible: true });
  });
});

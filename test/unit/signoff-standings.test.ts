import {
  signoffMatrix,
  signoffsToRetest,
  type CurrentRc,
  type Signoff,
  type SignoffResult,
} from '../../src/domain/signoff-standings';

let nextId = 1;
function signoff(distribution: string, rc: number, result: SignoffResult = 'thumbs_up'): Signoff {
  return {
    id: nextId++,
    distribution,
    rcKey: `rc.${rc}`,
    rc,
    rcTag: `v1.10.0-rc.${rc}`,
    result,
    blockingIssues: result === 'blocked' ? ['kubeflow/manifests#1'] : [],
    kubernetesVersion: '1.29',
    evidenceUrl: null,
    notes: '',
    signedBy: 'U0REP',
    signedAt: '2026-06-01T10:00:00.000Z',
  };
}
const rc = (n: number): CurrentRc => ({ key: `rc.${n}`, rc: n, tag: `v1.10.0-rc.${n}` });
const DISTRIBUTIONS = ['AWS', 'Azure'];

describe('signoffMatrix', () => {
  beforeEach(() => {
    nextId = 1;
  });

  it.each<[string, CurrentRc | null, () => Signoff[], Record<string, string>, boolean]>([
    ['no RC yet: everyone pending', null, () => [], { AWS: 'pending', Azure: 'pending' }, false],
    ['no sign-off yet', rc(1), () => [], { AWS: 'pending', Azure: 'pending' }, false],
    ['one thumbs up', rc(1), () => [signoff('AWS', 1)], { AWS: 'thumbs_up', Azure: 'pending' }, false],
    [
      'thumbs up from both on the current RC',
      rc(1),
      () => [signoff('AWS', 1), signoff('Azure', 1)],
      { AWS: 'thumbs_up', Azure: 'thumbs_up' },
      true,
    ],
    [
      'a newer RC sends both back to pending',
      rc(2),
      () => [signoff('AWS', 1), signoff('Azure', 1)],
      { AWS: 'pending', Azure: 'pending' },
      false,
    ],
    [
      'blocked, then a thumbs up on the same RC: the latest counts',
      rc(2),
      () => [signoff('AWS', 2, 'blocked'), signoff('AWS', 2), signoff('Azure', 2)],
      { AWS: 'thumbs_up', Azure: 'thumbs_up' },
      true,
    ],
    [
      'a thumbs up, then blocked: the latest counts',
      rc(2),
      () => [signoff('AWS', 2), signoff('AWS', 2, 'blocked'), signoff('Azure', 2)],
      { AWS: 'blocked', Azure: 'thumbs_up' },
      false,
    ],
    [
      'a late sign-off on an older RC does not count',
      rc(2),
      () => [signoff('AWS', 2), signoff('Azure', 2, 'blocked'), signoff('Azure', 1)],
      { AWS: 'thumbs_up', Azure: 'blocked' },
      false,
    ],
  ])('%s', (_case, current, signoffs, standings, met) => {
    const matrix = signoffMatrix({ distributions: DISTRIBUTIONS, rc: current, signoffs: signoffs() });
    expect(Object.fromEntries(matrix.rows.map((row) => [row.distribution, row.standing]))).toEqual(standings);
    expect(matrix.criterionMet).toBe(met);
    expect(matrix.thumbsUp).toBe(Object.values(standings).filter((s) => s === 'thumbs_up').length);
  });

  it('keeps the history and shows what a newer RC set aside', () => {
    const first = signoff('AWS', 0, 'blocked');
    const second = signoff('AWS', 1);
    const matrix = signoffMatrix({ distributions: ['AWS'], rc: rc(2), signoffs: [first, second] });
    expect(matrix.rows[0]).toMatchObject({ standing: 'pending', current: null, earlier: second });
    expect(matrix.rows[0]?.history).toEqual([second, first]);
  });

  it('is never met without distributions, and ignores sign-offs of distributions not on the team', () => {
    expect(signoffMatrix({ distributions: [], rc: rc(1), signoffs: [signoff('AWS', 1)] })).toMatchObject({
      rows: [],
      criterionMet: false,
    });
    const matrix = signoffMatrix({ distributions: ['Azure'], rc: rc(1), signoffs: [signoff('AWS', 1)] });
    expect(matrix.rows.map((row) => row.distribution)).toEqual(['Azure']);
    expect(matrix.criterionMet).toBe(false);
  });

  it('lists distributions once, in order', () => {
    const matrix = signoffMatrix({ distributions: ['Nutanix', 'AWS', 'AWS'], rc: null, signoffs: [] });
    expect(matrix.rows.map((row) => row.distribution)).toEqual(['AWS', 'Nutanix']);
  });
});

describe('signoffsToRetest', () => {
  it('answers each distribution whose latest sign-off is on an older RC', () => {
    const aws = signoff('AWS', 1);
    const azureOld = signoff('Azure', 0, 'blocked');
    const azure = signoff('Azure', 1, 'blocked');
    expect(signoffsToRetest([aws, azureOld, azure], 2)).toEqual([aws, azure]);
  });

  it('answers nobody when the RC is not newer than every sign-off', () => {
    expect(signoffsToRetest([signoff('AWS', 2)], 2)).toEqual([]);
    expect(signoffsToRetest([], 3)).toEqual([]);
  });
});

import { dependencyMatrix, formatInterval, parseRange } from '../../src/domain/dependency-ranges';
import { parseDependencyList } from '../../src/domain/dependency-list-schema';
import { loadDependencyList } from '../../src/workflows/load-dependency-list';
import { parseExpectedVersion, sameVersion } from '../../src/domain/expected-version';

const read = (range: string) => {
  const parsed = parseRange(range);
  return parsed.ok ? formatInterval(parsed.interval) : `error: ${parsed.problem}`;
};

describe('supported version ranges', () => {
  it.each([
    ['>=1.29 <1.32', '>=1.29 <1.32'],
    ['>= 1.29, < 1.32', '>=1.29 <1.32'],
    ['>=3.9,<3.13', '>=3.9 <3.13'],
    ['1.29.x', '>=1.29 <1.30'],
    ['1.29.*', '>=1.29 <1.30'],
    ['1.29', '>=1.29 <1.30'],
    ['1.x', '>=1.0 <2.0'],
    ['^1.29', '>=1.29 <2.0'],
    ['^0.16', '>=0.16 <0.17'],
    ['~1.29.2', '>=1.29.2 <1.30'],
    ['>1.29', '>=1.30'],
    ['>1.29.3', '>1.29.3'],
    ['<=1.31', '<1.32'],
    ['v1.29.3', '=1.29.3'],
    ['>=2.39', '>=2.39'],
  ])('reads %s as %s', (range, interval) => {
    expect(read(range)).toBe(interval);
  });

  it.each([
    ['', 'error: The range is empty: e.g. >=1.29 <1.32, 1.29.x or ^1.29.'],
    ['>=1.32 <1.29', 'error: No version satisfies ">=1.32 <1.29": its bounds exclude each other.'],
    [
      '>=1.29 || >=1.31',
      'error: Give one range, not alternatives ("||"): e.g. >=1.29 <1.32, 1.29.x or ^1.29.',
    ],
    [
      'latest',
      'error: "latest" is not a version: write numbers separated by dots, e.g. 1.29 or v1.29.3 (e.g. >=1.29 <1.32, 1.29.x or ^1.29).',
    ],
    [
      '1.x.3',
      'error: "1.x.3" is not a version: write numbers separated by dots, e.g. 1.29 or v1.29.3 (e.g. >=1.29 <1.32, 1.29.x or ^1.29).',
    ],
    [
      '>=1.29.x',
      'error: a wildcard goes without an operator: write 1.29.x or >=1.29 (e.g. >=1.29 <1.32, 1.29.x or ^1.29).',
    ],
  ])('refuses %j, saying why', (range, problem) => {
    expect(read(range)).toBe(problem);
  });

  it('flags the dependencies whose ranges share no version, pair by pair, and gives the common range of the others', () => {
    const rows = dependencyMatrix({
      dependencies: [
        { id: 'kubernetes', name: 'Kubernetes' },
        { id: 'istio', name: 'Istio' },
        { id: 'dex', name: 'Dex' },
      ],
      declarations: [
        { wg: 'Notebooks', ranges: { kubernetes: '>=1.29 <1.32', istio: '1.24.x' } },
        { wg: 'Pipelines', ranges: { kubernetes: '>=1.31', istio: '>=1.26' } },
        { wg: 'Training', ranges: { kubernetes: '<=1.31', istio: '^1.24' } },
      ],
    });
    expect(rows.map((r) => [r.name, r.common, r.conflicts])).toEqual([
      ['Kubernetes', '>=1.31 <1.32', []],
      ['Istio', null, [['Notebooks', 'Pipelines']]],
      ['Dex', null, []],
    ]);
    // A range ending where another starts (exclusive) shares nothing with it.
    const edge = dependencyMatrix({
      dependencies: [{ id: 'python', name: 'Python' }],
      declarations: [
        { wg: 'A', ranges: { python: '<3.12' } },
        { wg: 'B', ranges: { python: '>=3.12' } },
      ],
    });
    expect(edge[0]?.conflicts).toEqual([['A', 'B']]);
  });
});

describe('expected final versions', () => {
  it.each([
    ['v1.10.0', { ok: true, version: 'v1.10.0' }],
    ['2.5.0', { ok: true, version: '2.5.0' }],
    ['knative-v1.16.4', { ok: true, version: 'knative-v1.16.4' }],
    [
      'v1.10.0-rc.1',
      {
        ok: false,
        problem:
          '"v1.10.0-rc.1" is a pre-release: give the version the final release will have, e.g. v1.10.0.',
      },
    ],
    ['latest', { ok: false, problem: '"latest" is not a version: write it like v1.10.0 or 2.5.0.' }],
  ])('reads %s', (text, expected) => {
    expect(parseExpectedVersion(text)).toEqual(expected);
  });

  it.each([
    ['v1.16', '1.16.0', true],
    ['knative-v1.16.4', 'v1.16.4', true],
    ['v1.10.0', 'v1.10.1', false],
    ['v1.10.0', 'v1.10.0-rc.1', false],
  ])('%s and %s are the same version: %s', (a, b, same) => {
    expect(sameVersion(a, b)).toBe(same);
  });
});

describe('config/dependencies.yml', () => {
  it('ships a list that reads, with the dependencies the handbook names', () => {
    const list = loadDependencyList();
    expect(list.dependencies.map((d) => d.name)).toEqual([
      'Kubernetes',
      'Istio',
      'Knative',
      'cert-manager',
      'Dex',
      'oauth2-proxy',
      'Python',
    ]);
  });

  it('lists every problem of a broken file at once', () => {
    const parsed = parseDependencyList(
      {
        dependencies: [
          { id: 'Kubernetes', name: 'Kubernetes', example: '>=1.32 <1.29' },
          { id: 'istio', name: '' },
          { id: 'istio', name: 'Istio', extra: true },
        ],
      },
      'dependencies.yml',
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        'dependencies.yml: dependencies.0.id: use lower-case letters, digits and dashes, e.g. cert-manager',
        'dependencies.yml: dependencies.0.example: is not a range kfrelease can read',
        'dependencies.yml: dependencies.1.name: must not be empty',
        'dependencies.yml: dependencies.2: Unrecognized key: "extra"',
        'dependencies.yml: dependencies: two dependencies have the same id',
      ],
    });
  });
});

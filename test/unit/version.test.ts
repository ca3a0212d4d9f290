import {
  compareVersions,
  formatVersionPattern,
  isFinalVersion,
  parseVersion,
  type ParsedVersion,
} from '../../src/domain/version';

function parsed(input: string): ParsedVersion {
  const result = parseVersion(input);
  if (!result.ok) throw new Error(result.error);
  return result.version;
}

describe('parseVersion', () => {
  it.each([
    // input, scheme, major, minor, patch, rc, canonical
    ['v1.10.0', 'semver', 1, 10, 0, null, 'v1.10.0'],
    ['v1.10.0-rc.1', 'semver', 1, 10, 0, 1, 'v1.10.0-rc.1'],
    ['v1.8-rc.0', 'semver', 1, 8, null, 0, 'v1.8-rc.0'],
    ['v0.0.1', 'semver', 0, 0, 1, null, 'v0.0.1'],
    ['v2.0.10-rc.12', 'semver', 2, 0, 10, 12, 'v2.0.10-rc.12'],
    ['26.03', 'calver', 26, 3, null, null, '26.03'],
    ['26.10', 'calver', 26, 10, null, null, '26.10'],
    ['26.10.1', 'calver', 26, 10, 1, null, '26.10.1'],
    ['26.03-rc.1', 'calver', 26, 3, null, 1, '26.03-rc.1'],
  ] as const)('reads %s', (input, scheme, major, minor, patch, rc, canonical) => {
    expect(parseVersion(input)).toEqual({
      ok: true,
      version: { input, scheme, major, minor, patch, rc, canonical, notes: [] },
    });
  });

  it.each([
    ['1.9.0-rc.2', 'v1.9.0-rc.2', /no leading 'v'/],
    ['v1.8.1-rc0', 'v1.8.1-rc.0', /missing dot before the RC number/],
    ['V1.2.3', 'v1.2.3', /upper-case 'V'/],
    ['v1.2.3-RC.4', 'v1.2.3-rc.4', /"RC" as "rc"/],
    ['1.8-rc.0', 'v1.8-rc.0', /no leading 'v'/],
    ['26.03-rc1', '26.03-rc.1', /missing dot/],
  ])('normalises the real-world form %s to %s and says so', (input, canonical, note) => {
    const version = parsed(input);
    expect(version.canonical).toBe(canonical);
    expect(version.notes.join(' ')).toMatch(note);
  });

  it.each([' v1.10.0 ', '\tv1.10.0\n'])('trims surrounding whitespace in %j without a note', (input) => {
    expect(parsed(input)).toMatchObject({ input, canonical: 'v1.10.0', notes: [] });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    [`v1.2.${'9'.repeat(40)}`, /longer than 40 characters/],
    ['v01.2.3', /"01" has a leading zero/],
    ['v1.02.3', /"02" has a leading zero/],
    ['v1.2.3-rc.01', /"01" has a leading zero/],
    ['v26.03', /without a "v"/],
    ['v1.2', /no patch number.*v1\.2\.0/],
    ['1.2', /no patch number/],
    ['v1.2.3-beta.1', /only pre-release label .* -rc\.N/],
    ['v1.2.3-alpha', /only pre-release label/],
    ['v1.2.3+build.5', /build metadata/],
    ['v1.2.3-rc.1+abc', /build metadata/],
    ['v1 .2.3', /spaces/],
    ['v1.2.3 rc1', /spaces/],
    ['https://github.jparrowsec.cn/kubeflow/manifests/releases/tag/v1.9.0', /URL/],
    ['kubeflow/manifests@v1.9.0', /URL or a path/],
    ['v1.2.3.4', /numbers separated by dots/],
    ['latest', /numbers separated by dots/],
    ['v1.2.x', /numbers separated by dots/],
    ['26.13', /month "13".*01 to 12/],
    ['26.00', /month "00"/],
    ['26.03.1-rc.1', /no patch number \(26\.03-rc\.1\)/],
    ['26.03.01', /"01" has a leading zero/],
  ])('refuses %j', (input, problem) => {
    const result = parseVersion(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(problem);
    expect(result.error).toMatch(/Write it like this: .*v1\.10\.0/);
  });
});

describe('bounded version numbers', () => {
  it.each([
    ['v999999999999999999999.0.0', 'major', 21],
    ['v1.9999999999.0', 'minor', 10],
    ['v1.10.1000000000', 'patch', 10],
    ['v1.10.0-rc.99999999999', 'RC', 11],
    ['26.03.1000000000', 'patch', 10],
    ['26.03-rc.1000000000', 'RC', 10],
  ])('%s is refused, naming the %s number and the limit (was: read as 1e+21)', (input, name, digits) => {
    const result = parseVersion(input);
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining(
        `its ${name} number has ${digits} digits, and a version number has at most 9`,
      ) as unknown,
    });
    expect(result.ok ? '' : result.error).not.toMatch(/e\+/);
  });

  it('a 22-digit version is refused (was: accepted as v1e+21.0.0)', () => {
    const result = parseVersion('v999999999999999999999.0.0');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toBe(
      '"v999999999999999999999.0.0" is not a valid version: its major number has 21 digits, and a version number has at most 9. Write it like this: for example v1.10.0, v1.10.0-rc.1, 26.03 or 26.03-rc.1.',
    );
  });

  it.each([
    ['v999999999.999999999.999999999', 'v999999999.999999999.999999999'],
    ['v1.10.0-rc.999999999', 'v1.10.0-rc.999999999'],
    ['26.03.999999999', '26.03.999999999'],
  ])('nine digits are still read in full: %s', (input, canonical) => {
    expect(parsed(input).canonical).toBe(canonical);
  });
});

describe('isFinalVersion', () => {
  it.each([
    ['v1.10.0', true],
    ['v1.10.0-rc.0', false],
    ['26.03', true],
    ['26.03-rc.2', false],
  ])('%s -> %s', (input, final) => {
    expect(isFinalVersion(parsed(input))).toBe(final);
  });
});

describe('compareVersions', () => {
  it.each([
    ['v1.9.0', 'v1.10.0', -1],
    ['v1.10.0', 'v1.9.1', 1],
    ['v1.10.0', 'v1.10.0', 0],
    ['v1.10.0-rc.0', 'v1.10.0-rc.1', -1],
    ['v1.10.0-rc.3', 'v1.10.0', -1],
    ['v1.10.0', 'v1.10.0-rc.3', 1],
    ['v1.8-rc.0', 'v1.8.0-rc.0', 0],
    ['v1.8-rc.2', 'v1.8.1-rc.0', -1],
    ['v2.0.0-rc.0', 'v1.99.99', 1],
    ['26.03', '26.10', -1],
    ['26.03.1', '26.03', 1],
    ['26.03-rc.2', '26.03', -1],
    ['25.10.3', '26.03-rc.1', -1],
  ])('%s vs %s -> %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(parsed(a), parsed(b)))).toBe(sign);
  });

  it('sorts a shuffled list', () => {
    const list = ['v1.10.0', 'v1.9.0-rc.1', 'v1.10.0-rc.2', 'v1.9.0', 'v1.10.0-rc.10', 'v1.9.1'];
    const sorted = list.map(parsed).sort(compareVersions);
    expect(sorted.map((v) => v.canonical)).toEqual([
      'v1.9.0-rc.1',
      'v1.9.0',
      'v1.9.1',
      'v1.10.0-rc.2',
      'v1.10.0-rc.10',
      'v1.10.0',
    ]);
  });

  it('refuses to compare a SemVer with a calendar version', () => {
    expect(() => compareVersions(parsed('v1.10.0'), parsed('26.03'))).toThrow(/Cannot compare v1\.10\.0/);
  });
});

describe('formatVersionPattern', () => {
  it.each([
    ['v{major}.{minor}-branch', 'v1.10.0', undefined, 'v1.10-branch'],
    ['v{major}.{minor}.{patch}-rc.{n}', 'v1.10.0', 2, 'v1.10.0-rc.2'],
    ['v{major}.{minor}.{patch}-rc.{n}', 'v1.10.0-rc.3', undefined, 'v1.10.0-rc.3'],
    ['v{major}.{minor}.{patch}-rc.{n}', 'v1.8-rc.0', 1, 'v1.8.0-rc.1'],
    ['v{major}.{minor}.{patch}', 'v1.10.1', undefined, 'v1.10.1'],
    ['release-{yy}.{mm}', '26.03', undefined, 'release-26.03'],
    ['{yy}.{mm}-rc.{n}', '26.03', 1, '26.03-rc.1'],
    ['{yy}.{mm}', '26.10.1', undefined, '26.10'],
    ['{yy}.{mm}.{patch}', '26.10.1', undefined, '26.10.1'],
    ['no placeholders', 'v1.0.0', undefined, 'no placeholders'],
  ])('fills %s from %s (n=%s)', (pattern, version, n, expected) => {
    expect(formatVersionPattern(pattern, parsed(version), n)).toBe(expected);
  });

  it('throws when {n} is needed and no RC number is known', () => {
    expect(() => formatVersionPattern('v{major}.{minor}.{patch}-rc.{n}', parsed('v1.10.0'))).toThrow(
      /needs an RC number/,
    );
  });
});

import { baseVersionOf, parseCriterion, patchVersionProblem } from '../../src/domain/patch-criteria';
import { parseVersion, type ParsedVersion } from '../../src/domain/version';

const v = (text: string): ParsedVersion => {
  const parsed = parseVersion(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.version;
};

describe("the handbook's criteria for a patch release", () => {
  it.each([
    ['bug', 'bug_fix'],
    ['Bug-Fix', 'bug_fix'],
    ['important-bug-fix', 'bug_fix'],
    ['security', 'security_fix'],
    ['CVE', 'security_fix'],
    ['docs', 'documentation'],
    ['documentation', 'documentation'],
    ['feature', null],
    ['', null],
  ])('reads %j', (word, criterion) => {
    expect(parseCriterion(word)).toBe(criterion);
  });
});

describe('patch versions', () => {
  it.each([
    ['v1.10.1', 'v1.10.0'],
    ['v1.10.12', 'v1.10.0'],
    ['26.03.1', '26.03'],
  ])('%s patches %s', (patch, base) => {
    expect(baseVersionOf(v(patch))).toBe(base);
  });

  it.each([
    ['the first patch', 'v1.10.1', [], null],
    ['the next patch', 'v1.10.3', [1, 2], null],
    ['a calendar patch', '26.03.1', [], null],
    ['a minor release', 'v1.10.0', [], 'is not a patch version: a patch release of v1.10.0 is v1.10.1'],
    ['a calendar base release', '26.03', [], 'a patch release of 26.03 is 26.03.1'],
    ['a release candidate', 'v1.10.1-rc.0', [], 'is a release candidate'],
    ['a skipped patch', 'v1.10.3', [1], 'open v1.10.2 before v1.10.3'],
  ])('%s', (_case, version, opened, problem) => {
    const found = patchVersionProblem(v(version), opened);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

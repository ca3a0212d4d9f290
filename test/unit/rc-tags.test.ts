import {
  artifactTiming,
  chooseReleaseTags,
  latestRc,
  matchReleaseTag,
  rcTagPrefixes,
  type ArtifactTiming,
} from '../../src/domain/rc-tags';
import { parseVersion, type ParsedVersion } from '../../src/domain/version';

function version(text: string): ParsedVersion {
  const parsed = parseVersion(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.version;
}

const V1_10 = version('v1.10.0');
/** What the handbook template's plan expects for v1.10.0. */
const PLANNED = new Map<string, string | null>([
  ['release_branch', 'v1.10-branch'],
  ['rc.0', 'v1.10.0-rc.0'],
  ['rc.1', 'v1.10.0-rc.1'],
  ['rc.2', 'v1.10.0-rc.2'],
  ['rc.3', 'v1.10.0-rc.3'],
  ['release', 'v1.10.0'],
]);

describe('rcTagPrefixes', () => {
  it.each([
    ['v1.10.0', ['v1.10', '1.10']],
    ['v1.8.1', ['v1.8', '1.8']],
    ['26.03', ['26.03']],
  ])('lists the tags of %s under %j', (release, prefixes) => {
    expect(rcTagPrefixes(version(release))).toEqual(prefixes);
  });
});

describe('matchReleaseTag', () => {
  it.each([
    ['v1.10.0-rc.0', 'rc.0', 0, 'v1.10.0-rc.0', null],
    ['v1.10.0', 'release', null, 'v1.10.0', null],
    ['v1.10-rc.1', 'rc.1', 1, 'v1.10.0-rc.1', "no patch number, the handbook's vX.Y-rc.N form"],
    ['1.10.0-rc.2', 'rc.2', 2, 'v1.10.0-rc.2', 'no leading v'],
    ['v1.10.0-rc0', 'rc.0', 0, 'v1.10.0-rc.0', 'no dot before the RC number'],
    ['V1.10.0-RC.3', 'rc.3', 3, 'v1.10.0-rc.3', 'an upper-case V, an upper-case RC'],
    ['1.10.0', 'release', null, 'v1.10.0', 'no leading v'],
    ['v1.10.0-rc.4', 'rc.4', 4, 'v1.10.0-rc.4', null],
  ])('reads %s as %s', (name, key, rc, normalized, odd) => {
    const match = matchReleaseTag(name, V1_10, PLANNED);
    expect(match).toMatchObject({ key, rc, name, normalized });
    if (odd === null) expect(match?.note).toBeNull();
    else expect(match?.note).toBe(`Found as "${name}" (${odd}), read as ${normalized}.`);
  });

  it.each([
    ['v1.10.1-rc.0', 'an RC of the patch release'],
    ['v1.10.1', 'the patch release'],
    ['v1.1.0-rc.1', 'another minor version'],
    ['v1.100.0-rc.1', 'a version the prefix v1.10 also lists'],
    ['v2.10.0-rc.1', 'another major version'],
    ['v1.10', 'a bare minor version'],
    ['v1.10.0-rc.1-fixed', 'a name that is no version'],
    ['v1.10-branch', 'the release branch'],
  ])('ignores %s (%s)', (name) => {
    expect(matchReleaseTag(name, V1_10, PLANNED)).toBeNull();
  });

  it('reads the RCs of a patch release only with their patch number', () => {
    const patch = version('v1.8.1');
    expect(matchReleaseTag('v1.8.1-rc0', patch)).toMatchObject({ key: 'rc.0', normalized: 'v1.8.1-rc.0' });
    expect(matchReleaseTag('v1.8-rc.0', patch)).toBeNull();
    expect(matchReleaseTag('v1.8.0-rc.0', patch)).toBeNull();
  });

  it('reads calendar-versioned RCs and ignores those of other months', () => {
    const calver = version('26.03');
    expect(matchReleaseTag('26.03-rc.1', calver)).toMatchObject({ key: 'rc.1', note: null });
    expect(matchReleaseTag('26.03-rc2', calver)).toMatchObject({ key: 'rc.2', normalized: '26.03-rc.2' });
    expect(matchReleaseTag('26.03', calver)).toMatchObject({ key: 'release', note: null });
    expect(matchReleaseTag('26.04-rc.1', calver)).toBeNull();
    expect(matchReleaseTag('26.03.1', calver)).toBeNull();
  });

  it('notes a spelling the plan does not use even when nothing else is odd', () => {
    const plannedShort = new Map([['rc.1', 'v1.10-rc.1']]);
    expect(matchReleaseTag('v1.10.0-rc.1', V1_10, plannedShort)?.note).toBe(
      'Found as "v1.10.0-rc.1", read as v1.10-rc.1.',
    );
  });
});

describe('chooseReleaseTags', () => {
  const tag = (name: string) => ({ name, sha: `sha-${name}` });

  it('prefers the planned spelling, then one without slips, and leaves other versions out', () => {
    const chosen = chooseReleaseTags(
      [tag('1.10.0-rc.1'), tag('v1.10.0-rc.1'), tag('v1.10-rc.2'), tag('1.10.0-rc.2'), tag('v1.10.1-rc.0')],
      V1_10,
      PLANNED,
    );
    expect([...chosen.keys()].sort()).toEqual(['rc.1', 'rc.2']);
    expect(chosen.get('rc.1')).toMatchObject({
      name: 'v1.10.0-rc.1',
      note: null,
      tag: { sha: 'sha-v1.10.0-rc.1' },
    });
    expect(chosen.get('rc.2')?.name).toBe('1.10.0-rc.2');
  });
});

describe('artifactTiming', () => {
  const at = (dueOn: string, foundOn: string | null, today: string, optional = false): ArtifactTiming =>
    artifactTiming({ dueOn, optional, foundOn, today });

  it.each<[string, ArtifactTiming, ArtifactTiming]>([
    ['not due yet', at('2026-05-22', null, '2026-05-12'), { state: 'upcoming', daysLeft: 10, daysLate: 0 }],
    ['due today', at('2026-05-22', null, '2026-05-22'), { state: 'due', daysLeft: 0, daysLate: 0 }],
    [
      'missing the day after',
      at('2026-05-22', null, '2026-05-23'),
      { state: 'missing', daysLeft: -1, daysLate: 1 },
    ],
    [
      'missing a week on',
      at('2026-05-22', null, '2026-05-29'),
      { state: 'missing', daysLeft: -7, daysLate: 7 },
    ],
    [
      'an optional one never cut',
      at('2026-06-12', null, '2026-06-15', true),
      { state: 'skipped', daysLeft: -3, daysLate: 0 },
    ],
    [
      'found early',
      at('2026-05-22', '2026-05-20', '2026-05-25'),
      { state: 'found', daysLeft: -3, daysLate: 0 },
    ],
    [
      'found late',
      at('2026-05-22', '2026-05-25', '2026-05-26'),
      { state: 'found', daysLeft: -4, daysLate: 3 },
    ],
  ])('%s', (_case, timing, expected) => {
    expect(timing).toEqual(expected);
  });
});

describe('latestRc', () => {
  it('answers the highest RC number, never the branch or the final tag', () => {
    const rows = [
      { key: 'release_branch', rc: null },
      { key: 'rc.2', rc: 2 },
      { key: 'rc.10', rc: 10 },
      { key: 'release', rc: null },
    ];
    expect(latestRc(rows)?.key).toBe('rc.10');
    expect(latestRc([{ key: 'release_branch', rc: null }])).toBeNull();
  });
});

import {
  evaluateRevision,
  versionBump,
  type RevisionFacts,
  type RevisionVerdict,
} from '../../src/domain/revision-policy';

const SHA = 'a'.repeat(40);
const RELEASE = {
  body: '## Changelog\n\n* Fix culling',
  url: 'https://github.com/kubeflow/kubeflow/releases/tag/v1.10.1',
};
const PREVIOUS = { revision: 'v1.10.0', version: 'v1.10.0', sha: 'b'.repeat(40) };
const COMMITS = [{ sha: 'c'.repeat(40), message: 'Fix culling (#11)' }];
const tag = (name: string) => ({ kind: 'tag' as const, name, sha: SHA });
const ahead = { status: 'ahead' as const, commits: COMMITS };

/** A tag v1.10.1 with a published release, submitted during the freeze as the first freeze revision. */
function facts(overrides: Partial<RevisionFacts> = {}): RevisionFacts {
  return {
    revision: 'v1.10.1',
    resolved: tag('v1.10.1'),
    release: RELEASE,
    freeze: true,
    previous: null,
    comparison: null,
    pullRequests: [],
    ...overrides,
  };
}

const before = (overrides: Partial<RevisionFacts>) => facts({ freeze: false, ...overrides });
const after = (name: string, overrides: Partial<RevisionFacts> = {}) =>
  facts({ revision: name, resolved: tag(name), previous: PREVIOUS, comparison: ahead, ...overrides });

/** The parts of a verdict a row checks: outcome, then the problem or the reasons and warnings. */
function summary(verdict: RevisionVerdict) {
  if (verdict.outcome === 'refused') return { outcome: verdict.outcome, text: verdict.problem };
  return {
    outcome: verdict.outcome,
    text: [...verdict.review.reasons, ...verdict.warnings].join(' | '),
  };
}

describe('evaluateRevision', () => {
  it.each<[string, RevisionFacts, RevisionVerdict['outcome'], string]>([
    ['an unknown revision', facts({ resolved: null }), 'refused', 'is not a tag, branch or commit'],
    [
      'a branch before the freeze',
      before({ revision: 'main', resolved: { kind: 'branch', name: 'main', sha: SHA } }),
      'accepted',
      '`main` is a branch, recorded as commit aaaaaaaaaaaa. A tag is preferred',
    ],
    [
      'a commit before the freeze',
      before({ revision: 'aaaaaaa', resolved: { kind: 'commit', name: SHA, sha: SHA } }),
      'accepted',
      'is a commit, recorded as commit aaaaaaaaaaaa',
    ],
    [
      'a branch during the freeze',
      facts({ revision: 'main', resolved: { kind: 'branch', name: 'main', sha: SHA } }),
      'refused',
      '`main` is a branch. From Feature Freeze on, give a tag with a published GitHub release',
    ],
    [
      'a commit during the freeze',
      facts({ revision: 'aaaaaaa', resolved: { kind: 'commit', name: SHA, sha: SHA } }),
      'refused',
      'is a commit. From Feature Freeze on',
    ],
    ['a tag with a release before the freeze', before({}), 'accepted', ''],
    [
      'a tag without a release before the freeze',
      before({ release: null }),
      'accepted',
      'has no published GitHub release yet',
    ],
    ['a tag with a release during the freeze', facts(), 'accepted', ''],
    [
      'a tag without a release during the freeze',
      facts({ release: null }),
      'refused',
      'no published GitHub release',
    ],
    [
      'an empty release body',
      facts({ release: { ...RELEASE, body: '' } }),
      'refused',
      'has an empty description',
    ],
    [
      'a blank release body',
      facts({ release: { ...RELEASE, body: ' \n\t' } }),
      'refused',
      'empty description',
    ],
    [
      'a release without a body',
      facts({ release: { ...RELEASE, body: null } }),
      'refused',
      'empty description',
    ],
    [
      'a tag that is not a version during the freeze',
      facts({ revision: 'latest', resolved: tag('latest') }),
      'refused',
      'Tag `latest` is not a version',
    ],
    [
      'a tag that is not a version before the freeze',
      before({ revision: 'latest', resolved: tag('latest') }),
      'accepted',
      '',
    ],
    [
      'a version tag without the v',
      facts({ revision: '1.10.1', resolved: tag('1.10.1') }),
      'accepted',
      "Tag read as v1.10.1: no leading 'v': added one.",
    ],
    [
      'the first freeze revision, whatever its version',
      facts({ revision: 'v1.11.0', resolved: tag('v1.11.0') }),
      'accepted',
      '',
    ],
    ['a patch that descends from the previous one', after('v1.10.1'), 'accepted', ''],
    [
      'the previous one again',
      after('v1.10.0', { comparison: { status: 'identical', commits: [] } }),
      'accepted',
      '',
    ],
    [
      'a final version after its release candidate',
      after('v1.10.0', { previous: { ...PREVIOUS, revision: 'v1.10.0-rc.2', version: 'v1.10.0-rc.2' } }),
      'accepted',
      '',
    ],
    [
      'a minor bump',
      after('v1.11.0'),
      'needs_exception',
      'The minor version moved from v1.10.0 to v1.11.0; after the freeze only patch or RC numbers may move.',
    ],
    ['a major bump', after('v2.0.0'), 'needs_exception', 'The major version moved from v1.10.0 to v2.0.0'],
    [
      'a tag that diverged',
      after('v1.10.1', { comparison: { status: 'diverged', commits: COMMITS } }),
      'needs_exception',
      'It does not descend from the previous revision `v1.10.0` (diverged), so it may carry more than bug fixes.',
    ],
    [
      'a tag behind the previous one',
      after('v1.10.1', { comparison: { status: 'behind', commits: [] } }),
      'needs_exception',
      '(behind)',
    ],
    [
      'a tag GitHub cannot compare',
      after('v1.10.1', { comparison: null }),
      'needs_exception',
      'GitHub cannot compare it with the previous revision `v1.10.0`.',
    ],
    [
      'a diverged minor bump, with both reasons',
      after('v1.11.0', { comparison: { status: 'diverged', commits: COMMITS } }),
      'needs_exception',
      '(diverged), so it may carry more than bug fixes. | The minor version moved',
    ],
  ])('%s', (_case, input, outcome, text) => {
    const verdict = summary(evaluateRevision(input));
    expect(verdict.outcome).toBe(outcome);
    if (text === '') expect(verdict.text).toBe('');
    else expect(verdict.text).toContain(text);
  });

  it('keeps what the release manager needs to review: commits, pull requests, changelog, previous revision', () => {
    const verdict = evaluateRevision(
      after('v1.11.0', {
        pullRequests: [
          { number: 12, title: 'GPU picker', url: 'https://github.com/k/k/pull/12', labels: [] },
        ],
      }),
    );
    expect(verdict).toMatchObject({
      outcome: 'needs_exception',
      kind: 'tag',
      sha: SHA,
      version: 'v1.11.0',
      review: {
        previous: 'v1.10.0',
        commits: COMMITS,
        releaseUrl: RELEASE.url,
        pullRequests: [{ number: 12, flagged: true }],
      },
    });
  });

  it.each<[string[], boolean]>([
    [['kind/bug'], false],
    [['bug'], false],
    [['kind/bugfix'], false],
    [['fix'], false],
    [['Fix'], false],
    [['area/docs'], false],
    [['kind/documentation'], false],
    [['kind/regression'], false],
    [['security'], false],
    [['cherry-pick-approved'], false],
    [['size/XS', 'kind/bug'], false],
    [[], true],
    [['kind/feature'], true],
    [['size/L', 'lgtm'], true],
    [['area/docker'], true],
    [['area/debug-tools'], true],
    [['prefix-caching'], true],
  ])('flags a pull request labelled %j: %s', (labels, flagged) => {
    const pr = { number: 1, title: 'Change', url: 'https://github.com/k/k/pull/1', labels };
    const verdict = evaluateRevision(after('v1.10.1', { pullRequests: [pr] }));
    expect(verdict.outcome === 'refused' ? null : verdict.review.pullRequests[0]?.flagged).toBe(flagged);
  });
});

describe('versionBump', () => {
  it.each<[string | null, string | null, string | null]>([
    [null, 'v1.10.0', null],
    ['v1.10.0', null, null],
    ['latest', 'v1.11.0', null],
    ['v1.10.0', 'v1.10.0', null],
    ['v1.10.0', 'v1.10.1', null],
    ['v1.10.0', 'v1.10.3', null],
    ['v1.10.0-rc.1', 'v1.10.0-rc.2', null],
    ['v1.10.0-rc.2', 'v1.10.0', null],
    ['v1.10.0', 'v1.10.1-rc.0', null],
    ['26.03', '26.03.1', null],
    ['26.03-rc.1', '26.03', null],
    ['v1.10.0', 'v1.11.0', 'The minor version moved from v1.10.0 to v1.11.0'],
    ['v1.10.1', 'v1.11.0-rc.0', 'The minor version moved from v1.10.1 to v1.11.0-rc.0'],
    ['v1.10.0', 'v1.9.0', 'The minor version moved from v1.10.0 to v1.9.0'],
    ['v1.10.0', 'v2.0.0', 'The major version moved from v1.10.0 to v2.0.0'],
    ['26.03', '26.04', 'The minor version moved from 26.03 to 26.04'],
    ['v1.10.0', '26.03', 'The version scheme changed from v1.10.0 to 26.03.'],
    ['v1.10.1', 'v1.10.0', 'The version moved back from v1.10.1 to v1.10.0'],
    ['v1.10.0', 'v1.10.0-rc.3', 'The version moved back from v1.10.0 to v1.10.0-rc.3'],
  ])('from %s to %s: %s', (previous, next, reason) => {
    const answer = versionBump(previous, next);
    if (reason === null) expect(answer).toBeNull();
    else expect(answer).toContain(reason);
  });
});

import { parseIssueReference, parseIssueReferences, referenceKey } from '../../src/domain/issue-reference';

describe('parseIssueReference', () => {
  it.each([
    ['kubeflow/pipelines#1234', 'kubeflow', 'pipelines', 1234],
    ['https://github.com/kubeflow/pipelines/issues/1234', 'kubeflow', 'pipelines', 1234],
    ['https://github.com/kserve/kserve/pull/42', 'kserve', 'kserve', 42],
    ['https://github.com/kserve/kserve/pull/42/files', 'kserve', 'kserve', 42],
    ['https://github.com/kubeflow/manifests/issues/7#issuecomment-1', 'kubeflow', 'manifests', 7],
    ['http://www.github.com/kubeflow/katib/issues/9?x=1', 'kubeflow', 'katib', 9],
    ['github.com/kubeflow/training-operator/pull/3', 'kubeflow', 'training-operator', 3],
    ['<https://github.com/kubeflow/kubeflow/issues/5>', 'kubeflow', 'kubeflow', 5],
    ['<https://github.com/kubeflow/kubeflow/issues/5|kubeflow#5>', 'kubeflow', 'kubeflow', 5],
    ['- kubeflow/model-registry#12', 'kubeflow', 'model-registry', 12],
    ['  GoogleCloudPlatform/kubeflow-distribution#8  ', 'GoogleCloudPlatform', 'kubeflow-distribution', 8],
    ['kubeflow/website.io#2', 'kubeflow', 'website.io', 2],
  ])('reads %s', (text, owner, repo, number) => {
    expect(parseIssueReference(text)).toEqual({ ok: true, ref: { owner, repo, number } });
  });

  it.each([
    ['1234', 'say which repository, e.g. kubeflow/pipelines#1234'],
    ['#1234', 'say which repository'],
    ['kubeflow/pipelines 1234', 'write it as kubeflow/pipelines#1234, without spaces'],
    ['kubeflow/pipelines#0', '0 is not an issue number'],
    ['kubeflow/pipelines#99999999999', 'is too large for an issue number, which has at most 9 digits'],
    [
      'https://github.com/kubeflow/pipelines/issues/999999999999999999999',
      '999999999999999999999 is too large for an issue number, which has at most 9 digits',
    ],
    [
      'https://github.com/kubeflow/pipelines/commit/abc123',
      'not an issue or pull request: paste a link ending in',
    ],
    ['https://github.com/kubeflow/pipelines', 'not an issue or pull request'],
    ['https://gitlab.com/kubeflow/pipelines/issues/1', 'not a github.com link'],
    ['-kubeflow/pipelines#1', '"-kubeflow/pipelines" is not a GitHub owner/repository name'],
    ['kubeflow/../x#1', 'is not a GitHub owner/repository name'],
    ['kubeflow/pipelines # 12', 'write it as kubeflow/pipelines#12'],
    ['please fix the dashboard', 'write owner/repo#123 or paste its GitHub link'],
  ])('explains what is wrong with %s', (text, problem) => {
    const parsed = parseIssueReference(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problem).toContain(problem);
  });
});

describe('bounded issue numbers', () => {
  it('a 21-digit issue number is refused (was: read as #1e+21)', () => {
    expect(parseIssueReference('kubeflow/pipelines#999999999999999999999')).toEqual({
      ok: false,
      problem: '999999999999999999999 is too large for an issue number, which has at most 9 digits.',
    });
  });

  it('nine digits are read in full', () => {
    expect(parseIssueReference('kubeflow/pipelines#999999999')).toEqual({
      ok: true,
      ref: { owner: 'kubeflow', repo: 'pipelines', number: 999999999 },
    });
  });
});

describe('parseIssueReferences', () => {
  it('reads one per line, skips blanks, keeps a repeat once and reports every bad line', () => {
    const lines = parseIssueReferences(
      [
        'kubeflow/pipelines#1',
        '',
        'nonsense',
        'https://github.com/Kubeflow/Pipelines/issues/1',
        'kubeflow/katib#2',
        '42',
      ].join('\n'),
    );
    expect(lines).toEqual([
      { line: 1, text: 'kubeflow/pipelines#1', ref: { owner: 'kubeflow', repo: 'pipelines', number: 1 } },
      { line: 3, text: 'nonsense', problem: expect.stringContaining('owner/repo#123') },
      { line: 5, text: 'kubeflow/katib#2', ref: { owner: 'kubeflow', repo: 'katib', number: 2 } },
      { line: 6, text: '42', problem: expect.stringContaining('say which repository') },
    ]);
  });

  it('keys references without case, as GitHub does', () => {
    expect(referenceKey({ owner: 'Kubeflow', repo: 'Pipelines', number: 3 })).toBe('kubeflow/pipelines#3');
  });
});

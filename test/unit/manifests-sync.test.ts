import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  manifestsPullTitle,
  revisionPatternProblem,
  setReadmeRevision,
  setScriptRevision,
  unifiedDiff,
} from '../../src/domain/manifests-sync';
import { missingPermissionText, missingScopeText } from '../../src/github/manifests-repo';
import { loadWorkingGroups } from '../../src/working-groups/load-working-groups';

const KNATIVE = [
  '#!/usr/bin/env bash',
  'KN_SERVING_RELEASE="knative-v1.16.0"',
  'KN_EXTENSION_RELEASE="knative-v1.16.0"',
  'KN_EVENTING_RELEASE="knative-v1.16.1"',
].join('\n');

describe('the revision line of a synchronization script', () => {
  it.each([
    [
      'COMMIT="v0.17.0" # You can use tags as well',
      'COMMIT="{revision}"',
      'v0.18.0',
      'COMMIT="v0.18.0" # You can use tags as well',
      'v0.17.0',
    ],
    ['COMMIT="2.4.0"', 'COMMIT="{revision}"', '2.5.0', 'COMMIT="2.5.0"', '2.4.0'],
    ['  COMMIT="v1.9.2"', 'COMMIT="{revision}"', 'v1.10.0', '  COMMIT="v1.10.0"', 'v1.9.2'],
    ['COMMIT=1.24.2', 'COMMIT={revision}', '1.24.3', 'COMMIT=1.24.3', '1.24.2'],
  ])('%s with %s becomes %s', (line, pattern, revision, expected, before) => {
    expect(setScriptRevision(`#!/bin/bash\n${line}\n`, pattern, revision)).toEqual({
      ok: true,
      text: `#!/bin/bash\n${expected}\n`,
      before,
      changed: true,
    });
  });

  it('changes only the line its pattern names (Knative keeps three revisions)', () => {
    const edit = setScriptRevision(KNATIVE, 'KN_EVENTING_RELEASE="{revision}"', 'knative-v1.16.4');
    expect(edit).toMatchObject({ ok: true, changed: true, before: 'knative-v1.16.1' });
    expect(edit.ok && edit.text.split('\n')).toEqual([
      '#!/usr/bin/env bash',
      'KN_SERVING_RELEASE="knative-v1.16.0"',
      'KN_EXTENSION_RELEASE="knative-v1.16.0"',
      'KN_EVENTING_RELEASE="knative-v1.16.4"',
    ]);
  });

  it('does not take PREVIOUS_COMMIT for COMMIT (Istio has both)', () => {
    const edit = setScriptRevision(
      'PREVIOUS_COMMIT="1.24.0"\nCOMMIT="1.24.2"',
      'COMMIT="{revision}"',
      '1.26.1',
    );
    expect(edit.ok && edit.text).toBe('PREVIOUS_COMMIT="1.24.0"\nCOMMIT="1.26.1"');
  });

  it.each([
    ['no line', 'KATIB_VERSION="v0.17.0"', 'no line looks like COMMIT="…"'],
    ['two lines', 'COMMIT="a"\nCOMMIT="b"', '2 lines look like COMMIT="…" (lines 1, 2)'],
  ])('refuses to guess when %s matches', (_what, text, problem) => {
    expect(setScriptRevision(text, 'COMMIT="{revision}"', 'v1')).toEqual({ ok: false, problem });
  });

  it.each([
    ['COMMIT="{revision}"', null],
    ['COMMIT=', 'must contain {revision} exactly once, e.g. COMMIT="{revision}"'],
    ['{revision}', 'must start with the variable the revision is assigned to, e.g. COMMIT="{revision}"'],
    ['A={revision} B={revision}', 'must contain {revision} exactly once, e.g. COMMIT="{revision}"'],
  ])('pattern %s: %s', (pattern, problem) => {
    expect(revisionPatternProblem(pattern)).toBe(problem);
  });
});

describe("the README's component table", () => {
  const README = [
    '| Component | Local Manifests Path | Upstream Revision |',
    '| - | - | - |',
    '| Knative | common/knative/knative-serving | [knative-v1.16.0](https://github.com/knative/serving/releases/tag/knative-v1.16.0) |',
    '| Kubeflow Pipelines | apps/pipeline/upstream | [2.4.0](https://github.com/kubeflow/pipelines/tree/2.4.0/manifests/kustomize) |',
    'See [pipelines](https://github.com/kubeflow/pipelines/tree/master/README.md) outside the table.',
  ].join('\n');

  it('points the rows linking to the repository at the new revision, and nothing else', () => {
    const edit = setReadmeRevision(README, 'kubeflow/pipelines', '2.5.0');
    expect(edit).toMatchObject({ ok: true, changed: true, before: '2.4.0' });
    expect(edit.ok && unifiedDiff('README.md', README, edit.text)).toBe(
      [
        '--- a/README.md',
        '+++ b/README.md',
        '@@ -4,1 +4,1 @@',
        '-| Kubeflow Pipelines | apps/pipeline/upstream | [2.4.0](https://github.com/kubeflow/pipelines/tree/2.4.0/manifests/kustomize) |',
        '+| Kubeflow Pipelines | apps/pipeline/upstream | [2.5.0](https://github.com/kubeflow/pipelines/tree/2.5.0/manifests/kustomize) |',
      ].join('\n'),
    );
  });

  it('follows release-tag links too', () => {
    const edit = setReadmeRevision(README, 'knative/serving', 'knative-v1.16.4');
    expect(edit.ok && edit.text).toContain(
      '[knative-v1.16.4](https://github.com/knative/serving/releases/tag/knative-v1.16.4)',
    );
  });

  it('says so when no row links to the repository', () => {
    expect(setReadmeRevision(README, 'kubeflow/katib', 'v0.18.0')).toEqual({
      ok: false,
      problem: 'no row of the component table links to github.com/kubeflow/katib',
    });
  });
});

describe('the pull request title', () => {
  it.each([
    ['v1.10.0', 'kubeflow/katib', 'v0.18.0', '[kubeflow 1.10] Update kubeflow/katib manifests from v0.18.0'],
    [
      '26.03',
      'knative/serving',
      'knative-v1.16.4',
      '[kubeflow 26.03] Update knative/serving manifests from knative-v1.16.4',
    ],
  ])('%s %s %s', (release, repo, revision, title) => {
    expect(manifestsPullTitle(release, repo, revision)).toBe(title);
  });
});

describe('what a person is told when the token lacks a permission', () => {
  it('names the fine-grained permission GitHub asked for', () => {
    expect(missingPermissionText('kubeflow/manifests', 'issues=write; pull_requests=write')).toBe(
      'GitHub refused the write to kubeflow/manifests: GITHUB_TOKEN lacks one of the permissions "Issues: Read and write" or "Pull requests: Read and write" (GitHub asked for issues=write; pull_requests=write). Give the token that permission on kubeflow/manifests (a classic token needs the public_repo scope), then try again.',
    );
  });

  it("names a classic token's missing scope", () => {
    expect(missingScopeText('kubeflow/manifests', 'public_repo, repo', 'read:org')).toBe(
      'GitHub refused the write to kubeflow/manifests: GITHUB_TOKEN is a classic token with only read:org, and the write needs the scope public_repo or repo. Add public_repo (repo for a private repository) to the token, or use a fine-grained token with "Contents" and "Pull requests" read and write, then try again.',
    );
  });
});

describe('manifests_sync in config/kubeflow.yml', () => {
  const write = (yaml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'kfrelease-manifests-sync-'));
    const file = join(dir, 'kubeflow.yml');
    writeFileSync(file, yaml);
    return file;
  };
  const GROUPS = `working_groups:
  - name: AutoML
    repos: [kubeflow/katib]
    components:
      - name: Katib
        repo: kubeflow/katib
`;

  it('is read as written, with the defaults filled in', () => {
    const file = write(`${GROUPS}manifests_sync:
  components:
    katib:
      repo: kubeflow/katib
      file: scripts/synchronize-katib-manifests.sh
      pattern: COMMIT="{revision}"
`);
    expect(loadWorkingGroups(file).manifests_sync).toEqual({
      readme: 'README.md',
      labels: ['release-sync'],
      components: {
        katib: {
          repo: 'kubeflow/katib',
          file: 'scripts/synchronize-katib-manifests.sh',
          pattern: 'COMMIT="{revision}"',
        },
      },
    });
  });

  it('lists every problem at once', () => {
    const file = write(`${GROUPS}manifests_sync:
  components:
    Katib:
      repo: kubeflow/katib
      file: ../outside.sh
      pattern: COMMIT=
    spark:
      repo: kubeflow/spark-operator
      file: scripts/synchronize-spark-operator-manifests.sh
      pattern: COMMIT="{revision}"
`);
    const problems = [
      'manifests_sync.components.Katib.file: must not climb out of the repository with ..',
      'manifests_sync.components.Katib.pattern: must contain {revision} exactly once, e.g. COMMIT="{revision}"',
      'manifests_sync.components.Katib: must be lower-case letters, digits and dashes, e.g. knative-serving',
      'manifests_sync.components.spark.repo: kubeflow/spark-operator is not a component repository of any working group',
    ];
    expect(() => loadWorkingGroups(file)).toThrow(problems.map((p) => `• ${file}: ${p}`).join('\n'));
  });

  it('refuses a component of a repository no working group delivers', () => {
    const file = write(`${GROUPS}manifests_sync:
  components:
    spark:
      repo: kubeflow/spark-operator
      file: scripts/synchronize-spark-operator-manifests.sh
      pattern: COMMIT="{revision}"
`);
    expect(() => loadWorkingGroups(file)).toThrow(
      `• ${file}: manifests_sync.components.spark.repo: kubeflow/spark-operator is not a component repository of any working group`,
    );
  });
});

import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acceptedAnyway, evaluateRevision } from '../../src/domain/revision-policy';
import {
  DEFAULT_REVISION_RULES,
  labelMatches,
  notBugFixOnly,
  rulesForRepository,
} from '../../src/domain/revision-rules';
import { describeTagPattern, readTagVersion, tagPatternProblem } from '../../src/domain/tag-pattern';
import { revisionRulesOf } from '../../src/working-groups/load-working-groups';
import { workingGroupsFileSchema } from '../../src/working-groups/working-groups-schema';

describe('readTagVersion: the version inside a tag of a repository shape', () => {
  it.each([
    ['knative-v1.16.4', 'knative-v{version}', 'v1.16.4', []],
    ['knative-v1.16.0-rc.1', 'knative-v{version}', 'v1.16.0-rc.1', []],
    ['2.5.0', '{version}', 'v2.5.0', []],
    ['1.24.2', '{version}', 'v1.24.2', []],
    ['26.03-rc.1', '{version}', '26.03-rc.1', []],
    ['v1.10.0', 'v{version}', 'v1.10.0', []],
    ['1.9.0-rc.2', 'v{version}', 'v1.9.0-rc.2', ["no leading 'v': added one"]],
    [
      'v1.16.4',
      'knative-v{version}',
      'v1.16.4',
      ["this repository's tags are named like knative-v1.10.0 (knative-v{version})"],
    ],
  ])('reads %s with %s as %s', (tag, pattern, canonical, notes) => {
    const read = readTagVersion(tag, pattern);
    expect(read).toMatchObject({ ok: true, version: { canonical, notes } });
  });

  it.each([
    ['knative-v1.16.0-hotfix', 'knative-v{version}'],
    ['notebooks-latest', 'v{version}'],
    ['knative-v1.16.4', '{version}'],
    ['knative-', 'knative-{version}'],
  ])('cannot read %s with %s', (tag, pattern) => {
    expect(readTagVersion(tag, pattern).ok).toBe(false);
  });

  it('describes a shape by two examples', () => {
    expect(describeTagPattern('knative-v{version}')).toBe('`knative-v1.10.0` or `knative-v1.10.0-rc.1`');
  });

  it.each([
    ['knative-v{version}', null],
    ['{version}', null],
    ['release-{version}', null],
    ['knative-v', 'must contain {version} exactly once, e.g. "knative-v{version}" or "{version}"'],
    ['{version}-{version}', 'must contain {version} exactly once, e.g. "knative-v{version}" or "{version}"'],
    ['v*{version}', 'may hold only letters, digits and . _ / - around {version}, e.g. "knative-v{version}"'],
  ])('pattern %s: %s', (pattern, problem) => {
    expect(tagPatternProblem(pattern)).toBe(problem);
  });
});

describe('the labels that count after the freeze', () => {
  const rules = rulesForRepository(DEFAULT_REVISION_RULES, 'kubeflow/katib');

  it.each([
    ['kind/bug', 'bug', true],
    ['area/docs', 'docs', true],
    ['Kind/Feature', 'kind/feature', true],
    ['area/docker', 'docs', false],
    ['debug-tools', 'bug', false],
    ['area/kind/feature', 'kind/feature', false],
  ])('label %s matches %s: %s', (label, name, matches) => {
    expect(labelMatches(label, name)).toBe(matches);
  });

  it.each([
    [['kind/bug'], null],
    [['area/docs'], null],
    [['chore'], null],
    [['kind/test'], null],
    [['kind/feature'], 'labelled kind/feature'],
    [['kind/bug', 'enhancement'], 'labelled enhancement'],
    [['area/backend'], 'no bug/fix/docs/test/chore label'],
    [[], 'no bug/fix/docs/test/chore label'],
  ])('pull request labelled %j: %s', (labels, why) => {
    expect(notBugFixOnly(labels, rules)).toBe(why);
  });
});

describe('evaluateRevision with a repository shape', () => {
  const knative = rulesForRepository(
    { ...DEFAULT_REVISION_RULES, tagPatterns: { 'knative/serving': 'knative-v{version}' } },
    'knative/serving',
  );
  const release = { body: '## Changelog', url: 'https://github.com/knative/serving/releases/tag/x' };
  const facts = (
    name: string,
    previous: { revision: string; version: string } | null,
    labels: string[][] = [],
  ) => ({
    revision: name,
    resolved: { kind: 'tag' as const, name, sha: 'a'.repeat(40) },
    release,
    freeze: true,
    previous: previous && { ...previous, sha: 'b'.repeat(40) },
    comparison: previous ? { status: 'ahead' as const, commits: [] } : null,
    pullRequests: labels.map((l, i) => ({
      number: i + 1,
      title: `PR ${i + 1}`,
      url: `u${i + 1}`,
      labels: l,
    })),
  });

  it('holds a patch step only for its pull requests', () => {
    const previous = { revision: 'knative-v1.16.4', version: 'v1.16.4' };
    expect(evaluateRevision(facts('knative-v1.16.5', previous, [['kind/bug']]), knative).outcome).toBe(
      'accepted',
    );
    const held = evaluateRevision(
      facts('knative-v1.16.5', previous, [['kind/bug'], ['kind/feature']]),
      knative,
    );
    expect(held.outcome === 'needs_exception' && held.review.reasons).toEqual([
      'A pull request since `knative-v1.16.4` is not bug-fix-only: #2 (labelled kind/feature). After the freeze only bug fixes, docs, tests and chores may ship.',
    ]);
  });

  it('lets the release manager overrule a refusal, keeping what the rules said as a warning', () => {
    const refused = evaluateRevision(facts('knative-v1.16.0-hotfix', null), knative);
    expect(refused.outcome).toBe('refused');
    const accepted = acceptedAnyway(refused);
    expect(accepted).toMatchObject({ outcome: 'accepted', kind: 'tag', version: null });
    expect(accepted.outcome === 'accepted' && accepted.warnings[0]).toMatch(
      /^Accepted by the release manager although the rules say: Tag `knative-v1.16.0-hotfix` is not a version/,
    );
  });
});

describe('tag_patterns and revision_rules in config/kubeflow.yml', () => {
  const shipped = parse(
    readFileSync(join(__dirname, '..', '..', 'config', 'kubeflow.yml'), 'utf8'),
  ) as Record<string, unknown>;

  it('reads the shipped file: Knative, Istio and Kubeflow Pipelines shapes, the default labels', () => {
    const rules = revisionRulesOf(workingGroupsFileSchema.parse(shipped));
    expect(rules.tagPatterns).toEqual({
      'kubeflow/pipelines': '{version}',
      'istio/istio': '{version}',
      'knative/serving': 'knative-v{version}',
      'knative/eventing': 'knative-v{version}',
    });
    expect(rules.featureLabels).toEqual(['kind/feature', 'feature', 'enhancement']);
    expect(rules.fixLabels).toContain('chore');
  });

  it('keeps the default labels when the file leaves them out', () => {
    const { revision_rules: _rules, ...rest } = shipped;
    const rules = revisionRulesOf(workingGroupsFileSchema.parse(rest));
    expect(rules).toMatchObject({
      featureLabels: DEFAULT_REVISION_RULES.featureLabels,
      fixLabels: DEFAULT_REVISION_RULES.fixLabels,
    });
  });

  it('names the problems of patterns and labels together', () => {
    const result = workingGroupsFileSchema.safeParse({
      ...shipped,
      tag_patterns: { 'knative/serving': 'knative-v', 'istio/istio': 'istio-{version}*' },
      revision_rules: { feature_labels: [] },
    });
    const problems = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems).toEqual([
      'tag_patterns.knative/serving: must contain {version} exactly once, e.g. "knative-v{version}" or "{version}"',
      'tag_patterns.istio/istio: may hold only letters, digits and . _ / - around {version}, e.g. "knative-v{version}"',
      'revision_rules.feature_labels: list at least one label, or leave the key out to keep the defaults',
    ]);
  });

  it('refuses a pattern for a repository no working group has', () => {
    const result = workingGroupsFileSchema.safeParse({
      ...shipped,
      tag_patterns: { 'knative/client': '{version}' },
    });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'tag_patterns.knative/client: knative/client is not a repository or component repository of any working group',
    ]);
  });
});

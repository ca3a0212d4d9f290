import { z } from 'zod';
import { DEFAULT_FEATURE_LABELS, DEFAULT_FIX_LABELS } from '../domain/revision-rules';
import { tagPatternProblem } from '../domain/tag-pattern';
import { manifestsSyncProblems, manifestsSyncSchema } from './manifests-sync-schema';

const repoName = z
  .string()
  .regex(
    /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/,
    'must be a GitHub repository written owner/name, e.g. kubeflow/katib',
  );

const tagPattern = z.string().superRefine((pattern, ctx) => {
  const problem = tagPatternProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const labels = z
  .array(z.string().trim().min(1, 'a label cannot be empty').max(50, 'a label has at most 50 characters'))
  .min(1, 'list at least one label, or leave the key out to keep the defaults');

const workingGroups = z
  .array(
    z.object({
      name: z.string().trim().min(1).max(60),
      repos: z.array(repoName).min(1),
      components: z
        .array(
          z.object({
            name: z.string().trim().min(1).max(80),
            repo: repoName,
            /** `common` marks third-party components the Manifests WG carries (Istio, Knative...). */
            kind: z.enum(['wg', 'common']).default('wg'),
          }),
        )
        .min(1),
    }),
  )
  .min(1)
  .superRefine((groups, ctx) => {
    const seen = new Set<string>();
    groups.forEach((group, index) => {
      const key = group.name.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `${group.name} is listed twice` });
      seen.add(key);
    });
  });

/** config/kubeflow.yml: the working groups, their repositories and components, and how revisions are read. */
export const workingGroupsFileSchema = z
  .object({
    /** The repository the release branch and RC tags are cut in. */
    manifests_repo: repoName.default('kubeflow/manifests'),
    /**
     * How a repository names its release tags, when not `v{version}` (v1.10.0, v1.10.0-rc.1):
     * `knative-v{version}` for knative/serving, `{version}` for istio/istio or a CalVer repository.
     */
    tag_patterns: z.record(repoName, tagPattern).default({}),
    /** Which pull request labels count once a repository has a freeze revision. */
    revision_rules: z
      .object({
        /** A pull request with one of these is a feature: the revision is held. */
        feature_labels: labels.default([...DEFAULT_FEATURE_LABELS]),
        /** A pull request needs one of these (and no feature label) to ship after the freeze. */
        fix_labels: labels.default([...DEFAULT_FIX_LABELS]),
      })
      .default({ feature_labels: [...DEFAULT_FEATURE_LABELS], fix_labels: [...DEFAULT_FIX_LABELS] }),
    working_groups: workingGroups,
    // --- manifests sync pull requests (see manifests-sync-schema.ts) ---
    /** Where each component's revision lives in the manifests repository, for the sync pull requests. */
    manifests_sync: manifestsSyncSchema,
  })
  // --- manifests sync pull requests: every component names a known repository ---
  .superRefine((file, ctx) => {
    const repos = new Set(file.working_groups.flatMap((g) => g.components.map((c) => c.repo.toLowerCase())));
    for (const issue of manifestsSyncProblems(file.manifests_sync, repos))
      ctx.addIssue({ code: 'custom', ...issue });
  })
  .superRefine((file, ctx) => {
    const known = new Set(
      file.working_groups.flatMap((g) =>
        [...g.repos, ...g.components.map((c) => c.repo)].map((r) => r.toLowerCase()),
      ),
    );
    for (const repo of Object.keys(file.tag_patterns)) {
      if (!known.has(repo.toLowerCase()))
        ctx.addIssue({
          code: 'custom',
          path: ['tag_patterns', repo],
          message: `${repo} is not a repository or component repository of any working group`,
        });
    }
  });

export type WorkingGroupsFile = z.infer<typeof workingGroupsFileSchema>;
export type WorkingGroupConfig = WorkingGroupsFile['working_groups'][number];

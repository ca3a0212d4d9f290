import { z } from 'zod';

const repoName = z
  .string()
  .regex(
    /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/,
    'must be a GitHub repository written owner/name, e.g. kubeflow/katib',
  );

/** config/kubeflow.yml: the working groups, their repositories and components. */
export const workingGroupsFileSchema = z.object({
  /** The repository the release branch and RC tags are cut in. */
  manifests_repo: repoName.default('kubeflow/manifests'),
  working_groups: z
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
    }),
});

export type WorkingGroupsFile = z.infer<typeof workingGroupsFileSchema>;
export type WorkingGroupConfig = WorkingGroupsFile['working_groups'][number];

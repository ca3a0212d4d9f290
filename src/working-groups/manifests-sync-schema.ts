import { z } from 'zod';
import { revisionPatternProblem } from '../domain/manifests-sync';

const repoName = z
  .string()
  .regex(
    /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/,
    'must be a GitHub repository written owner/name, e.g. kubeflow/katib',
  );

const filePath = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(
    /^[A-Za-z0-9_.][A-Za-z0-9_./-]*$/,
    'must be a path inside the repository, e.g. scripts/synchronize-katib-manifests.sh',
  )
  .refine((path) => !path.split('/').includes('..'), 'must not climb out of the repository with ..');

const revisionPattern = z.string().superRefine((pattern, ctx) => {
  const problem = revisionPatternProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A component key: the last part of its branch name, and what `/kfrelease manifests pr <component>` takes. */
const COMPONENT_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** `manifests_sync` in config/kubeflow.yml: where each component's revision lives in the manifests repository. */
export const manifestsSyncSchema = z
  .object({
    /** The file holding the component table the release publishes. */
    readme: filePath.default('README.md'),
    /** Labels every sync pull request gets. */
    labels: z.array(z.string().trim().min(1).max(50)).default(['release-sync']),
    /** The branch pull requests go to; the repository's default branch when not given. */
    base_branch: z.string().trim().min(1).max(100).optional(),
    components: z
      .record(
        z.string(),
        z.object({
          /** The upstream repository whose accepted revision is synced. */
          repo: repoName,
          /** The synchronization script, e.g. scripts/synchronize-katib-manifests.sh. */
          file: filePath,
          /** The script line holding the revision, {revision} where it stands: COMMIT="{revision}". */
          pattern: revisionPattern,
        }),
      )
      // Checked here rather than as the record's key schema, so a bad key and its values' problems show together.
      .superRefine((components, ctx) => {
        for (const key of Object.keys(components))
          if (!COMPONENT_KEY.test(key))
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: 'must be lower-case letters, digits and dashes, e.g. knative-serving',
            });
      })
      .default({}),
  })
  .default({ readme: 'README.md', labels: ['release-sync'], components: {} });

export type ManifestsSyncConfig = z.infer<typeof manifestsSyncSchema>;

/** Every component of manifests_sync must name a repository some working group delivers. */
export function manifestsSyncProblems(
  sync: ManifestsSyncConfig,
  knownRepos: Set<string>,
): { path: (string | number)[]; message: string }[] {
  return Object.entries(sync.components).flatMap(([key, component]) =>
    knownRepos.has(component.repo.toLowerCase())
      ? []
      : [
          {
            path: ['manifests_sync', 'components', key, 'repo'],
            message: `${component.repo} is not a component repository of any working group`,
          },
        ],
  );
}

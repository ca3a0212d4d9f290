import { z } from 'zod';
import { parseRange } from './dependency-ranges';

/** The YAML shape of config/dependencies.yml. */
export const dependencyListFileSchema = z.strictObject({
  /** The common dependencies, in the order the form and the matrix show them. */
  dependencies: z
    .array(
      z.strictObject({
        /** Stored with each declaration; keep it when renaming. */
        id: z
          .string()
          .regex(/^[a-z][a-z0-9-]{0,39}$/, 'use lower-case letters, digits and dashes, e.g. cert-manager'),
        /** As people read it: Kubernetes, cert-manager. */
        name: z.string().trim().min(1, 'must not be empty').max(40, 'keep it under 40 characters'),
        /** A range shown as the field's placeholder; it must parse. */
        example: z
          .string()
          .trim()
          .max(40, 'keep it under 40 characters')
          .refine((range) => parseRange(range).ok, { error: 'is not a range kfrelease can read' })
          .optional(),
      }),
    )
    .min(1, 'list at least one dependency')
    .max(20, 'list at most 20 dependencies: the form has room for about that many')
    .refine((deps) => new Set(deps.map((d) => d.id)).size === deps.length, {
      error: 'two dependencies have the same id',
    }),
});

export type DependencyList = z.infer<typeof dependencyListFileSchema>;
export type CommonDependency = DependencyList['dependencies'][number];

/** Validates a parsed dependencies file; every problem at once, as "<source>: <path>: <problem>". */
export function parseDependencyList(
  data: unknown,
  source: string,
): { ok: true; config: DependencyList } | { ok: false; problems: string[] } {
  const parsed = dependencyListFileSchema.safeParse(data ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue) => `${source}: ${issue.path.join('.') || '(file)'}: ${issue.message}`,
    ),
  };
}

import { z } from 'zod';
import { MILESTONE_KEYS, PHASE_KEYS } from './phases';
import type { ReleaseTemplate } from './release-template';

const PLACEHOLDERS = ['major', 'minor', 'patch', 'n', 'yy', 'mm'];

/** A branch or tag pattern; only the placeholders formatVersionPattern knows are allowed. */
function versionPattern(options: { needsRcNumber: boolean }) {
  return z
    .string()
    .min(1, 'must not be empty')
    .superRefine((pattern, ctx) => {
      const unknown = [...pattern.matchAll(/\{([^}]*)\}/g)]
        .map((m) => m[1] ?? '')
        .filter((name) => !PLACEHOLDERS.includes(name));
      if (unknown.length > 0) {
        const known = PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder ${unknown.map((u) => `{${u}}`).join(', ')}; use ${known}`,
        });
      }
      const usesN = pattern.includes('{n}');
      if (options.needsRcNumber && !usesN) ctx.addIssue({ code: 'custom', message: 'must contain {n}' });
      if (!options.needsRcNumber && usesN) {
        ctx.addIssue({ code: 'custom', message: '{n} is only for RC tags' });
      }
    });
}

const week = z.int('must be a whole number of weeks');

const phaseSchema = z.strictObject({
  key: z.enum(PHASE_KEYS),
  name: z.string().min(1, 'must not be empty'),
  /**
   * First week of the phase; week 1 starts on the release's start date (any weekday, and every week
   * starts on that weekday), 0 and below come before it.
   */
  from_week: week,
  /** Last week of the phase, inclusive (checked against from_week below). */
  to_week: week,
  /** One line from the handbook saying what the phase is for. */
  summary: z.string(),
});

const milestoneSchema = z.strictObject({
  key: z.enum(MILESTONE_KEYS),
  name: z.string().min(1, 'must not be empty'),
  /** The phase the milestone belongs to; it must be one of this template's phases. */
  phase: z.enum(PHASE_KEYS),
  /** The week it is due; it must lie inside its phase's weeks. */
  week,
  /**
   * ISO weekday, 1 = Monday ... 7 = Sunday. The milestone falls on the day of its week that has
   * this weekday, whatever weekday the cycle starts on (see computeTimeline).
   */
  weekday: z
    .int('must be a whole number')
    .min(1, 'must be 1 (Monday) to 7 (Sunday)')
    .max(7, 'must be 1 (Monday) to 7 (Sunday)'),
  /** An optional milestone (rc.3 of the handbook) may be skipped without counting as late. */
  optional: z.boolean().default(false),
  /** Who delivers it, e.g. "Manifests WG". */
  owner: z.string().min(1, 'must not be empty'),
});

/** The YAML shape of config/templates/*.yml (snake_case), transformed to a ReleaseTemplate. */
export const releaseTemplateFileSchema = z
  .strictObject({
    /** Must equal the file name without .yml; releases store this key. */
    key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    name: z.string().min(1, 'must not be empty'),
    description: z.string(),
    version_scheme: z.enum(['semver', 'calver']),
    /** e.g. "v{major}.{minor}-branch" or "release-{yy}.{mm}". */
    release_branch: versionPattern({ needsRcNumber: false }),
    /** e.g. "v{major}.{minor}.{patch}-rc.{n}" or "{yy}.{mm}-rc.{n}". */
    rc_tag: versionPattern({ needsRcNumber: true }),
    /** e.g. "v{major}.{minor}.{patch}" or "{yy}.{mm}". */
    release_tag: versionPattern({ needsRcNumber: false }),
    phases: z.array(phaseSchema).min(1, 'must list at least one phase'),
    milestones: z.array(milestoneSchema),
  })
  .transform((file): ReleaseTemplate => ({
    key: file.key,
    name: file.name,
    description: file.description,
    versionScheme: file.version_scheme,
    releaseBranch: file.release_branch,
    rcTag: file.rc_tag,
    releaseTag: file.release_tag,
    phases: file.phases.map((p) => ({
      key: p.key,
      name: p.name,
      fromWeek: p.from_week,
      toWeek: p.to_week,
      summary: p.summary,
    })),
    milestones: file.milestones.map((m) => ({
      key: m.key,
      name: m.name,
      phase: m.phase,
      week: m.week,
      weekday: m.weekday,
      optional: m.optional,
      owner: m.owner,
    })),
  }));

/**
 * The fields the cross-checks need, each read on its own so that one bad field elsewhere does
 * not hide the other problems: a field that is missing or of the wrong type becomes undefined.
 */
const maybe = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const crossCheckSchema = z
  .object({
    phases: z
      .array(
        z.object({ key: maybe(z.string()), from_week: maybe(z.int()), to_week: maybe(z.int()) }).catch({}),
      )
      .catch([]),
    milestones: z
      .array(z.object({ key: maybe(z.string()), phase: maybe(z.string()), week: maybe(z.int()) }).catch({}))
      .catch([]),
  })
  .catch({ phases: [], milestones: [] });

function crossCheck(data: unknown): string[] {
  const { phases, milestones } = crossCheckSchema.parse(data);
  const problems: string[] = [];
  const weeksOf = new Map<string, { from: number; to: number } | null>();
  const firstIndex = new Map<string, number>();

  phases.forEach((phase, i) => {
    const { key, from_week: from, to_week: to } = phase;
    if (from !== undefined && to !== undefined && from > to) {
      problems.push(`phases[${i}].to_week: must be >= from_week (${from})`);
    }
    if (key === undefined) return;
    const seen = firstIndex.get(`phase:${key}`);
    if (seen !== undefined) {
      problems.push(`phases[${i}].key: "${key}" is already used by phases[${seen}]`);
      return;
    }
    firstIndex.set(`phase:${key}`, i);
    const valid = from !== undefined && to !== undefined && from <= to;
    weeksOf.set(key, valid ? { from, to } : null);
  });

  milestones.forEach((milestone, i) => {
    const { key, phase, week } = milestone;
    if (key !== undefined) {
      const seen = firstIndex.get(`milestone:${key}`);
      if (seen !== undefined)
        problems.push(`milestones[${i}].key: "${key}" is already used by milestones[${seen}]`);
      else firstIndex.set(`milestone:${key}`, i);
    }
    if (phase === undefined) return;
    if (!weeksOf.has(phase)) {
      problems.push(`milestones[${i}].phase: "${phase}" is not one of this template's phases`);
      return;
    }
    const weeks = weeksOf.get(phase);
    if (week !== undefined && weeks && (week < weeks.from || week > weeks.to)) {
      problems.push(
        `milestones[${i}].week: week ${week} is outside phase ${phase} (weeks ${weeks.from} to ${weeks.to})`,
      );
    }
  });
  return problems;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, '');
}

/** Zod's messages reworded for a release manager editing YAML. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.path.length === 0) {
    return 'the file must be a YAML mapping with key, name, version_scheme, phases, milestones and so on';
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; check the spelling`;
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String).join(', ');
    if (issue.input === undefined) return `is missing (one of ${allowed})`;
    return `${JSON.stringify(issue.input)} is not one of ${allowed}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `is missing (expected ${issue.expected})`;
  return issue.message;
}

/**
 * Validates a parsed template file and turns it into a ReleaseTemplate. Every problem is reported
 * at once, each as "<source>: <path>: <what is wrong>", so a release manager can fix a file in one go.
 */
export function parseReleaseTemplate(
  data: unknown,
  source: string,
): { ok: true; template: ReleaseTemplate } | { ok: false; problems: string[] } {
  const parsed = releaseTemplateFileSchema.safeParse(data, { reportInput: true });
  const shapeProblems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const path = formatPath(issue.path);
        return path === '' ? describeIssue(issue) : `${path}: ${describeIssue(issue)}`;
      });
  const problems = [...shapeProblems, ...crossCheck(data)].map((problem) => `${source}: ${problem}`);
  if (problems.length > 0 || !parsed.success) {
    return { ok: false, problems: problems.length > 0 ? problems : [`${source}: is not a valid template`] };
  }
  return { ok: true, template: parsed.data };
}

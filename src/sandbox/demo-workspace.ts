import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../project-root';
import { teamFileSchema, type TeamFile } from '../team/team-file-schema';

export const DEMO_DIR = path.join(PROJECT_ROOT, 'config', 'sandbox');

const slackId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user ID such as U0ADA0001');
const repoName = z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name');

/** config/sandbox/demo-workspace.yml: the sandbox's made-up workspace and what it starts with. */
const demoWorkspaceSchema = z.object({
  /** The demo release, created on the first start. */
  release: z.object({
    version: z.string().min(1),
    /** The Monday of week 1. */
    start_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-02'),
    template: z.string().min(1).default('handbook-17w'),
    time_zone: z.string().min(1).default('UTC'),
    /** The team file, beside this one. */
    team_file: z.string().min(1),
  }),
  /** The release channel the console shows. */
  channel: z.object({ id: z.string().regex(/^C[A-Z0-9]+$/), name: z.string().min(1) }),
  /** Where the sandbox clock starts: week and weekday (1 = Monday) of the cycle, local time. */
  clock_start: z.object({
    week: z.number().int(),
    weekday: z.number().int().min(1).max(7),
    time: z.string().regex(/^\d{2}:\d{2}$/, "must be a time like '10:00'"),
  }),
  /** The weekly release team meeting, as `/kfrelease meeting set` takes it. */
  meeting: z.object({ day: z.string().min(1), time: z.string().min(1) }).optional(),
  /** Slack IDs allowed to create releases, besides KFRELEASE_ADMINS. */
  admins: z.array(slackId).default([]),
  /** People in the workspace who are not on the release team. */
  guests: z.array(z.object({ id: slackId, name: z.string().min(1) })).default([]),
  /** Repository -> its tags, oldest first. */
  github: z.record(repoName, z.array(z.string().min(1))).default({}),
  /** Repository -> its issues and pull requests on the GitHub stand-in. */
  issues: z
    .record(
      repoName,
      z.array(
        z
          .object({
            number: z.number().int().positive(),
            title: z.string().min(1),
            /** A pull request rather than an issue. */
            pull: z.boolean().default(false),
            /** `merged` only for a pull request. */
            state: z.enum(['open', 'closed', 'merged']).default('open'),
            labels: z.array(z.string().min(1)).default([]),
          })
          .refine(
            (issue) => issue.pull || issue.state !== 'merged',
            'only a pull request (pull: true) is merged',
          ),
      ),
    )
    .default({}),
  /** Blocking issues reported before the clock starts, as the blocking-issue form reports them. */
  blockers: z
    .array(
      z.object({
        wg: z.string().min(1),
        by: slackId,
        /** `owner/repo#N`, each an issue of `issues`. */
        refs: z.array(z.string().min(1)).min(1),
        blocks_release: z.boolean().default(false),
        note: z.string().default(''),
      }),
    )
    .default([]),
  /** Revisions handed over before the clock starts. */
  revisions: z
    .array(
      z.object({
        wg: z.string().min(1),
        by: slackId,
        note: z.string().default(''),
        repos: z.record(repoName, z.string().min(1)),
      }),
    )
    .default([]),
});

export type DemoWorkspace = z.infer<typeof demoWorkspaceSchema>;

export interface DemoSetup {
  workspace: DemoWorkspace;
  team: TeamFile;
  /** The team file's text and where it came from, for importTeam. */
  teamYaml: string;
  teamSource: string;
}

function parseYaml<T>(schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(top)'}: ${i.message}`);
  throw new Error(`${file} is not a valid sandbox file; fix these and start again:\n${problems.join('\n')}`);
}

/** Reads the demo workspace and its team file; every problem is reported at once. */
export function loadDemoSetup(dir = DEMO_DIR): DemoSetup {
  const workspace = parseYaml(demoWorkspaceSchema, path.join(dir, 'demo-workspace.yml'));
  const teamSource = path.join(dir, workspace.release.team_file);
  const teamYaml = readFileSync(teamSource, 'utf8');
  const team = parseYaml(teamFileSchema, teamSource);
  return { workspace, team, teamYaml, teamSource: path.relative(PROJECT_ROOT, teamSource) };
}

/** The moment the sandbox clock starts at, as UTC ISO, from `clock_start`. */
export function demoClockStart(workspace: DemoWorkspace): string {
  const { week, weekday, time } = workspace.clock_start;
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return (
    DateTime.fromISO(workspace.release.start_date, { zone: workspace.release.time_zone })
      .plus({ weeks: week - 1, days: weekday - 1 })
      .set({ hour, minute })
      .toUTC()
      .toISO() ?? ''
  );
}

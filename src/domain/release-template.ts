import type { MilestoneKey, PhaseKey } from './phases';

/** One phase of a template, placed on whole weeks of the cycle (week 1 starts on the start date). */
export interface TemplatePhase {
  key: PhaseKey;
  name: string;
  /** First week of the phase; 0 and below are the weeks before week 1. */
  fromWeek: number;
  /** Last week of the phase, inclusive. */
  toWeek: number;
  /** The handbook's one-line summary of what the phase is for. */
  summary: string;
}

/** One milestone of a template: a dated deliverable inside a phase. */
export interface TemplateMilestone {
  key: MilestoneKey;
  name: string;
  phase: PhaseKey;
  week: number;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  optional: boolean;
  /** Who delivers it, e.g. "Manifests WG". */
  owner: string;
}

/** A release process as data: loaded from config/templates/*.yml, never written in code. */
export interface ReleaseTemplate {
  key: string;
  name: string;
  description: string;
  versionScheme: 'semver' | 'calver';
  /** Release branch name pattern with {major} {minor} {patch} placeholders, e.g. "v{major}.{minor}-branch". */
  releaseBranch: string;
  /** RC tag pattern with {major} {minor} {patch} {n} placeholders, e.g. "v{major}.{minor}.{patch}-rc.{n}". */
  rcTag: string;
  /** Final release tag pattern, e.g. "v{major}.{minor}.{patch}". */
  releaseTag: string;
  phases: TemplatePhase[];
  milestones: TemplateMilestone[];
}

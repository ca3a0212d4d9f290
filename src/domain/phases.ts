/** Phase and milestone keys used everywhere: database rows, CLI JSON, Slack answers. */
export const PHASE_KEYS = [
  'preparation',
  'development',
  'feature_freeze',
  'manifests_testing',
  'documentation',
  'distribution_testing',
  'release_day',
  'post_release',
] as const;
export type PhaseKey = (typeof PHASE_KEYS)[number];

export const MILESTONE_KEYS = ['release_branch', 'rc.0', 'rc.1', 'rc.2', 'rc.3', 'release'] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

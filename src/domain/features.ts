import { z } from 'zod';
import { DOCS_STATUS_LABELS, type DocsStatus } from './docs-items';

/**
 * Where a feature of the release stands, after Kubernetes SIG Release's enhancements tracking:
 * tracked while it is worked on, at risk once Feature Freeze starts without it landed, landed when
 * its pull request merged (or its tracking issue closed), punted to the next release.
 */
export const FEATURE_STATES = ['tracked', 'at_risk', 'landed', 'punted'] as const;
export type FeatureState = (typeof FEATURE_STATES)[number];

export const FEATURE_STATE_LABELS: Record<FeatureState, string> = {
  tracked: 'Tracked',
  at_risk: 'At risk',
  landed: 'Landed',
  punted: 'Punted',
};

/** Still undecided: Feature Freeze's criterion waits for these to land or be punted. */
export function isOpenFeatureState(state: FeatureState): boolean {
  return state === 'tracked' || state === 'at_risk';
}

/** One feature as the lists, drafts and views show it. */
export interface Feature {
  id: number;
  wg: string;
  title: string;
  /** owner/repo#number of the issue or pull request that tracks it. */
  ref: string;
  url: string;
  isPullRequest: boolean;
  state: FeatureState;
  highlight: boolean;
  docsNeeded: boolean;
  docsPages: string;
  /** The status of its docs item; null when no docs are needed or none is linked. */
  docsStatus: DocsStatus | null;
  reason: string;
  kept: boolean;
}

export const FEATURE_TITLE_MAX = 200;
export const FEATURE_PAGES_MAX = 2000;
export const PUNT_REASON_MAX = 500;

/** A new feature as a person fills the form in; every problem is reported at once, per field. */
export const featureInputSchema = z.object({
  wg: z.string({ message: 'Choose a working group.' }).trim().min(1, 'Choose a working group.'),
  title: z
    .string()
    .trim()
    .min(1, 'Name the feature, e.g. "Pipelines: run caching across namespaces".')
    .max(FEATURE_TITLE_MAX, `Keep the title under ${FEATURE_TITLE_MAX} characters.`),
  ref: z
    .string()
    .trim()
    .min(1, 'Give the GitHub issue or pull request that tracks it: owner/repo#123 or its link.'),
  docsNeeded: z.boolean().default(false),
  docsPages: z
    .string()
    .trim()
    .max(FEATURE_PAGES_MAX, `Keep the pages under ${FEATURE_PAGES_MAX} characters.`)
    .default(''),
  highlight: z.boolean().default(false),
});
export type FeatureInput = z.infer<typeof featureInputSchema>;

/** A punt needs a reason the next cycle can plan from. */
export const puntReasonSchema = z
  .string()
  .trim()
  .min(1, 'Say why it is punted, e.g. "API review not finished; retry in the next release".')
  .max(PUNT_REASON_MAX, `Keep the reason under ${PUNT_REASON_MAX} characters.`);

/** Whether what GitHub says means the feature landed: its pull request merged, or its issue closed. */
export function hasLanded(github: { state: 'open' | 'closed' | 'merged'; isPullRequest: boolean }): boolean {
  return github.state === 'merged' || (!github.isPullRequest && github.state === 'closed');
}

/** The documentation status of a feature as the lists show it. */
export function docsLabel(feature: Pick<Feature, 'docsNeeded' | 'docsStatus'>): string {
  if (!feature.docsNeeded) return 'no docs needed';
  return `docs ${DOCS_STATUS_LABELS[feature.docsStatus ?? 'needed'].toLowerCase()}`;
}

/** Whether a feature that needs docs has them done (or found it needs none after all). */
export function docsDone(feature: Pick<Feature, 'docsNeeded' | 'docsStatus'>): boolean {
  return !feature.docsNeeded || feature.docsStatus === 'done' || feature.docsStatus === 'not_needed';
}

/** Features grouped by working group, in the order the working groups are given. */
export function featuresByWg<T extends { wg: string }>(
  features: T[],
  order: string[],
): { wg: string; features: T[] }[] {
  const names = [...new Set([...order, ...features.map((f) => f.wg)])];
  return names
    .map((wg) => ({ wg, features: features.filter((f) => f.wg === wg) }))
    .filter((g) => g.features.length > 0);
}

/** How many features are in each state. */
export function countStates(features: Pick<Feature, 'state'>[]): Record<FeatureState, number> {
  const counts: Record<FeatureState, number> = { tracked: 0, at_risk: 0, landed: 0, punted: 0 };
  for (const f of features) counts[f.state] += 1;
  return counts;
}

import type { WorkingGroupConfig } from '../src/working-groups/working-groups-schema';

/** Six working groups Kubeflow has, then fourteen plausible ones, so the bench sees twenty. */
const NAMES = [
  'Notebooks',
  'Pipelines',
  'Training',
  'AutoML',
  'KServe',
  'Manifests',
  'Model Registry',
  'Spark',
  'Feature Store',
  'Security',
  'Data',
  'Dashboard',
  'Profiles',
  'Serving Runtimes',
  'Observability',
  'Distributed Jobs',
  'Docs',
  'Test Infra',
  'Deployment',
  'Edge',
];

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/**
 * `count` working groups shaped like config/kubeflow.yml: two repositories and four components each.
 * Deterministic, so the seeder and the benchmarked app re-apply exactly the same set.
 */
export function generateWorkingGroups(count = NAMES.length): WorkingGroupConfig[] {
  return NAMES.slice(0, count).map((name) => {
    const main = `kubeflow/${slug(name)}`;
    const extra = `kubeflow/${slug(name)}-extras`;
    return {
      name,
      repos: [main, extra],
      components: [1, 2, 3, 4].map((n) => ({
        name: `${name} component ${n}`,
        repo: n === 4 ? extra : main,
        kind: name === 'Manifests' && n > 2 ? ('common' as const) : ('wg' as const),
      })),
    };
  });
}

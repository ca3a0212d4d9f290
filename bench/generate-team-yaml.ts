import { stringify } from 'yaml';
import type { TeamFileEntry } from '../src/team/team-file-schema';

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Edsger',
  'Barbara',
  'Margaret',
  'Radia',
  'Frances',
  'John',
];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Dijkstra', 'Liskov'];
const ORGANIZATIONS = ['Example Corp', 'Navy Labs', 'Bletchley', 'Langley', 'Eindhoven'];
const DISTRIBUTIONS = ['AWS', 'Azure', 'GCP', 'IBM', 'Nutanix'];
/** How many different people serve across all releases; teams rotate through them. */
const PEOPLE_POOL = FIRST.length * LAST.length;

type Person = Pick<TeamFileEntry, 'name' | 'github' | 'organization'> & { slack?: string };

function person(index: number): Person {
  const n = index % PEOPLE_POOL;
  const first = FIRST[n % FIRST.length] ?? 'Ada';
  const last = LAST[Math.floor(n / FIRST.length)] ?? 'Lovelace';
  const base = {
    name: `${first} ${last}`,
    github: `${first}-${last}`.toLowerCase(),
    organization: ORGANIZATIONS[n % ORGANIZATIONS.length] ?? '',
  };
  // Every ninth person has not given a Slack ID yet, as happens in real teams.
  return n % 9 === 8 ? base : { ...base, slack: `U0P${String(n).padStart(4, '0')}` };
}

/**
 * The team file of the `releaseIndex`-th release: two release managers (one a shadow), a docs lead,
 * a product manager, eight WG liaisons, a WG docs lead, a WG test lead and two distribution reps
 * (16 roles). Teams rotate through a pool of people so that many serve on several releases.
 */
export function generateTeamYaml(params: {
  version: string;
  releaseIndex: number;
  workingGroups: string[];
}): string {
  const { version, releaseIndex: i, workingGroups } = params;
  const wg = (k: number) => workingGroups[(i + k) % workingGroups.length] ?? workingGroups[0];
  const at = (k: number) => person(i * 7 + k);
  const team = [
    { ...at(0), role: 'release_manager' },
    { ...at(1), role: 'release_manager', shadow: true },
    { ...at(2), role: 'docs_lead' },
    { ...at(3), role: 'product_manager' },
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((k) => ({ ...at(4 + k), role: 'team_member', wg: wg(k) })),
    { ...at(12), role: 'wg_docs_lead', wg: wg(1) },
    { ...at(13), role: 'wg_test_lead', wg: wg(2) },
    ...[0, 1].map((k) => ({
      ...at(14 + k),
      role: 'distribution_rep',
      distribution: DISTRIBUTIONS[(i + k) % DISTRIBUTIONS.length],
    })),
  ];
  return stringify({ release: version, team });
}

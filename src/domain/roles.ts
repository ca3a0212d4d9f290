/** Team roles of the handbook, as stored and as written in the team YAML file. */
export const ROLE_KEYS = [
  'release_manager',
  'team_member',
  'product_manager',
  'docs_lead',
  'wg_docs_lead',
  'wg_test_lead',
  'distribution_rep',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

/** Roles that only make sense for one working group. */
export const WG_ROLES: readonly RoleKey[] = ['team_member', 'wg_docs_lead', 'wg_test_lead'];

export const ROLE_TITLES: Record<RoleKey, string> = {
  release_manager: 'Release Manager',
  team_member: 'Release Team Member (WG liaison)',
  product_manager: 'Product Manager',
  docs_lead: 'Docs Lead',
  wg_docs_lead: 'WG Documentation Lead',
  wg_test_lead: 'WG Test Lead',
  distribution_rep: 'Distribution Representative',
};

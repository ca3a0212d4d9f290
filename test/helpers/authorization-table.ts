import { ROLE_NAMES, type Role } from './authorization-world';

/** One row of the policy table: an action and, per role, whether it may. */
export interface PolicyRow {
  action: string;
  allowed: Role[];
}

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim().replace(/^`|`$/g, ''));

/**
 * Reads a markdown table whose first column names the action and whose other columns, headed by
 * the role names, say `yes` or `no`. Throws on anything else, so a typo cannot loosen the policy.
 */
export function parsePolicyTable(markdown: string): PolicyRow[] {
  const lines = markdown.split('\n').filter((line) => line.trim().startsWith('|'));
  const [header, rule, ...rows] = lines;
  if (!header || !rule) throw new Error('the policy table has no header');
  const roles = cellsOf(header).slice(1);
  if (roles.join(',') !== ROLE_NAMES.join(','))
    throw new Error(`the policy table's columns are ${roles.join(', ')}, not ${ROLE_NAMES.join(', ')}`);
  return rows.map((line) => {
    const [action = '', ...cells] = cellsOf(line);
    if (cells.length !== roles.length || cells.some((cell) => cell !== 'yes' && cell !== 'no'))
      throw new Error(`policy row "${action}" must say yes or no for each of the ${roles.length} roles`);
    return { action, allowed: ROLE_NAMES.filter((_role, i) => cells[i] === 'yes') };
  });
}

import { z } from 'zod';
import type { RoleKey } from './roles';

/** Where the documentation of one feature stands. */
export const DOCS_STATUSES = ['needed', 'in_progress', 'done', 'not_needed'] as const;
export type DocsStatus = (typeof DOCS_STATUSES)[number];

export const DOCS_STATUS_LABELS: Record<DocsStatus, string> = {
  needed: 'Needed',
  in_progress: 'In progress',
  done: 'Done',
  not_needed: 'Not needed',
};

/** Still work to do: the Documentation phase is not finished while any item is open. */
export function isOpenDocsStatus(status: DocsStatus): boolean {
  return status === 'needed' || status === 'in_progress';
}

/** Reads a status the way people type it: `in_progress`, `in-progress`, `In progress`. */
export function parseDocsStatus(text: string): DocsStatus | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (DOCS_STATUSES as readonly string[]).includes(key) ? (key as DocsStatus) : null;
}

/** A feature that needs a change to the kubeflow.org documentation. */
export interface DocsItem {
  id: number;
  wg: string;
  feature: string;
  pages: string;
  /** Slack user ID of whoever writes the change. */
  owner: string | null;
  status: DocsStatus;
}

export const FEATURE_MAX = 200;
export const PAGES_MAX = 2000;

/** A new docs item as a person fills it in; every problem is reported at once, per field. */
export const docsItemInputSchema = z.object({
  wg: z.string({ message: 'Choose a working group.' }).trim().min(1, 'Choose a working group.'),
  feature: z
    .string()
    .trim()
    .min(1, 'Name the feature, e.g. "Notebooks: culling idle kernels".')
    .max(FEATURE_MAX, `Keep the feature under ${FEATURE_MAX} characters; put details in the pages field.`),
  pages: z.string().trim().max(PAGES_MAX, `Keep the pages under ${PAGES_MAX} characters.`).default(''),
  owner: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,}$/, 'Choose a person from the list.')
    .nullable()
    .default(null),
  status: z.enum(DOCS_STATUSES, { message: 'Choose a status.' }).default('needed'),
});
export type DocsItemInput = z.infer<typeof docsItemInputSchema>;

/** The roles a person holds in one release, as far as documentation is concerned. */
export interface DocsAuthority {
  /** Release manager or kfrelease admin. */
  steers: boolean;
  /** Named Docs Lead, or the Release Manager when nobody is named. */
  docsLead: boolean;
  roles: { role: RoleKey; wg: string | null }[];
}

/** Roles that speak for one working group's documentation. */
const WG_DOCS_ROLES: readonly RoleKey[] = ['team_member', 'wg_docs_lead', 'wg_test_lead'];

/**
 * The working groups a person may record documentation work for: every one for the Docs Lead,
 * the Release Manager and admins; their own for a WG's liaison, docs lead or test lead.
 */
export function docsWorkingGroups(authority: DocsAuthority, all: string[]): string[] {
  if (authority.steers || authority.docsLead) return all;
  const own = new Set(
    authority.roles.filter((r) => WG_DOCS_ROLES.includes(r.role) && r.wg).map((r) => r.wg as string),
  );
  return all.filter((wg) => own.has(wg));
}

/** One working group's documentation work. */
export interface DocsGroup {
  wg: string;
  open: DocsItem[];
  done: number;
  notNeeded: number;
}

/** Open items per working group (every group listed, in the order given), and the totals. */
export function summarizeDocs(
  items: DocsItem[],
  workingGroups: string[],
): { groups: DocsGroup[]; open: number; done: number; notNeeded: number } {
  const names = [...new Set([...workingGroups, ...items.map((i) => i.wg)])];
  const groups = names.map((wg) => {
    const mine = items.filter((i) => i.wg === wg);
    return {
      wg,
      open: mine.filter((i) => isOpenDocsStatus(i.status)),
      done: mine.filter((i) => i.status === 'done').length,
      notNeeded: mine.filter((i) => i.status === 'not_needed').length,
    };
  });
  return {
    groups,
    open: groups.reduce((n, g) => n + g.open.length, 0),
    done: groups.reduce((n, g) => n + g.done, 0),
    notNeeded: groups.reduce((n, g) => n + g.notNeeded, 0),
  };
}

/** Someone to remind of documentation work, and which work. */
export interface DocsReminderTarget {
  userId: string;
  /** `lead`: the whole release's open work; `wg`: one working group's. */
  scope: { kind: 'lead' } | { kind: 'wg'; wg: string };
  open: DocsItem[];
}

/**
 * Who hears the weekly documentation reminder: the Docs Lead(s) (the Release Manager when none is
 * named) with every open item, and each WG docs lead with their group's open items, also when
 * there are none, so a group that recorded nothing is asked whether it has nothing to document.
 */
export function docsReminderTargets(params: {
  items: DocsItem[];
  docsLeads: string[];
  wgDocsLeads: { userId: string; wg: string }[];
}): DocsReminderTarget[] {
  const open = params.items.filter((i) => isOpenDocsStatus(i.status));
  const targets: DocsReminderTarget[] = [...new Set(params.docsLeads)].map((userId) => ({
    userId,
    scope: { kind: 'lead' as const },
    open,
  }));
  for (const { userId, wg } of params.wgDocsLeads) {
    if (targets.some((t) => t.userId === userId && (t.scope.kind === 'lead' || t.scope.wg === wg))) continue;
    targets.push({ userId, scope: { kind: 'wg', wg }, open: open.filter((i) => i.wg === wg) });
  }
  return targets;
}

import type { Clock } from '../clock';
import type { DocsItemRow } from '../db/docs-item-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import {
  docsItemInputSchema,
  docsReminderTargets,
  docsWorkingGroups,
  parseDocsStatus,
  summarizeDocs,
  DOCS_STATUSES,
  type DocsAuthority,
  type DocsItem,
  type DocsItemInput,
} from '../domain/docs-items';
import { summarizeTeam } from '../domain/team';
import { cycleWeek, daysUntil } from '../domain/timeline';
import { UserError } from '../errors';
import { authorityOf } from './authority';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import type { Post } from './notice';
import { code, md } from '../text/mrkdwn';
import { readWholeNumber } from '../text/numbers';
import { currentPlan } from './current-plan';
import { pageOfList } from './page-of-list';
import type { ListPage } from '../domain/list-page';

type Deps = { store: Store; clock: Clock; admins: string[] };
export type DocsField = keyof DocsItemInput;

function docsAuthority(deps: Deps, release: ReleaseRow, userId: string): DocsAuthority {
  const roles = deps.store.team.rolesOf(release.id, userId);
  return {
    steers: authorityOf(deps, release, userId).steers,
    docsLead: roles.some((r) => r.role === 'docs_lead'),
    roles,
  };
}

function allowedGroups(deps: Deps, release: ReleaseRow, userId: string): string[] {
  const all = deps.store.workingGroups.list().map((g) => g.name);
  return docsWorkingGroups(docsAuthority(deps, release, userId), all);
}

const noDocsRole = (version: string) =>
  new UserError(
    'forbidden',
    md`Only the Docs Lead, the release manager and a working group's liaison, docs lead or test lead can record documentation work for ${version}.`,
    md`See who holds which role with \`/kfrelease team\`.`,
  );

/** What the "add docs item" form offers this person: the working groups they may record for. */
export function prepareDocsForm(
  deps: Deps,
  input: { userId: string; version?: string },
): { release: ReleaseRow; groups: string[] } {
  const release = findRelease(deps, input.version);
  requireLive(release);
  const groups = allowedGroups(deps, release, input.userId);
  if (groups.length === 0) throw noDocsRole(release.version);
  return { release, groups };
}

export type AddDocsResult =
  | { kind: 'errors'; errors: Partial<Record<DocsField, string>> }
  | { kind: 'saved'; release: ReleaseRow; item: DocsItemRow };

/** Records a feature that needs documentation; every problem is answered next to its field. */
export function addDocsItem(
  deps: Deps,
  input: { userId: string; version: string; values: Record<DocsField, unknown> },
): AddDocsResult {
  const release = findRelease(deps, input.version);
  requireLive(release);
  const parsed = docsItemInputSchema.safeParse(input.values);
  const errors: Partial<Record<DocsField, string>> = {};
  for (const issue of parsed.error?.issues ?? []) errors[issue.path[0] as DocsField] ??= issue.message;
  const wg = parsed.success ? deps.store.workingGroups.findByName(parsed.data.wg) : null;
  const allowed = allowedGroups(deps, release, input.userId);
  if (parsed.success && (!wg || !allowed.includes(wg.name))) {
    if (allowed.length === 0) throw noDocsRole(release.version);
    const name = wg?.name ?? parsed.data.wg;
    errors.wg = wg
      ? `Only the Docs Lead, the release manager and ${name}'s liaison, docs lead or test lead can record documentation work for ${name}; you can for ${allowed.join(', ')}.`
      : `There is no working group "${name}"; you can record documentation work for ${allowed.join(', ')}.`;
  }
  if (!parsed.success || !wg || Object.keys(errors).length > 0) return { kind: 'errors', errors };
  const at = deps.clock.now().toUTC().toISO() ?? '';
  const item = deps.store.transaction(() => {
    const id = deps.store.docsItems.insert({
      releaseId: release.id,
      wgId: wg.id,
      ...parsed.data,
      by: input.userId,
      at,
    });
    deps.store.audit.record({
      at,
      actor: input.userId,
      releaseId: release.id,
      action: 'docs_item.added',
      details: { id, wg: wg.name, feature: parsed.data.feature, status: parsed.data.status },
    });
    return deps.store.docsItems.byId(id);
  });
  if (!item) throw new Error('docs item vanished after insert');
  return { kind: 'saved', release, item };
}

/**
 * Moves a docs item to another status. Allowed to whoever may record for its working group, and
 * to its owner.
 */
export function setDocsStatus(
  deps: Deps,
  input: { userId: string; id: string; status: string },
): { release: ReleaseRow; item: DocsItemRow; changed: boolean } {
  const usage = md`Usage: ${code(`/kfrelease docs set <id> <${DOCS_STATUSES.join('|')}>`)}`;
  const read = readWholeNumber(input.id, 'a docs item number', { min: 1, hash: true });
  const status = parseDocsStatus(input.status);
  if (!read.ok || !status) {
    const problems = [
      read.ok ? '' : `${read.problem} See the items with \`/kfrelease docs\`.`,
      status ? '' : `"${input.status}" is not a status: use ${DOCS_STATUSES.join(', ')}.`,
    ];
    throw new UserError('bad_argument', md`${problems.filter(Boolean).join('\n')}`, usage);
  }
  const id = read.value;
  const item = deps.store.docsItems.byId(id);
  const release = item ? deps.store.releases.findById(item.releaseId) : undefined;
  if (!item || !release)
    throw new UserError(
      'not_found',
      md`There is no docs item #${id}.`,
      md`See the open ones with \`/kfrelease docs\`.`,
    );
  requireLive(release);
  if (item.owner !== input.userId && !allowedGroups(deps, release, input.userId).includes(item.wg)) {
    throw new UserError(
      'forbidden',
      md`Only its owner, the Docs Lead, the release manager and ${item.wg}'s liaison, docs lead or test lead can change docs item #${id}.`,
    );
  }
  const at = deps.clock.now().toUTC().toISO() ?? '';
  const changed = deps.store.transaction(() => {
    const moved = deps.store.docsItems.setStatus(id, status, input.userId, at);
    if (moved) {
      deps.store.audit.record({
        at,
        actor: input.userId,
        releaseId: release.id,
        action: 'docs_item.status_changed',
        details: { id, from: item.status, to: status },
      });
    }
    return moved;
  });
  return { release, item: { ...item, status }, changed };
}

/** Open docs items a page of `/kfrelease docs` shows. */
export const DOCS_ITEMS_PER_PAGE = 30;

export interface DocsView {
  version: string;
  /** The Documentation phase under the latest plan, with where today stands in it. */
  phase: { startsOn: string; endsOn: string; state: 'before' | 'during' | 'after'; daysLeft: number } | null;
  /** Counts of the whole release, and every group's open items. */
  summary: ReturnType<typeof summarizeDocs>;
  /** The open items on this page, by working group in the summary's order. */
  shown: { wg: string; items: DocsItem[]; continued: boolean }[];
  /** Where this page falls among the open items. */
  page: ListPage;
}

/**
 * The documentation work of a release: what is still open, per working group, a page at a time
 * (working groups in order, then oldest first), with the counts of the whole release.
 */
export function listDocs(deps: { store: Store; clock: Clock }, version?: string, pageNumber = 1): DocsView {
  const release = findRelease(deps, version);
  const today = deps.clock.now().setZone(release.timeZone).toISODate() ?? '';
  const docs = currentPlan(deps.store, release).timeline.phases.find((p) => p.key === 'documentation');
  const groups = deps.store.workingGroups.list().map((g) => g.name);
  const summary = summarizeDocs(deps.store.docsItems.forRelease(release.id), groups);
  const page = pageOfList({
    total: summary.open,
    perPage: DOCS_ITEMS_PER_PAGE,
    page: pageNumber,
    what: `open docs items of ${release.version}`,
    command: `/kfrelease docs ${release.version}`,
  });
  // The page's slice of the open items, cut out of the groups they belong to.
  const shown: DocsView['shown'] = [];
  let skip = page.offset;
  let left = page.perPage;
  for (const group of summary.groups) {
    if (left === 0) break;
    const items = group.open.slice(skip, skip + left);
    if (items.length > 0) {
      shown.push({ wg: group.wg, items, continued: skip > 0 });
      left -= items.length;
    }
    skip = Math.max(0, skip - group.open.length);
  }
  return {
    version: release.version,
    phase: docs
      ? {
          startsOn: docs.startsOn,
          endsOn: docs.endsOn,
          state: today < docs.startsOn ? 'before' : today > docs.endsOn ? 'after' : 'during',
          daysLeft: daysUntil(today, docs.endsOn),
        }
      : null,
    summary,
    shown,
    page,
  };
}

/**
 * The weekly documentation reminders for `today` (YYYY-MM-DD in the release's zone): one direct
 * message to each Docs Lead (the Release Manager when none is named) and each WG docs lead, only
 * during the Documentation phase. Keys carry the cycle week, so calling it again in the same week
 * queues nothing new.
 */
export function docsReminders(
  deps: { store: Store; clock: Clock },
  release: ReleaseRow,
  today: string,
): Post[] {
  const view = listDocs(deps, release.version);
  if (!view.phase || today < view.phase.startsOn || today > view.phase.endsOn) return [];
  const { store } = deps;
  const team = summarizeTeam(
    store.team.assignments(release.id),
    store.workingGroups.list().map((g) => g.name),
  );
  const ids = (people: { slackId: string | null }[]) => people.flatMap((p) => (p.slackId ? [p.slackId] : []));
  const targets = docsReminderTargets({
    items: store.docsItems.forRelease(release.id),
    docsLeads: ids(team.docsLeads),
    wgDocsLeads: team.byWorkingGroup.flatMap((g) => ids(g.docsLeads).map((userId) => ({ userId, wg: g.wg }))),
  });
  const week = cycleWeek(release.startDate, today);
  const daysLeft = daysUntil(today, view.phase.endsOn);
  return targets.map((target) => ({
    key: `docs-reminder:${release.id}:w${week}:${target.userId}:${target.scope.kind === 'lead' ? 'lead' : target.scope.wg}`,
    channel: target.userId,
    notice: {
      kind: 'docs_reminder' as const,
      version: release.version,
      target,
      endsOn: view.phase?.endsOn ?? today,
      daysLeft,
    },
  }));
}

import type { Clock } from '../clock';
import type { ActionItem } from '../db/action-item-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { UserError } from '../errors';
import { actorId, type Actor } from './actor';
import { refuse } from './authority';
import { requireLive } from './release-lifecycle';
import { findRelease } from './find-release';
import { pageOfList } from './page-of-list';
import type { ListPage } from '../domain/list-page';
import { md, user } from '../text/mrkdwn';
import { ACTION_ADD_USAGE } from './command-usages';

type Deps = { store: Store; clock: Clock; admins: string[] };

/** Anyone on the release's team (any role) or an admin; the command line always. */
function requireTeam(deps: Deps, release: ReleaseRow, actor: Actor): void {
  if (actor.kind === 'cli' || deps.admins.includes(actor.userId)) return;
  if (deps.store.team.rolesOf(release.id, actor.userId).length > 0) return;
  refuse(`manage the action items of ${release.version}`, 'members of its release team or an admin');
}

/** Adds an action item; it is listed on every agenda until it is done. */
export function addActionItem(
  deps: Deps,
  input: { version?: string; text: string; owner: string | null; actor: Actor },
): { release: ReleaseRow; item: ActionItem } {
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireTeam(deps, release, input.actor);
  const text = input.text.trim();
  if (text.length < 3)
    throw new UserError('bad_argument', md`Say what needs doing.`, md`Usage: \`${ACTION_ADD_USAGE}\``);
  if (text.length > 500) throw new UserError('bad_argument', md`Keep an action item under 500 characters.`);
  const at = deps.clock.now().toUTC().toISO() ?? '';
  const by = actorId(input.actor);
  const id = deps.store.transaction(() => {
    const newId = deps.store.actionItems.add({
      releaseId: release.id,
      text,
      owner: input.owner,
      createdBy: by,
      createdAt: at,
    });
    deps.store.audit.record({
      at,
      actor: by,
      releaseId: release.id,
      action: 'action_item.added',
      details: { id: newId, text, owner: input.owner },
    });
    return newId;
  });
  const item = deps.store.actionItems.byId(id);
  if (!item) throw new Error(`action item ${id} vanished`);
  return { release, item };
}

/** Marks an action item done; the next agenda shows it as done once, then drops it. */
export function completeActionItem(deps: Deps, input: { id: number; actor: Actor }): ActionItem {
  const item = deps.store.actionItems.byId(input.id);
  if (!item)
    throw new UserError(
      'not_found',
      md`There is no action item #${input.id}.`,
      md`See them with \`/kfrelease action\`.`,
    );
  const release = deps.store.releases.findById(item.releaseId);
  if (!release) throw new Error(`release of action item ${input.id} vanished`);
  requireLive(release);
  requireTeam(deps, release, input.actor);
  const at = deps.clock.now().toUTC().toISO() ?? '';
  const by = actorId(input.actor);
  deps.store.transaction(() => {
    if (!deps.store.actionItems.complete(item.id, by, at)) {
      throw new UserError(
        'conflict',
        item.doneBy
          ? md`Action item #${item.id} was already done (by ${user(item.doneBy)}).`
          : md`Action item #${item.id} was already done.`,
      );
    }
    deps.store.audit.record({
      at,
      actor: by,
      releaseId: release.id,
      action: 'action_item.done',
      details: { id: item.id },
    });
  });
  return deps.store.actionItems.byId(item.id) ?? item;
}

/** Open action items a page of `/kfrelease action` shows. */
export const ACTION_ITEMS_PER_PAGE = 20;

/**
 * A page of the open action items of the named (or current) release, oldest first, counted and
 * read in SQL: only that page is read, however many items the meetings raised.
 */
export function listActionItems(
  deps: { store: Store; clock: Clock },
  version?: string,
  page = 1,
): { version: string; items: ActionItem[]; page: ListPage } {
  const release = findRelease(deps, version);
  const at = pageOfList({
    total: deps.store.actionItems.openCount(release.id),
    perPage: ACTION_ITEMS_PER_PAGE,
    page,
    what: `open action items of ${release.version}`,
    command: `/kfrelease action ${release.version}`,
  });
  return {
    version: release.version,
    items: deps.store.actionItems.openPage(release.id, at.perPage, at.offset),
    page: at,
  };
}

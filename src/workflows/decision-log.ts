import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import type { AuditEntry } from '../db/audit-log';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { authorityOf, refuse } from './authority';
import { findRelease } from './find-release';
import { pageOfList } from './page-of-list';
import type { ListPage } from '../domain/list-page';
import { join, md, text as textOf, user } from '../text/mrkdwn';

type Details = Record<string, unknown>;
type Names = (phaseKey: string) => string;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): number => (typeof value === 'number' ? value : 0);
const list = (value: unknown): { id: string }[] =>
  Array.isArray(value) ? value.filter((v): v is { id: string } => typeof v?.id === 'string') : [];
const names = (value: unknown): string =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').join(', ') : '';
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * Every use of the release manager's authority, by its audit action: the one place that says what
 * the decision log shows. Another use of that authority is recorded in the audit log as usual and
 * listed here with a sentence saying what was decided.
 */
export const DECISION_ACTIONS: Record<string, (details: Details, phaseName: Names) => string> = {
  'phase.advanced': (d, name) => {
    const early = count(d.daysEarly);
    const unmet = list(d.unmet).map((u) => u.id);
    return [
      `Moved from ${name(text(d.from))} to ${name(text(d.to))}`,
      early > 0
        ? `, ${days(early)} early (re-planned as plan ${count(d.planRevision)}${d.moveLater === true ? `, every later date ${days(early)} earlier` : ''})`
        : '',
      unmet.length > 0
        ? ` with ${unmet.length} criteria unmet: ${unmet.join(', ')}`
        : ' with every criterion met',
    ].join('');
  },
  'phase.moved_on': (d, name) => {
    const unmet = list(d.unmet).map((u) => u.id);
    return `Moved on from ${name(text(d.phase))}, which ended ${text(d.endsOn)} with ${unmet.length} criteria unmet: ${unmet.join(', ')}`;
  },
  'phase.extended': (d, name) =>
    `Extended ${name(text(d.phase))}, which ended ${text(d.endsOn)} with criteria unmet, to ${text(d.newEnd)} (plan ${count(d.planRevision)})`,
  'plan.delayed': (d) =>
    `Delayed ${text(d.name) || text(d.item)} from ${text(d.from)} to ${text(d.to)} (${days(count(d.days))}), and everything after it (plan ${count(d.planRevision)})`,
  'plan.replanned': (d) => {
    const [from, to] = [text(d.releaseDayFrom), text(d.releaseDayTo)];
    const releaseDay =
      from && to && from !== to
        ? `; release day moves from ${from} to ${to}`
        : from
          ? `; release day stays ${from}`
          : '';
    return [
      `Re-planned ${text(d.name) || text(d.item)} from ${text(d.from)} to ${text(d.to)}`,
      d.moveLater === true ? ', and everything after it' : ', only that date',
      ` (plan ${count(d.planRevision)})${releaseDay}`,
    ].join('');
  },
  'revision.approved': (d) => `Approved a held revision: ${text(d.wg)} ${text(d.repo)} ${text(d.revision)}`,
  'revision.denied': (d) => `Denied a revision: ${text(d.wg)} ${text(d.repo)} ${text(d.revision)}`,
  'revision.accepted_by_manager': (d) =>
    `Accepted a revision whatever the revision rules say: ${text(d.wg)} ${text(d.repo)} ${text(d.revision)}`,
  'component.skipped': (d) =>
    `Marked ${names(d.components)} (${text(d.wg)}, ${text(d.repo)}) as not shipping this cycle`,
  'component.shipped': (d) =>
    `Marked ${names(d.components)} (${text(d.wg)}, ${text(d.repo)}) as shipping again: it owes a revision`,
  'patch.opened': (d) =>
    `Opened patch release ${text(d.version)}${text(d.targetOn) ? `, planned for ${text(d.targetOn)}` : ''}`,
  'patch.released': (d) => `Marked patch release ${text(d.version)} as released on ${text(d.on)}`,
  'release.shipped': (d) => {
    const slip = typeof d.slipDays === 'number' && d.slipDays !== 0 ? d.slipDays : 0;
    const against =
      slip === 0
        ? ', as first planned'
        : `, ${days(Math.abs(slip))} ${slip > 0 ? 'later' : 'earlier'} than first planned`;
    return `Recorded that the release shipped on ${text(d.on)}${text(d.planned) ? against : ''}`;
  },
  'release.closed': (d) =>
    `Closed the release${d.early === true ? ' before its release day' : ''}${text(d.reason) ? '' : ': its cycle is over'}`,
  'release.cancelled': () => 'Cancelled the release',
  'feature.punted': (d) =>
    `Punted feature #${count(d.id)} "${text(d.title)}" (${text(d.wg)}, ${text(d.ref)}) to the next release`,
  'feature.kept': (d) =>
    `Kept at-risk feature #${count(d.id)} "${text(d.title)}" (${text(d.wg)}, ${text(d.ref)}) in the release`,
};

/** One decision as the log shows it. */
export interface Decision {
  at: string;
  actor: string;
  action: string;
  summary: string;
  reason: string;
}

function toDecision(entry: AuditEntry, phaseName: Names): Decision | null {
  const describe = DECISION_ACTIONS[entry.action];
  if (!describe) return null;
  return {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    summary: describe(entry.details, phaseName),
    reason: text(entry.details.reason),
  };
}

function phaseNames(store: Store, release: ReleaseRow): Names {
  const phases = store.releases.latestPlan(release)?.timeline.phases ?? [];
  return (key) => phases.find((p) => p.key === key)?.name ?? key;
}

const DECISION_ACTION_NAMES = Object.keys(DECISION_ACTIONS);

/** Every use of the release manager's authority in a release, oldest first (the CLI's export). */
export function getDecisionLog(
  deps: { store: Store; clock: Clock },
  version?: string,
): { version: string; decisions: Decision[] } {
  const release = findRelease(deps, version);
  const names = phaseNames(deps.store, release);
  const total = deps.store.audit.countActions(release.id, DECISION_ACTION_NAMES);
  const decisions = deps.store.audit
    .withActions(release.id, DECISION_ACTION_NAMES, total, 0)
    .map((entry) => toDecision(entry, names))
    .filter((d): d is Decision => d !== null);
  return { version: release.version, decisions };
}

/** Decisions a page of `/kfrelease decisions` shows. */
export const DECISIONS_PER_PAGE = 40;

/** One page of the decision log: the decisions on it and where it falls in the whole log. */
export interface DecisionPage {
  version: string;
  decisions: Decision[];
  page: ListPage;
}

/**
 * `/kfrelease decisions [page N]`: one page of the release manager's decisions, oldest first,
 * counted and read in SQL (only the decision actions, only that page), so the answer costs the
 * same however much else the audit log records.
 */
export function getDecisionPage(
  deps: { store: Store; clock: Clock },
  input: { version?: string; page: number },
): DecisionPage {
  const release = findRelease(deps, input.version);
  const total = deps.store.audit.countActions(release.id, DECISION_ACTION_NAMES);
  const page = pageOfList({
    total,
    perPage: DECISIONS_PER_PAGE,
    page: input.page,
    what: `decisions of ${release.version}`,
    command: `/kfrelease decisions ${release.version}`,
  });
  const names = phaseNames(deps.store, release);
  const decisions = deps.store.audit
    .withActions(release.id, DECISION_ACTION_NAMES, page.perPage, page.offset)
    .map((entry) => toDecision(entry, names))
    .filter((d): d is Decision => d !== null);
  return { version: release.version, decisions, page };
}

/** Tells two decisions of the same kind taken at the same instant apart (a frozen clock, a script). */
function fingerprint(entry: Omit<AuditEntry, 'releaseId'>): string {
  return createHash('sha256')
    .update(JSON.stringify([entry.actor, entry.details]))
    .digest('hex')
    .slice(0, 12);
}

/**
 * Tells the release channel about a decision, through the outbox, in the transaction that records
 * it. A release without a channel hears nothing; the decision log still has it.
 */
export function announceDecision(
  store: Store,
  release: ReleaseRow,
  entry: Omit<AuditEntry, 'releaseId'>,
): void {
  const decision = toDecision({ ...entry, releaseId: release.id }, phaseNames(store, release));
  if (!release.slackChannel || !decision) return;
  store.outbox.enqueue(
    {
      key: `decision:${release.id}:${entry.action}:${entry.at}:${fingerprint(entry)}`,
      releaseId: release.id,
      channel: release.slackChannel,
      notice: { kind: 'decision', version: release.version, decision },
    },
    entry.at,
  );
}

/**
 * Refuses anyone but the release manager (or an admin) the release manager's authority, naming
 * who holds it.
 */
export function requireReleaseManager(
  deps: { store: Store; admins: string[] },
  release: ReleaseRow,
  userId: string,
  what: string,
): void {
  if (authorityOf(deps, release, userId).steers) return;
  const managers = deps.store.team
    .assignments(release.id)
    .filter((a) => a.role === 'release_manager' && !a.shadow)
    .map((a) => (a.slackId ? user(a.slackId) : textOf(a.name)));
  const named = managers.length > 0 ? md` (${join(managers)})` : '';
  refuse(what, md`the release manager of ${release.version}${named} or an admin`);
}

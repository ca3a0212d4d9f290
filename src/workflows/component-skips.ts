import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { componentsNamedBy } from '../domain/component-names';
import { UserError } from '../errors';
import { code, md, user } from '../text/mrkdwn';
import { announceDecision, requireReleaseManager } from './decision-log';
import { findRelease } from './find-release';
import { requireLive } from './release-lifecycle';
import { SHIP_USAGE, SKIP_USAGE } from './command-usages';

type Deps = { store: Store; clock: Clock; admins: string[] };

/** The components one skip or ship is about, with their working group. */
export interface MarkedComponent {
  id: number;
  component: string;
  wg: string;
  repo: string;
}

export interface ComponentMarkResult {
  release: ReleaseRow;
  components: MarkedComponent[];
  /** What the release manager said (skip only). */
  reason: string;
}

/** Every component of every working group, for a command to name. */
function allComponents(store: Store): (MarkedComponent & { name: string })[] {
  return store.workingGroups
    .list()
    .flatMap((g) =>
      g.components.map((c) => ({ id: c.id, name: c.name, component: c.name, wg: g.name, repo: c.repo })),
    );
}

function named(store: Store, words: string[], usage: string) {
  const match = componentsNamedBy(allComponents(store), words);
  if (match) return match;
  throw new UserError(
    words.length === 0 ? 'bad_argument' : 'not_found',
    words.length === 0
      ? md`Name the component, or its repository (owner/name).`
      : md`"${words.join(' ')}" does not start with the name of a component or a repository of a working group.`,
    md`${code('/kfrelease versions')} lists them. Usage: ${code(usage)}`,
  );
}

function decisionDetails(components: MarkedComponent[], reason: string) {
  return {
    components: components.map((c) => c.component),
    wg: [...new Set(components.map((c) => c.wg))].join(', '),
    repo: [...new Set(components.map((c) => c.repo))].join(', '),
    reason,
  };
}

/**
 * The release manager marks a component as not shipping this cycle, with a reason: it owes no
 * revision from then on, and every list of what is missing (versions, status, agenda, reminders,
 * App Home, the announcement, the tracking issue) shows it as not shipping instead. Recorded in
 * the decision log and announced in the release channel.
 */
export function skipComponent(
  deps: Deps,
  input: { version?: string; userId: string; words: string[] },
): ComponentMarkResult {
  const { store, clock } = deps;
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireReleaseManager(
    deps,
    release,
    input.userId,
    `mark a component of ${release.version} as not shipping`,
  );
  const { matched, rest } = named(store, input.words, SKIP_USAGE);
  const reason = rest.join(' ').trim();
  if (reason.length < 3)
    throw new UserError(
      'bad_argument',
      md`Say why ${matched.map((c) => c.component).join(', ')} does not ship in ${release.version}: the working group and the decision log read it.`,
      md`Usage: ${code(SKIP_USAGE)}, e.g. ${code('/kfrelease component skip kubeflow/kfp-tekton The Tekton backend is not released this cycle')}`,
    );
  if (reason.length > 500) throw new UserError('bad_argument', md`Keep the reason under 500 characters.`);
  const skips = store.workingGroups.skips(release.id);
  const already = matched.filter((c) => skips.some((s) => s.componentId === c.id));
  if (already.length === matched.length) {
    const skip = skips.find((s) => s.componentId === matched[0]?.id);
    throw new UserError(
      'conflict',
      md`${matched.map((c) => c.component).join(', ')} is already marked as not shipping in ${release.version}${skip ? md` (by ${skip.skippedBy.startsWith('cli:') ? skip.skippedBy.slice(4) : user(skip.skippedBy)}: ${skip.reason})` : ''}.`,
      md`${code(SHIP_USAGE)} takes the mark back.`,
    );
  }
  const now = clock.now().toUTC().toISO() ?? '';
  const fresh = matched.filter((c) => !already.includes(c));
  store.transaction(() => {
    for (const c of fresh)
      store.workingGroups.skip(release.id, {
        componentId: c.id,
        reason,
        skippedBy: input.userId,
        skippedAt: now,
      });
    const entry = {
      at: now,
      actor: input.userId,
      action: 'component.skipped',
      details: decisionDetails(fresh, reason),
    };
    store.audit.record({ ...entry, releaseId: release.id });
    announceDecision(store, release, entry);
  });
  return { release, components: fresh, reason };
}

/** Takes back "not shipping": the component owes a revision again. Decision log and channel hear it. */
export function shipComponent(
  deps: Deps,
  input: { version?: string; userId: string; words: string[] },
): ComponentMarkResult {
  const { store, clock } = deps;
  const release = findRelease(deps, input.version);
  requireLive(release);
  requireReleaseManager(deps, release, input.userId, `mark a component of ${release.version} as shipping`);
  const { matched, rest } = named(store, input.words, SHIP_USAGE);
  if (rest.length > 0)
    throw new UserError(
      'bad_argument',
      md`"${rest.join(' ')}" is not part of a component name: give only the component or its repository.`,
      md`Usage: ${code(SHIP_USAGE)}`,
    );
  const skipped = new Set(store.workingGroups.skips(release.id).map((s) => s.componentId));
  const marked = matched.filter((c) => skipped.has(c.id));
  if (marked.length === 0)
    throw new UserError(
      'conflict',
      md`${matched.map((c) => c.component).join(', ')} is not marked as not shipping in ${release.version}: nothing to take back.`,
    );
  const now = clock.now().toUTC().toISO() ?? '';
  store.transaction(() => {
    for (const c of marked) store.workingGroups.unskip(release.id, c.id);
    const entry = {
      at: now,
      actor: input.userId,
      action: 'component.shipped',
      details: decisionDetails(marked, ''),
    };
    store.audit.record({ ...entry, releaseId: release.id });
    announceDecision(store, release, entry);
  });
  return { release, components: marked, reason: '' };
}

import type { Clock } from '../clock';
import type { FeatureRow } from '../db/feature-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { FEATURE_MAX } from '../domain/docs-items';
import { docsDone, featureInputSchema, hasLanded, type FeatureInput } from '../domain/features';
import { parseIssueReference } from '../domain/issue-reference';
import { UserError } from '../errors';
import type { IssueInfo, IssueLookups } from '../github/github-client';
import type { Logger } from '../logger';
import { md } from '../text/mrkdwn';
import { authorityOf } from './authority';
import { findRelease } from './find-release';
import { requireLive } from './release-lifecycle';
import { freezeStarted } from './revision-targets';
import { lookUpIssues } from './submit-blockers';
import { flagDocs } from './sync-features';

type Deps = { store: Store; clock: Clock; admins: string[] };
export type FeatureField = 'wg' | 'title' | 'ref' | 'docs' | 'pages' | 'highlight';

/** The working groups a person may add features for: all for the release manager, else their own. */
export function featureGroups(deps: Deps, release: ReleaseRow, userId: string): string[] {
  const all = deps.store.workingGroups.list().map((g) => g.name);
  const authority = authorityOf(deps, release, userId);
  if (authority.steers) return all;
  return all.filter((wg) => authority.liaisonOf.includes(wg));
}

const noFeatureRole = (version: string) =>
  new UserError(
    'forbidden',
    md`Only the release manager and a working group's liaison can track features of ${version}.`,
    md`See who holds which role with \`/kfrelease team\`.`,
  );

/** What the "add feature" form offers this person: the working groups they may add for. */
export function prepareFeatureForm(
  deps: Deps,
  input: { userId: string; version?: string },
): { release: ReleaseRow; groups: string[] } {
  const release = findRelease(deps, input.version);
  requireLive(release);
  const groups = featureGroups(deps, release, input.userId);
  if (groups.length === 0) throw noFeatureRole(release.version);
  return { release, groups };
}

export type AddFeatureResult =
  | { kind: 'errors'; errors: Partial<Record<FeatureField, string>> }
  | { kind: 'saved'; release: ReleaseRow; feature: FeatureRow; github: IssueInfo; docsLinked: boolean };

const FIELD_OF: Record<keyof FeatureInput, FeatureField> = {
  wg: 'wg',
  title: 'title',
  ref: 'ref',
  docsNeeded: 'docs',
  docsPages: 'pages',
  highlight: 'highlight',
};

/**
 * Tracks a feature of the release: its working group (the person's own, or any for the release
 * manager), a title, the issue or pull request that tracks it (looked up on GitHub: it must exist),
 * whether docs must change and where, and whether it is a highlight candidate. Docs needed creates
 * a docs item for its working group, or links the one already recorded under the same title. A
 * pull request already merged is recorded as landed; one added once Feature Freeze has started is
 * at risk from the start. Problems come back per field.
 */
export async function addFeature(
  deps: Deps & { github: IssueLookups; logger: Logger; deadlineMs: number },
  input: { userId: string; version: string; values: Record<keyof FeatureInput, unknown> },
): Promise<AddFeatureResult> {
  const { store } = deps;
  const release = findRelease(deps, input.version);
  requireLive(release);
  const parsed = featureInputSchema.safeParse(input.values);
  const errors: Partial<Record<FeatureField, string>> = {};
  for (const issue of parsed.error?.issues ?? [])
    errors[FIELD_OF[issue.path[0] as keyof FeatureInput] ?? 'title'] ??= issue.message;
  const values = parsed.success ? parsed.data : null;
  const allowed = featureGroups(deps, release, input.userId);
  if (allowed.length === 0) throw noFeatureRole(release.version);
  const wg = values ? store.workingGroups.findByName(values.wg) : null;
  if (values && (!wg || !allowed.includes(wg.name))) {
    errors.wg = wg
      ? `Only the release manager and ${wg.name}'s liaison can track features of ${wg.name}; you can for ${allowed.join(', ')}.`
      : `There is no working group "${values.wg}"; you can track features for ${allowed.join(', ')}.`;
  }
  if (values?.docsNeeded && values.docsPages === '')
    errors.pages = 'Say which kubeflow.org pages change, one a line (or untick "docs needed").';
  const reference = values ? parseIssueReference(values.ref) : null;
  if (reference && !reference.ok) errors.ref = `Not read: ${reference.problem}`;
  const ref = reference?.ok ? reference.ref : null;
  const tracked = ref ? store.features.byRef(release.id, ref) : null;
  if (tracked)
    errors.ref = `${tracked.ref} already tracks feature #${tracked.id} "${tracked.title}" (${tracked.wg}).`;
  if (!values || !wg || !ref || Object.keys(errors).length > 0) return { kind: 'errors', errors };

  const lookup = await lookUpIssues(deps, [ref]);
  if ('problem' in lookup) return { kind: 'errors', errors: { ref: lookup.problem } };
  const info = [...lookup.issues.values()][0] ?? null;
  if (!info)
    return {
      kind: 'errors',
      errors: {
        ref: `GitHub has no issue or pull request ${ref.owner}/${ref.repo}#${ref.number} (or it is private).`,
      },
    };

  const at = deps.clock.now().toUTC().toISO() ?? '';
  const landed = hasLanded(info);
  const saved = store.transaction(() => {
    // Read again inside the transaction: the same reference may have been added meanwhile.
    const again = store.features.byRef(release.id, ref);
    if (again) return { again };
    const docs = values.docsNeeded
      ? docsItemFor(store, {
          release,
          wg,
          title: values.title,
          pages: values.docsPages,
          userId: input.userId,
          at,
        })
      : null;
    const id = store.features.insert({
      releaseId: release.id,
      wgId: wg.id,
      title: values.title,
      owner: ref.owner,
      repo: ref.repo,
      number: ref.number,
      githubTitle: info.title,
      githubState: info.state,
      isPullRequest: info.isPullRequest,
      labels: info.labels,
      url: info.url,
      githubUpdatedAt: info.updatedAt,
      docsNeeded: values.docsNeeded,
      docsPages: values.docsPages,
      docsItemId: docs?.id ?? null,
      highlight: values.highlight,
      state: landed ? 'landed' : freezeStarted(deps, release) ? 'at_risk' : 'tracked',
      landedAt: landed ? at : null,
      by: input.userId,
      at,
    });
    // A pull request merged before it was added lands at once; its docs may still be owed.
    const added = store.features.byId(id);
    if (added && landed && !docsDone(added)) flagDocs(store, added, at);
    store.audit.record({
      at,
      actor: input.userId,
      releaseId: release.id,
      action: 'feature.added',
      details: {
        id,
        wg: wg.name,
        title: values.title,
        ref: `${ref.owner}/${ref.repo}#${ref.number}`,
        docsItem: docs?.id ?? null,
      },
    });
    return { id, docsLinked: docs?.linked ?? false };
  });
  if ('again' in saved && saved.again)
    return {
      kind: 'errors',
      errors: { ref: `${saved.again.ref} already tracks feature #${saved.again.id}.` },
    };
  const feature = 'id' in saved ? store.features.byId(saved.id) : null;
  if (!feature) throw new Error('feature vanished after insert');
  return {
    kind: 'saved',
    release,
    feature,
    github: info,
    docsLinked: 'docsLinked' in saved && saved.docsLinked === true,
  };
}

/**
 * The docs item that follows a feature's documentation: the one its working group already
 * recorded under the same title, else a new one (status needed, no owner yet).
 */
function docsItemFor(
  store: Store,
  p: {
    release: ReleaseRow;
    wg: { id: number; name: string };
    title: string;
    pages: string;
    userId: string;
    at: string;
  },
): { id: number; linked: boolean } {
  const same = store.docsItems
    .forRelease(p.release.id)
    .find((d) => d.wgId === p.wg.id && d.feature.trim().toLowerCase() === p.title.toLowerCase());
  if (same) return { id: same.id, linked: true };
  const id = store.docsItems.insert({
    releaseId: p.release.id,
    wgId: p.wg.id,
    feature: p.title.slice(0, FEATURE_MAX),
    pages: p.pages,
    owner: null,
    status: 'needed',
    by: p.userId,
    at: p.at,
  });
  store.audit.record({
    at: p.at,
    actor: p.userId,
    releaseId: p.release.id,
    action: 'docs_item.added',
    details: { id, wg: p.wg.name, feature: p.title, status: 'needed', fromFeature: true },
  });
  return { id, linked: false };
}

export interface FeatureListView {
  version: string;
  /** The working group asked for, if any. */
  wg: string | null;
  features: FeatureRow[];
  workingGroups: string[];
}

/** `/kfrelease features [version] [wg]`: the features of a release, optionally of one working group. */
export function listFeatures(
  deps: { store: Store; clock: Clock },
  input: { version?: string; wg?: string },
): FeatureListView {
  const release = findRelease(deps, input.version);
  const groups = deps.store.workingGroups.list().map((g) => g.name);
  let wg: string | null = null;
  if (input.wg !== undefined) {
    wg = groups.find((g) => g.toLowerCase() === input.wg?.toLowerCase()) ?? null;
    if (!wg)
      throw new UserError(
        'bad_argument',
        md`There is no working group "${input.wg}".`,
        md`The working groups are ${groups.join(', ')}.`,
      );
  }
  const features = deps.store.features.forRelease(release.id).filter((f) => wg === null || f.wg === wg);
  return { version: release.version, wg, features, workingGroups: groups };
}

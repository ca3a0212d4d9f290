import type { Database } from 'better-sqlite3';
import type { DocsStatus } from '../domain/docs-items';
import type { Feature, FeatureState } from '../domain/features';
import { objectRows } from './object-rows';

export interface FeatureRow extends Feature {
  releaseId: number;
  wgId: number;
  owner: string;
  repo: string;
  number: number;
  githubTitle: string;
  githubState: 'open' | 'closed' | 'merged';
  labels: string[];
  githubUpdatedAt: string;
  docsItemId: number | null;
  stateBy: string | null;
  stateAt: string | null;
  keptBy: string | null;
  landedAt: string | null;
  docsFlaggedAt: string | null;
  createdBy: string;
  createdAt: string;
}

/** What GitHub says about the issue or pull request that tracks a feature. */
export interface FeatureGitHubState {
  githubTitle: string;
  githubState: 'open' | 'closed' | 'merged';
  isPullRequest: boolean;
  labels: string[];
  url: string;
  githubUpdatedAt: string;
}

export interface NewFeature extends FeatureGitHubState {
  releaseId: number;
  wgId: number;
  title: string;
  owner: string;
  repo: string;
  number: number;
  docsNeeded: boolean;
  docsPages: string;
  docsItemId: number | null;
  highlight: boolean;
  state: FeatureState;
  landedAt: string | null;
  by: string;
  at: string;
}

const SELECT = `SELECT f.id, f.release_id AS releaseId, f.wg_id AS wgId, wg.name AS wg, f.title, f.owner, f.repo,
  f.number, f.url, f.is_pull_request AS isPullRequest, f.github_title AS githubTitle,
  f.github_state AS githubState, f.labels, f.github_updated_at AS githubUpdatedAt,
  f.docs_needed AS docsNeeded, f.docs_pages AS docsPages, f.docs_item_id AS docsItemId,
  d.status AS docsStatus, f.highlight, f.state, f.reason, f.state_by AS stateBy, f.state_at AS stateAt,
  f.kept_by AS keptBy, f.landed_at AS landedAt, f.docs_flagged_at AS docsFlaggedAt,
  f.created_by AS createdBy, f.created_at AS createdAt
  FROM features f JOIN working_groups wg ON wg.id = f.wg_id LEFT JOIN docs_items d ON d.id = f.docs_item_id`;

type Raw = Omit<FeatureRow, 'isPullRequest' | 'labels' | 'docsNeeded' | 'highlight' | 'ref' | 'kept'> & {
  isPullRequest: number;
  labels: string;
  docsNeeded: number;
  highlight: number;
  docsStatus: DocsStatus | null;
};

function toRow(raw: Raw | undefined): FeatureRow | null {
  if (!raw) return null;
  return {
    ...raw,
    ref: `${raw.owner}/${raw.repo}#${raw.number}`,
    isPullRequest: raw.isPullRequest === 1,
    labels: JSON.parse(raw.labels) as string[],
    docsNeeded: raw.docsNeeded === 1,
    highlight: raw.highlight === 1,
    kept: raw.keptBy !== null,
  };
}

/** The features of each release, with the state of their docs items. */
export function createFeatureRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO features (release_id, wg_id, title, owner, repo, number, url, is_pull_request, github_title,
       github_state, labels, github_updated_at, docs_needed, docs_pages, docs_item_id, highlight, state,
       state_by, state_at, landed_at, created_by, created_at, synced_at)
     VALUES (@releaseId, @wgId, @title, @owner, @repo, @number, @url, @isPr, @githubTitle, @githubState,
       @labels, @githubUpdatedAt, @docsNeeded, @docsPages, @docsItemId, @highlight, @state, @by, @at,
       @landedAt, @by, @at, @at)`,
  );
  const byId = db.prepare(`${SELECT} WHERE f.id = ?`);
  const byRef = db.prepare(
    `${SELECT} WHERE f.release_id = ? AND lower(f.owner) = lower(?) AND lower(f.repo) = lower(?) AND f.number = ?`,
  );
  const forRelease = objectRows(db.prepare(`${SELECT} WHERE f.release_id = ? ORDER BY wg.name, f.id`));
  const open = db.prepare(
    `${SELECT} WHERE f.state IN ('tracked', 'at_risk') AND f.release_id IN (SELECT id FROM releases WHERE status = 'active') ORDER BY f.id`,
  );
  const setState = db.prepare(
    `UPDATE features SET state = @state, reason = @reason, state_by = @by, state_at = @at,
       kept_by = CASE WHEN @state = 'at_risk' THEN kept_by ELSE NULL END,
       kept_at = CASE WHEN @state = 'at_risk' THEN kept_at ELSE NULL END
     WHERE id = @id AND state <> @state`,
  );
  const turnAtRisk = db.prepare(
    `UPDATE features SET state = 'at_risk', state_by = @by, state_at = @at
     WHERE release_id = @releaseId AND state = 'tracked'`,
  );
  const keep = db.prepare(
    "UPDATE features SET kept_by = ?, kept_at = ? WHERE id = ? AND state = 'at_risk' AND kept_by IS NULL",
  );
  const applyGitHub = db.prepare(
    `UPDATE features SET github_title = @githubTitle, github_state = @githubState, is_pull_request = @isPr,
       labels = @labels, url = @url, github_updated_at = @githubUpdatedAt, synced_at = @at WHERE id = @id`,
  );
  const land = db.prepare(
    `UPDATE features SET state = 'landed', landed_at = @at, state_by = 'github', state_at = @at, reason = ''
     WHERE id = @id AND state IN ('tracked', 'at_risk')`,
  );
  const flagDocs = db.prepare(
    'UPDATE features SET docs_flagged_at = ? WHERE id = ? AND docs_flagged_at IS NULL',
  );
  const settings = db.prepare(
    'SELECT public_landed AS publicLanded FROM feature_settings WHERE release_id = ?',
  );
  const saveSettings = db.prepare(
    `INSERT INTO feature_settings (release_id, public_landed, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (release_id) DO UPDATE SET public_landed = excluded.public_landed,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );

  const github = (state: FeatureGitHubState) => ({
    githubTitle: state.githubTitle,
    githubState: state.githubState,
    isPr: state.isPullRequest ? 1 : 0,
    labels: JSON.stringify(state.labels),
    url: state.url,
    githubUpdatedAt: state.githubUpdatedAt,
  });

  return {
    insert: (f: NewFeature) =>
      Number(
        insert.run({
          releaseId: f.releaseId,
          wgId: f.wgId,
          title: f.title,
          owner: f.owner,
          repo: f.repo,
          number: f.number,
          ...github(f),
          docsNeeded: f.docsNeeded ? 1 : 0,
          docsPages: f.docsPages,
          docsItemId: f.docsItemId,
          highlight: f.highlight ? 1 : 0,
          state: f.state,
          landedAt: f.landedAt,
          by: f.by,
          at: f.at,
        }).lastInsertRowid,
      ),
    byId: (id: number) => toRow(byId.get(id) as Raw | undefined),
    byRef: (releaseId: number, ref: { owner: string; repo: string; number: number }) =>
      toRow(byRef.get(releaseId, ref.owner, ref.repo, ref.number) as Raw | undefined),
    forRelease: (releaseId: number) =>
      (forRelease.all(releaseId) as Raw[]).map((r) => toRow(r) as FeatureRow),
    /** Features of live releases not landed nor punted: what the GitHub sync looks at. */
    openOfLiveReleases: () => (open.all() as Raw[]).map((r) => toRow(r) as FeatureRow),
    /** False when it already was in that state. A state other than at risk forgets a keep. */
    setState: (id: number, state: FeatureState, reason: string, by: string, at: string) =>
      setState.run({ id, state, reason, by, at }).changes === 1,
    /** Every tracked feature of the release turns at risk; how many did. */
    turnAtRisk: (releaseId: number, by: string, at: string) => turnAtRisk.run({ releaseId, by, at }).changes,
    /** Records that an at-risk feature stays in the release; false when it was kept already. */
    keep: (id: number, by: string, at: string) => keep.run(by, at, id).changes === 1,
    applyGitHub: (id: number, state: FeatureGitHubState, at: string) =>
      applyGitHub.run({ id, ...github(state), at }),
    /** False when it had landed or been punted already. */
    land: (id: number, at: string) => land.run({ id, at }).changes === 1,
    /** False when the Docs Lead was told already. */
    flagDocs: (id: number, at: string) => flagDocs.run(at, id).changes === 1,
    /** Whether the public schedule shows the release's landed features (yes unless hidden). */
    publicLanded: (releaseId: number) =>
      ((settings.get(releaseId) as { publicLanded: number } | undefined)?.publicLanded ?? 1) === 1,
    setPublicLanded: (releaseId: number, shown: boolean, by: string, at: string) =>
      saveSettings.run(releaseId, shown ? 1 : 0, by, at),
  };
}

import type { Database } from 'better-sqlite3';
import type { WorkingGroupConfig } from '../working-groups/working-groups-schema';
import { objectRows } from './object-rows';

export interface WorkingGroup {
  id: number;
  name: string;
  repos: string[];
  components: { id: number; name: string; repo: string; kind: 'wg' | 'common' }[];
}

/** A component the release manager marked as not shipping in one release. */
export interface ComponentSkip {
  componentId: number;
  reason: string;
  skippedBy: string;
  skippedAt: string;
}

/** Thrown inside sync's transaction to roll it back when it changed nothing. */
const UNCHANGED = Symbol('working groups unchanged');

/** Working groups as configured; the configuration file is the source of truth. */
export function createWorkingGroupRepository(db: Database) {
  const active = db.prepare('SELECT id, name FROM working_groups WHERE retired = 0 ORDER BY name');
  const allRepos = db.prepare('SELECT wg_id AS wgId, repo FROM wg_repositories ORDER BY repo');
  const allComponents = db.prepare(
    'SELECT id, wg_id AS wgId, name, repo, kind FROM wg_components ORDER BY id',
  );
  const byName = db.prepare(
    'SELECT id, name FROM working_groups WHERE name = ? COLLATE NOCASE AND retired = 0',
  );
  const upsertGroup = db.prepare(
    `INSERT INTO working_groups (name, retired) VALUES (?, 0)
     ON CONFLICT (name) DO UPDATE SET name = excluded.name, retired = 0 RETURNING id`,
  );
  const retireOthers = db.prepare(
    `UPDATE working_groups SET retired = 1 WHERE retired = 0 AND lower(name) NOT IN (SELECT lower(value) FROM json_each(?))`,
  );
  const deleteRepos = db.prepare('DELETE FROM wg_repositories WHERE wg_id = ?');
  const insertRepo = db.prepare('INSERT INTO wg_repositories (wg_id, repo) VALUES (?, ?)');
  const upsertComponent = db.prepare(
    `INSERT INTO wg_components (wg_id, name, repo, kind) VALUES (?, ?, ?, ?)
     ON CONFLICT (wg_id, name) DO UPDATE SET repo = excluded.repo, kind = excluded.kind`,
  );
  const deleteOtherComponents = db.prepare(
    `DELETE FROM wg_components WHERE wg_id = ? AND lower(name) NOT IN (SELECT lower(value) FROM json_each(?))`,
  );

  const skipsOf = objectRows(
    db.prepare(
      `SELECT component_id AS componentId, reason, skipped_by AS skippedBy, skipped_at AS skippedAt
     FROM component_skips WHERE release_id = ? ORDER BY component_id`,
    ),
  );
  const insertSkip = db.prepare(
    `INSERT INTO component_skips (release_id, component_id, reason, skipped_by, skipped_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (release_id, component_id) DO NOTHING`,
  );
  const deleteSkip = db.prepare('DELETE FROM component_skips WHERE release_id = ? AND component_id = ?');

  // Only sync() writes these tables, so the list is kept until it runs again.
  let listed: WorkingGroup[] | null = null;
  function readList(): WorkingGroup[] {
    const groups = active.all() as { id: number; name: string }[];
    const repos = allRepos.all() as { wgId: number; repo: string }[];
    const components = allComponents.all() as (WorkingGroup['components'][number] & { wgId: number })[];
    return groups.map((group) => ({
      ...group,
      repos: repos.filter((r) => r.wgId === group.id).map((r) => r.repo),
      components: components.filter((c) => c.wgId === group.id).map(({ wgId: _wgId, ...c }) => c),
    }));
  }

  return {
    /** Every working group still in the configuration, with its repositories and components. */
    list(): WorkingGroup[] {
      listed ??= readList();
      return listed;
    },
    /** The components marked as not shipping in a release. */
    skips: (releaseId: number) => skipsOf.all(releaseId) as ComponentSkip[],
    /** Marks a component as not shipping in a release; false when it already was. */
    skip: (releaseId: number, skip: ComponentSkip) =>
      insertSkip.run(releaseId, skip.componentId, skip.reason, skip.skippedBy, skip.skippedAt).changes === 1,
    /** Takes the mark back; false when the component was not marked. */
    unskip: (releaseId: number, componentId: number) => deleteSkip.run(releaseId, componentId).changes === 1,
    findByName: (name: string) => (byName.get(name) as { id: number; name: string } | undefined) ?? null,
    /**
     * Brings the table in line with the configuration file. Returns true when anything changed.
     * When nothing did (every start but the first after an edit), the transaction is rolled back:
     * a start then commits nothing, and waits for no disk flush.
     */
    sync(groups: WorkingGroupConfig[]): boolean {
      const before = JSON.stringify(readList());
      try {
        db.transaction(() => {
          retireOthers.run(JSON.stringify(groups.map((g) => g.name)));
          for (const group of groups) {
            const { id } = upsertGroup.get(group.name) as { id: number };
            deleteRepos.run(id);
            for (const repo of new Set(group.repos)) insertRepo.run(id, repo);
            for (const c of group.components) upsertComponent.run(id, c.name, c.repo, c.kind);
            deleteOtherComponents.run(id, JSON.stringify(group.components.map((c) => c.name)));
          }
          if (JSON.stringify(readList()) === before) throw UNCHANGED;
        }).immediate();
      } catch (error) {
        if (error !== UNCHANGED) throw error;
        return false;
      } finally {
        listed = null;
      }
      return true;
    },
  };
}

export type WorkingGroupRepository = ReturnType<typeof createWorkingGroupRepository>;

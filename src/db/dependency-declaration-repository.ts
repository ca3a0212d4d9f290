import type { Database } from 'better-sqlite3';
import { objectRows } from './object-rows';

/** A working group's declaration: expected final versions and supported dependency ranges. */
export interface DependencyDeclarationRow {
  id: number;
  releaseId: number;
  wgId: number;
  wg: string;
  /** Component name -> expected final version, as typed. */
  expectedVersions: Record<string, string>;
  /** Dependency id (config/dependencies.yml) -> supported range, as typed. */
  ranges: Record<string, string>;
  declaredBy: string;
  declaredAt: string;
}

export type NewDependencyDeclaration = Omit<DependencyDeclarationRow, 'id' | 'wg'>;

type Raw = Omit<DependencyDeclarationRow, 'expectedVersions' | 'ranges'> & {
  expectedVersions: string;
  ranges: string;
};

const SELECT = `SELECT d.id, d.release_id AS releaseId, d.wg_id AS wgId, wg.name AS wg,
  d.expected_versions AS expectedVersions, d.ranges, d.declared_by AS declaredBy, d.declared_at AS declaredAt
  FROM dependency_declarations d JOIN working_groups wg ON wg.id = d.wg_id`;

const toRow = (raw: Raw): DependencyDeclarationRow => ({
  ...raw,
  expectedVersions: JSON.parse(raw.expectedVersions) as Record<string, string>,
  ranges: JSON.parse(raw.ranges) as Record<string, string>,
});

/** Dependency declarations: added, never changed; a working group's latest one counts. */
export function createDependencyDeclarationRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO dependency_declarations (release_id, wg_id, expected_versions, ranges, declared_by, declared_at)
     VALUES (@releaseId, @wgId, @expectedVersions, @ranges, @declaredBy, @declaredAt)`,
  );
  const latest = objectRows(
    db.prepare(
      `${SELECT} WHERE d.id IN (SELECT MAX(id) FROM dependency_declarations WHERE release_id = ? GROUP BY wg_id)
     ORDER BY wg.name`,
    ),
  );
  const byId = db.prepare(`${SELECT} WHERE d.id = ?`);

  return {
    /** Adds a declaration and returns its id. */
    insert: (declaration: NewDependencyDeclaration): number =>
      Number(
        insert.run({
          ...declaration,
          expectedVersions: JSON.stringify(declaration.expectedVersions),
          ranges: JSON.stringify(declaration.ranges),
        }).lastInsertRowid,
      ),
    /** Each working group's latest declaration in a release, by working group name. */
    latest: (releaseId: number) => (latest.all(releaseId) as Raw[]).map(toRow),
    byId: (id: number) => {
      const raw = byId.get(id) as Raw | undefined;
      return raw ? toRow(raw) : null;
    },
  };
}

export type DependencyDeclarationRepository = ReturnType<typeof createDependencyDeclarationRepository>;

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, migrate, MIGRATIONS_DIR } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { createStore } from '../../src/db/store';

/**
 * An answer is read from one state of the database: another process (the command line, a second
 * bot) committing while it is assembled is seen by the next answer, not by half of this one.
 */
describe('one answer, one snapshot of the database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kfrelease-snapshot-'));
  const file = join(dir, 'kfrelease.db');
  const db = openDatabase(file);
  migrate(db, loadMigrations(MIGRATIONS_DIR), () => '2026-05-12T10:00:00Z');
  const store = createStore(db);
  const other = openDatabase(file);
  store.workingGroups.sync([{ name: 'Notebooks', repos: ['kubeflow/notebooks'], components: [] }]);

  afterAll(() => {
    db.close();
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("does not see another connection's commit made while the answer is read, and the next answer does", () => {
    const seen = store.readOnce(() => {
      const before = store.workingGroups.findByName('Notebooks')?.name ?? null;
      other.prepare("UPDATE working_groups SET name = 'Notebooks WG' WHERE name = 'Notebooks'").run();
      // Another read than the first (the answer's memo would give the first one back anyway).
      return [before, store.workingGroups.list().map((group) => group.name)];
    });
    expect(seen).toEqual(['Notebooks', ['Notebooks']]);
    expect(db.inTransaction).toBe(false);
    expect(store.workingGroups.findByName('Notebooks')).toBeNull();
    expect(store.workingGroups.findByName('Notebooks WG')?.name).toBe('Notebooks WG');
  });

  it('writes inside an answer as outside: at once, after the reading ends', () => {
    store.readOnce(() => {
      store.workingGroups.findByName('Notebooks WG');
      store.workingGroups.sync([{ name: 'Pipelines', repos: ['kubeflow/pipelines'], components: [] }]);
      expect(db.inTransaction).toBe(false);
      expect(other.prepare("SELECT name FROM working_groups WHERE name = 'Pipelines'").pluck().get()).toBe(
        'Pipelines',
      );
    });
  });
});

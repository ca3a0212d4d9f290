import Database from 'better-sqlite3';
import { objectRows } from '../../src/db/object-rows';

describe('rows built from raw arrays', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, note TEXT);
    INSERT INTO t (name, score, note) VALUES ('Ada', 1.5, NULL), ('Alan', 2, 'x');`);
  const sql = 'SELECT id, name AS who, score, note, name FROM t WHERE id >= ? ORDER BY id';
  afterAll(() => db.close());

  it('are the objects better-sqlite3 builds: same keys in the same order, same values', () => {
    const rows = objectRows<Record<string, unknown>>(db.prepare(sql));
    const expected = db.prepare(sql).all(1) as Record<string, unknown>[];
    expect(rows.all(1)).toStrictEqual(expected);
    expect(rows.all(1).map((row) => Object.keys(row))).toEqual(expected.map((row) => Object.keys(row)));
    expect(rows.get(2)).toStrictEqual(db.prepare(sql).get(2));
    expect(rows.get(3)).toBeUndefined();
    expect(rows.all(3)).toEqual([]);
    expect(rows.source).toBe(sql);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adjustableClock } from '../../src/clock';
import { openDatabase } from '../../src/db/open-database';
import { cachedAnswer } from '../../src/slack/commands/answer-cache';

describe('cached read-only answers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kfrelease-cache-'));
  const file = join(dir, 'k.db');
  const db = openDatabase(file);
  const other = openDatabase(file);
  const clock = adjustableClock('2026-05-12T10:00:00Z');
  db.exec('CREATE TABLE t (x INTEGER)');
  let computed = 0;
  const answer = () =>
    cachedAnswer({ db, clock }, 'status:', () => ({ text: `answer ${++computed}`, blocks: [] }));

  afterAll(() => {
    db.close();
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers again from memory while nothing changed within the minute', () => {
    const first = answer();
    expect(answer()).toBe(first);
    expect(computed).toBe(1);
  });

  it('computes again after a write on this connection', () => {
    db.prepare('INSERT INTO t VALUES (1)').run();
    expect(answer().text).toBe('answer 2');
  });

  it('computes again after another connection (the command line) committed', () => {
    other.prepare('INSERT INTO t VALUES (2)').run();
    expect(answer().text).toBe('answer 3');
  });

  it('computes again when the minute turns, so dates and countdowns stay right', () => {
    clock.advance({ minutes: 1 });
    expect(answer().text).toBe('answer 4');
    expect(answer().text).toBe('answer 4');
  });

  it("reads the database's version once for an answer built inside another (a status command's status)", () => {
    other.prepare('INSERT INTO t VALUES (3)').run();
    const prototype = Object.getPrototypeOf(db.prepare('SELECT 1')) as {
      get: (...args: unknown[]) => unknown;
    };
    const original = prototype.get;
    const sources: string[] = [];
    prototype.get = function (this: { source: string }, ...args: unknown[]) {
      sources.push(this.source);
      return original.apply(this, args);
    };
    try {
      const outer = cachedAnswer({ db, clock }, 'command:status', () =>
        cachedAnswer({ db, clock }, 'status:inner', () => ({ text: `inner ${++computed}`, blocks: [] })),
      );
      expect(outer.text).toBe('inner 5');
      expect(sources.filter((sql) => sql.includes('data_version'))).toHaveLength(1);
      // The inner answer is kept under the same stamp: asked alone now, it is not computed again.
      expect(cachedAnswer({ db, clock }, 'status:inner', () => ({ text: 'again', blocks: [] })).text).toBe(
        'inner 5',
      );
    } finally {
      prototype.get = original;
    }
  });

  it('after a nested answer, a change is still seen by the next answer', () => {
    other.prepare('INSERT INTO t VALUES (4)').run();
    expect(answer().text).toBe('answer 6');
  });
});

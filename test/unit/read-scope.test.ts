import { createReadScope } from '../../src/db/read-scope';

/** A repository over a counter: how many times each read really ran. */
function counted() {
  const runs: string[] = [];
  let stored = 1;
  const repository = {
    findById: (id: number) => (runs.push(`findById ${id}`), { id, value: stored }),
    list: () => (runs.push('list'), [stored, 0]),
    save: (value: number) => {
      runs.push('save');
      stored = value;
    },
    /** Uses `this`, as a repository method may. */
    twice(this: { list(): number[] }) {
      return this.list().length * 2;
    },
  };
  return { runs, repository };
}

describe('one answer reads each thing once', () => {
  it('answers a read again from what this answer read, and reads afresh in the next answer', () => {
    const scope = createReadScope();
    const { runs, repository } = counted();
    const repo = scope.memoize(repository, ['findById', 'list']);
    scope.run(() => {
      expect(repo.findById(1)).toEqual({ id: 1, value: 1 });
      expect(repo.findById(1)).toEqual({ id: 1, value: 1 });
      repo.findById(2);
      repo.list();
      repo.list();
    });
    scope.run(() => repo.list());
    expect(runs).toEqual(['findById 1', 'findById 2', 'list', 'list']);
  });

  it('reads every time outside an answer', () => {
    const scope = createReadScope();
    const { runs, repository } = counted();
    const repo = scope.memoize(repository, ['list']);
    repo.list();
    repo.list();
    expect(runs).toEqual(['list', 'list']);
  });

  it('forgets what it read when anything writes, through a repository or a transaction', () => {
    const scope = createReadScope();
    const { runs, repository } = counted();
    const repo = scope.memoize(repository, ['list']);
    const seen = scope.run(() => {
      const before = repo.list();
      repo.save(5);
      const afterSave = repo.list();
      scope.forget();
      return [before, afterSave, repo.list()];
    });
    expect(seen).toEqual([
      [1, 0],
      [5, 0],
      [5, 0],
    ]);
    expect(runs).toEqual(['list', 'save', 'list', 'list']);
  });

  it('keeps repositories apart, rows by id, and methods their `this`', () => {
    const scope = createReadScope();
    const a = counted();
    const b = counted();
    const repoA = scope.memoize(a.repository, ['list', 'findById']);
    const repoB = scope.memoize(b.repository, ['list']);
    scope.run(() => {
      repoA.list();
      repoB.list();
      expect(repoA.twice()).toBe(4);
    });
    // `twice` is no read named to memoize: it runs as written, and what was read is forgotten.
    expect(a.runs).toEqual(['list', 'list']);
    expect(b.runs).toEqual(['list']);
  });

  it('hands out lists frozen, so a caller sorting one in place fails instead of changing it for the others', () => {
    const scope = createReadScope();
    const repo = scope.memoize(counted().repository, ['list']);
    scope.run(() => {
      expect(() => repo.list().sort()).toThrow(TypeError);
      expect(repo.list()).toEqual([1, 0]);
    });
  });

  it('builds a remembered view once per answer', () => {
    const scope = createReadScope();
    let built = 0;
    const build = () => ({ built: (built += 1) });
    const views = scope.run(() => [scope.remember('v', build), scope.remember('v', build)]);
    expect(views).toEqual([{ built: 1 }, { built: 1 }]);
    expect(scope.remember('v', build)).toEqual({ built: 2 });
  });

  it('reads an answer in one read transaction, ended before any write and with the answer', () => {
    const events: string[] = [];
    let open = false;
    const scope = createReadScope({
      begin: () => (open ? false : ((open = true), events.push('begin'), true)),
      end: () => ((open = false), events.push('end')),
    });
    const { repository } = counted();
    const repo = scope.memoize(repository, ['list']);
    scope.run(() => {
      repo.list();
      scope.run(() => repo.list());
      events.push('read');
      repo.save(2);
      events.push('saved');
      repo.list();
    });
    scope.run(() => repo.list());
    expect(events).toEqual(['begin', 'read', 'end', 'saved', 'begin', 'end']);
  });

  it('leaves a transaction someone else opened to them', () => {
    const events: string[] = [];
    const scope = createReadScope({ begin: () => false, end: () => events.push('end') });
    scope.run(() => scope.forget());
    expect(events).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};

type Version = [number, number, number];
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** `20`, `20.19`, `20.x`, `20.19.0` to the lowest version it names and how many parts it gave. */
function parse(text: string): { version: Version; parts: number } {
  const parts = text
    .replace(/^v/, '')
    .split('.')
    .filter((p) => p !== '' && p !== 'x' && p !== '*');
  const [major = 0, minor = 0, patch = 0] = parts.map(Number);
  return { version: [major, minor, patch], parts: parts.length };
}

/** Whether `node` satisfies one comparator of an npm range (the forms package-lock.json holds). */
function satisfiesComparator(node: Version, comparator: string): boolean {
  const match = /^(>=|<=|>|<|\^|~|=)?\s*(.+)$/.exec(comparator.trim());
  if (!match || match[2] === '*') return true;
  const operator = match[1] ?? '';
  const { version, parts } = parse(match[2] ?? '');
  const order = compare(node, version);
  if (operator === '>=') return order >= 0;
  if (operator === '>') return order > 0;
  if (operator === '<=') return order <= 0;
  if (operator === '<') return order < 0;
  const sameMajor = node[0] === version[0];
  if (operator === '^') return order >= 0 && sameMajor;
  if (operator === '~') return order >= 0 && sameMajor && (parts < 2 || node[1] === version[1]);
  // A bare or `=` version: `20`, `20.x` and `20.19` mean every version with those parts.
  return node.slice(0, parts).every((n, i) => n === version[i]);
}

/** Whether `node` satisfies an npm range: alternatives split by ||, comparators by spaces. */
function satisfies(node: Version, range: string): boolean {
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => satisfiesComparator(node, comparator)),
  );
}

describe('npm install prints no engine warning on the oldest Node the README names', () => {
  const oldest = parse(/^>=\s*(\S+)$/.exec(pkg.engines.node)?.[1] ?? '').version;

  it('names Node 20.19 in package.json and the README', () => {
    expect(pkg.engines.node).toBe('>=20.19');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('Node.js 20.19 or newer');
  });

  it('reads npm ranges as npm does', () => {
    expect(satisfies([20, 19, 0], '>=22')).toBe(false);
    expect(satisfies([20, 19, 0], '18 || 20 || >=22')).toBe(true);
    expect(satisfies([20, 19, 0], '^20.19.0 || ^22.13.0 || >=24')).toBe(true);
    expect(satisfies([20, 19, 0], '>=20.18.1')).toBe(true);
    expect(satisfies([20, 19, 0], '^14.17.0 || ^16.13.0')).toBe(false);
  });

  it('locks no package whose engines leave that Node out (was: content-type 3.1.1 wanted >=22)', () => {
    const refused = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range !== undefined && !satisfies(oldest, range) ? [`${name}: node ${range}`] : [];
      });
    expect(refused).toEqual([]);
  });
});

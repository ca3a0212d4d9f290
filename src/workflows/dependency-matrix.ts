import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { dependencyMatrix, type DependencyRow } from '../domain/dependency-ranges';
import type { DependencyList } from '../domain/dependency-list-schema';
import { escapeMarkdown as cell, markdownCode } from '../text/github-markdown';
import { findRelease } from './find-release';
import { shippedDependencyList } from './load-dependency-list';
import { freezeStarted } from './revision-targets';

type Deps = { store: Store; clock: Clock; dependencyList?: DependencyList };

/** `/kfrelease deps matrix` and `kfrelease deps --json`: every declaration of a release side by side. */
export interface DependencyMatrixView {
  version: string;
  /** Feature Freeze has started: from then on every working group owes a declaration. */
  freeze: boolean;
  /** The working groups that declared, with who did, when, and their expected final versions. */
  declared: {
    wg: string;
    declaredBy: string;
    declaredAt: string;
    expectedVersions: { component: string; version: string }[];
  }[];
  /** Working groups with no declaration yet. */
  missing: string[];
  /** One row per common dependency (config/dependencies.yml), the declared ranges side by side. */
  rows: DependencyRow[];
  /** Names of the dependencies whose ranges do not intersect. */
  conflicts: string[];
}

function buildMatrix(deps: Deps, release: ReleaseRow): DependencyMatrixView {
  const { store } = deps;
  const latest = store.dependencyDeclarations.latest(release.id);
  const groups = store.workingGroups.list();
  const rows = dependencyMatrix({
    dependencies: (deps.dependencyList ?? shippedDependencyList()).dependencies,
    declarations: latest.map((d) => ({ wg: d.wg, ranges: d.ranges })),
  });
  return {
    version: release.version,
    freeze: freezeStarted(deps, release),
    declared: latest.map((d) => ({
      wg: d.wg,
      declaredBy: d.declaredBy,
      declaredAt: d.declaredAt,
      expectedVersions: Object.entries(d.expectedVersions).map(([component, version]) => ({
        component,
        version,
      })),
    })),
    missing: groups.filter((g) => !latest.some((d) => d.wgId === g.id)).map((g) => g.name),
    rows,
    conflicts: rows.filter((r) => r.conflicts.length > 0).map((r) => r.name),
  };
}

/** The declarations of the named release, or of the current one. */
export function getDependencyMatrix(deps: Deps, version?: string): DependencyMatrixView {
  return buildMatrix(deps, findRelease(deps, version));
}

/** Who has not declared and which ranges conflict, for `status` and the agenda; null before Feature Freeze. */
export interface DependencySummary {
  missing: string[];
  conflicts: string[];
  /** Plain text, e.g. "Dependency ranges: 2 of 6 working groups declared; not yet: AutoML, KServe, ...". */
  text: string;
}

/** The working groups that have not declared, and the dependencies whose ranges conflict. */
export function dependencyStanding(
  deps: Deps,
  release: ReleaseRow,
): { missing: string[]; conflicts: string[] } {
  const view = buildMatrix(deps, release);
  return { missing: view.missing, conflicts: view.conflicts };
}

export function dependencySummary(deps: Deps, release: ReleaseRow): DependencySummary | null {
  if (!freezeStarted(deps, release)) return null;
  const view = buildMatrix(deps, release);
  const total = view.declared.length + view.missing.length;
  const declared =
    view.missing.length === 0
      ? 'every working group declared'
      : `${view.declared.length} of ${total} working groups declared; not yet: ${view.missing.join(', ')}`;
  const conflicts = view.conflicts.length > 0 ? `; conflicting: ${view.conflicts.join(', ')}` : '';
  return {
    missing: view.missing,
    conflicts: view.conflicts,
    text: `Dependency ranges: ${declared}${conflicts}`,
  };
}

/** The matrix as GitHub Markdown tables: the ranges (conflicts flagged), then the expected versions. */
export function dependencyMatrixMarkdown(view: DependencyMatrixView): string {
  const codeCell = (text: string) => markdownCode(text, { inTable: true });
  const wgs = view.declared.map((d) => d.wg);
  const lines = [
    `## Kubeflow ${view.version}: supported dependency ranges`,
    '',
    `| Dependency | ${[...wgs.map(cell), 'Common range'].join(' | ')} |`,
    `|${' --- |'.repeat(wgs.length + 2)}`,
    ...view.rows.map((row) => {
      const ranges = row.cells.map((c) => (c.range ? codeCell(c.range) : '-'));
      const common =
        row.conflicts.length > 0
          ? `**conflict**: ${row.conflicts.map(([a, b]) => `${cell(a)} / ${cell(b)}`).join(', ')}`
          : row.common
            ? codeCell(row.common)
            : '-';
      return `| ${cell(row.name)} | ${[...ranges, common].join(' | ')} |`;
    }),
    '',
    '## Expected final versions',
    '',
    '| Working group | Component | Expected version |',
    '| --- | --- | --- |',
    ...view.declared.flatMap((d) =>
      d.expectedVersions.map((e) => `| ${cell(d.wg)} | ${cell(e.component)} | ${codeCell(e.version)} |`),
    ),
  ];
  if (view.missing.length > 0) lines.push('', `Not declared yet: ${view.missing.map(cell).join(', ')}.`);
  return lines.join('\n');
}

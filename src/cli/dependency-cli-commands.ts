import { UserError } from '../errors';
import { md } from '../text/mrkdwn';
import {
  dependencyMatrixMarkdown,
  getDependencyMatrix,
  type DependencyMatrixView,
} from '../workflows/dependency-matrix';
import type { CliCommand } from './cli-command';

const USAGE = 'kfrelease deps [VERSION] [--json | --markdown]';

/** Plain-text dependency matrix for a terminal: one line per dependency, then who has not declared. */
export function formatDependencyMatrixText(view: DependencyMatrixView): string {
  const lines = [
    `Kubeflow ${view.version}: dependency ranges declared by ${view.declared.length} working group(s)`,
  ];
  for (const row of view.rows) {
    const cells = row.cells.filter((c) => c.range !== null).map((c) => `${c.wg} ${c.range}`);
    const verdict =
      row.conflicts.length > 0
        ? `CONFLICT (${row.conflicts.map(([a, b]) => `${a} / ${b}`).join(', ')})`
        : row.common
          ? `common ${row.common}`
          : 'none declared';
    lines.push(`  ${row.name.padEnd(14)} ${verdict}${cells.length ? `: ${cells.join('; ')}` : ''}`);
  }
  for (const d of view.declared)
    for (const e of d.expectedVersions) lines.push(`  expected  ${d.wg} / ${e.component}: ${e.version}`);
  if (view.missing.length > 0) lines.push(`Not declared yet: ${view.missing.join(', ')}`);
  return lines.join('\n');
}

/** `kfrelease deps`: the declarations of a release, for a terminal, a script or a pull request. */
export const CLI_DEPENDENCY_COMMANDS: Record<string, CliCommand> = {
  deps: {
    usage: USAGE,
    summary:
      "Every working group's declared expected versions and dependency ranges side by side, the ranges that do not intersect flagged as conflicts, and who has not declared.",
    options: {
      json: 'Print the declarations and the matrix as JSON.',
      markdown: 'Print Markdown tables, for a pull request or the tracking issue.',
    },
    example: 'kfrelease deps v1.10.0 --markdown',
    readsOnly: true,
    run: (s, { positionals, flags }, io) => {
      if (positionals.length > 1)
        throw new UserError('bad_argument', md`Give at most a release version.`, md`Usage: ${USAGE}`);
      const view = getDependencyMatrix(s, positionals[0]);
      if (flags.json) return io.out(JSON.stringify(view, null, 2));
      if (flags.markdown) return io.out(dependencyMatrixMarkdown(view));
      io.out(formatDependencyMatrixText(view));
    },
  },
};

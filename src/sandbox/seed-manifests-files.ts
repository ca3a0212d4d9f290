import type { ManifestsSyncConfig } from '../working-groups/manifests-sync-schema';
import type { GitHubStandIn } from './github-stand-in';

/**
 * Gives the manifests repository's default branch the files the sync pull requests edit, shaped as
 * kubeflow/manifests keeps them: one scripts/synchronize-*.sh per component assigning the revision
 * it syncs, and the README's component table. So `/kfrelease manifests preview` works in the sandbox.
 */
export function seedManifestsFiles(
  github: GitHubStandIn,
  manifestsRepo: string,
  sync: ManifestsSyncConfig,
  synced: (repo: string) => string,
): void {
  const repo = github.model.repo(manifestsRepo);
  const head = repo.branches.get(repo.defaultBranch);
  if (!head) return;
  const files: Record<string, string | { content: string; mode: string }> = {};
  const scripts = new Map<string, string[]>();
  const rows: string[] = [];
  for (const [key, component] of Object.entries(sync.components)) {
    const revision = synced(component.repo);
    const lines = scripts.get(component.file) ?? [
      '#!/usr/bin/env bash',
      `# Synchronizes the upstream manifests of ${component.repo} into this repository.`,
      'set -euo pipefail',
      '',
    ];
    lines.push(component.pattern.replace('{revision}', revision));
    scripts.set(component.file, lines);
    rows.push(
      `| ${key} | apps/${key}/upstream | [${revision}](https://github.com/${component.repo}/tree/${revision}/manifests) |`,
    );
  }
  for (const [path, lines] of scripts) files[path] = { content: `${lines.join('\n')}\n`, mode: '100755' };
  files[sync.readme] = [
    '# Kubeflow Manifests',
    '',
    '| Component | Local Manifests Path | Upstream Revision |',
    '| - | - | - |',
    ...rows,
    '',
  ].join('\n');
  github.model.setFiles(manifestsRepo, head, files);
}

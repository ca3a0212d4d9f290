/**
 * The change kfrelease proposes to the manifests repository for one accepted revision: the
 * revision written into the component's synchronization script (the line config/kubeflow.yml's
 * pattern names) and into the README's component table. Pure text in, text out.
 */

const PLACEHOLDER = '{revision}';

/** Why a script-line pattern from config/kubeflow.yml cannot be used, or null when it can. */
export function revisionPatternProblem(pattern: string): string | null {
  const at = pattern.indexOf(PLACEHOLDER);
  if (at === -1 || pattern.indexOf(PLACEHOLDER, at + 1) !== -1)
    return 'must contain {revision} exactly once, e.g. COMMIT="{revision}"';
  if (at === 0) return 'must start with the variable the revision is assigned to, e.g. COMMIT="{revision}"';
  if (/\s/.test(pattern.slice(at + PLACEHOLDER.length, at + PLACEHOLDER.length + 1)))
    return 'must not have a space right after {revision}; end it at the closing quote, e.g. COMMIT="{revision}"';
  return null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The line matcher of a pattern: what comes before the revision, the revision, the rest of the line. */
function lineMatcher(pattern: string): RegExp {
  const at = pattern.indexOf(PLACEHOLDER);
  const before = pattern.slice(0, at);
  const after = pattern.slice(at + PLACEHOLDER.length);
  const stop = after[0];
  const value = stop === undefined ? '\\S*' : `[^${escapeRegExp(stop)}\\n]*`;
  return new RegExp(`^(\\s*${escapeRegExp(before)})(${value})(${escapeRegExp(after)}.*)$`);
}

export type FileEdit =
  { ok: true; text: string; before: string | null; changed: boolean } | { ok: false; problem: string };

/**
 * Writes `revision` into the one line of a script that matches `pattern` (COMMIT="{revision}"):
 * the rest of the line, a comment say, stays. No line, or more than one, is a problem to fix in
 * the config, since kfrelease would otherwise guess.
 */
export function setScriptRevision(text: string, pattern: string, revision: string): FileEdit {
  const matcher = lineMatcher(pattern);
  const lines = text.split('\n');
  const hits = lines.flatMap((line, index) => (matcher.test(line) ? [index] : []));
  const shown = pattern.replace(PLACEHOLDER, '…');
  if (hits.length === 0) return { ok: false, problem: `no line looks like ${shown}` };
  if (hits.length > 1)
    return {
      ok: false,
      problem: `${hits.length} lines look like ${shown} (lines ${hits.map((i) => i + 1).join(', ')})`,
    };
  const index = hits[0] as number;
  const match = matcher.exec(lines[index] as string) as RegExpExecArray;
  const before = match[2] ?? '';
  lines[index] = `${match[1] ?? ''}${revision}${match[3] ?? ''}`;
  return { ok: true, text: lines.join('\n'), before, changed: before !== revision };
}

/**
 * Points the README's component table at `revision`: in every table row, each link to the
 * repository's tree, release tag or file at some revision (`[v0.18.0](https://github.com/kubeflow/katib/tree/v0.18.0/manifests/v1beta1)`)
 * is rewritten to the new revision, its text too. No such row is a problem: the table has moved.
 */
export function setReadmeRevision(text: string, repo: string, revision: string): FileEdit {
  const link = new RegExp(
    `\\[([^\\]]*)\\]\\(https://github\\.com/${escapeRegExp(repo)}/(tree|blob|releases/tag|commit)/([^/)\\s]+)([^)\\s]*)\\)`,
    'gi',
  );
  let rows = 0;
  let before: string | null = null;
  const lines = text.split('\n').map((line) => {
    if (!line.trimStart().startsWith('|')) return line;
    let hit = false;
    const rewritten = line.replace(link, (_all, _label: string, kind: string, ref: string, rest: string) => {
      hit = true;
      before ??= ref;
      return `[${revision}](https://github.com/${repo}/${kind}/${revision}${rest})`;
    });
    if (hit) rows += 1;
    return rewritten;
  });
  if (rows === 0) return { ok: false, problem: `no row of the component table links to github.com/${repo}` };
  const next = lines.join('\n');
  return { ok: true, text: next, before, changed: next !== text };
}

/** A unified diff of two versions of a file whose lines were changed in place (same count). */
export function unifiedDiff(path: string, before: string, after: string): string {
  const old = before.split('\n');
  const next = after.split('\n');
  const out = [`--- a/${path}`, `+++ b/${path}`];
  const length = Math.max(old.length, next.length);
  for (let index = 0; index < length; index++) {
    if (old[index] === next[index]) continue;
    out.push(`@@ -${index + 1},1 +${index + 1},1 @@`, `-${old[index] ?? ''}`, `+${next[index] ?? ''}`);
  }
  return out.length === 2 ? '' : out.join('\n');
}

/** The branch kfrelease writes a component's change to: kfrelease/v1.10.0/katib. */
export function manifestsBranch(releaseVersion: string, component: string): string {
  return `kfrelease/${releaseVersion}/${component}`;
}

/** "1.10" for v1.10.0, "26.03" for 26.03: how the release team names a release in titles. */
export function releaseLine(releaseVersion: string): string {
  return releaseVersion.replace(/^v/, '').split(/[.-]/).slice(0, 2).join('.');
}

/** The title the release team gives such a pull request: [kubeflow 1.10] Update kubeflow/katib manifests from v0.18.0. */
export function manifestsPullTitle(releaseVersion: string, repo: string, revision: string): string {
  return `[kubeflow ${releaseLine(releaseVersion)}] Update ${repo} manifests from ${revision}`;
}

export interface ManifestsPullBodyInput {
  releaseVersion: string;
  repo: string;
  revision: string;
  kind: 'tag' | 'branch' | 'commit' | null;
  commitSha: string | null;
  wg: string;
  revisionId: number;
  acceptedBy: string | null;
  file: string;
  readme: string;
  /** GitHub logins of the working group's liaisons and of the release managers, without @. */
  liaisons: string[];
  releaseManagers: string[];
}

/** The pull request's description: what it syncs, where the revision came from, and who to ask. */
export function manifestsPullBody(input: ManifestsPullBodyInput): string {
  const kind = input.kind ?? 'revision';
  const upstream =
    input.kind === 'tag'
      ? `https://github.com/${input.repo}/releases/tag/${input.revision}`
      : `https://github.com/${input.repo}/tree/${input.revision}`;
  const commit = input.commitSha ? ` (commit ${input.commitSha.slice(0, 12)})` : '';
  const mention = (logins: string[]) => logins.map((l) => `@${l}`).join(' ');
  const lines = [
    `Sync ${input.repo} ${kind} ${input.revision} manifests.`,
    '',
    `- Upstream: [${input.revision}](${upstream})${commit}`,
    `- Accepted for Kubeflow ${input.releaseVersion}: revision #${input.revisionId} of the ${input.wg} working group in kfrelease${input.acceptedBy ? `, accepted by ${input.acceptedBy}` : ''}`,
    `- Changes \`${input.file}\` (the revision the script syncs) and the component table in \`${input.readme}\`.`,
    '- Run the script on this branch to copy the upstream manifests before merging.',
  ];
  if (input.liaisons.length > 0)
    lines.push('', `${input.wg} working group liaison: ${mention(input.liaisons)}`);
  if (input.releaseManagers.length > 0) lines.push(`cc release manager: ${mention(input.releaseManagers)}`);
  lines.push('', '_Opened by kfrelease; a later accepted revision updates this pull request._');
  return lines.join('\n');
}

import { createHash } from 'node:crypto';

/** One entry of a git tree as GitHub lists it: a file (blob) or a directory (tree). */
export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree';
  sha: string;
}

/** A file of a snapshot: its content and mode (100644, or 100755 for an executable script). */
export interface FileModel {
  content: string;
  mode: string;
}

/** What a pull request is between, beyond what it shares with an issue. */
export interface PullModel {
  head: string;
  base: string;
  body: string | null;
}

const gitSha = (kind: string, content: string) =>
  createHash('sha1')
    .update(`${kind} ${Buffer.byteLength(content)}\0${content}`)
    .digest('hex');

/** The blobs and trees of one repository, content-addressed like git's. */
export class GitObjects {
  readonly blobs = new Map<string, string>();
  readonly trees = new Map<string, TreeEntry[]>();
  /** Commit sha -> root tree sha; a commit without one has the empty tree. */
  readonly commitTrees = new Map<string, string>();

  constructor() {
    this.storeFiles(new Map());
  }

  get emptyTree(): string {
    return this.storeFiles(new Map());
  }

  storeBlob(content: string): string {
    const sha = gitSha('blob', content);
    this.blobs.set(sha, content);
    return sha;
  }

  /** Stores a snapshot (path -> file) as nested trees; answers the root tree's sha. */
  storeFiles(files: Map<string, FileModel>): string {
    const here: TreeEntry[] = [];
    const below = new Map<string, Map<string, FileModel>>();
    for (const [path, file] of files) {
      const [first = '', ...rest] = path.split('/');
      if (rest.length === 0) {
        here.push({ path: first, mode: file.mode, type: 'blob', sha: this.storeBlob(file.content) });
        continue;
      }
      const sub = below.get(first) ?? new Map<string, FileModel>();
      sub.set(rest.join('/'), file);
      below.set(first, sub);
    }
    for (const [name, sub] of below)
      here.push({ path: name, mode: '040000', type: 'tree', sha: this.storeFiles(sub) });
    here.sort((a, b) => a.path.localeCompare(b.path));
    const sha = gitSha('tree', JSON.stringify(here));
    this.trees.set(sha, here);
    return sha;
  }

  /** Every file under a tree, by full path. */
  files(treeSha: string, prefix = ''): Map<string, FileModel> {
    const out = new Map<string, FileModel>();
    for (const entry of this.trees.get(treeSha) ?? []) {
      const path = `${prefix}${entry.path}`;
      if (entry.type === 'tree') for (const [p, f] of this.files(entry.sha, `${path}/`)) out.set(p, f);
      else out.set(path, { content: this.blobs.get(entry.sha) ?? '', mode: entry.mode });
    }
    return out;
  }

  treeOf(commitSha: string): string {
    return this.commitTrees.get(commitSha) ?? this.emptyTree;
  }

  /** A file at a commit, or undefined. */
  fileAt(commitSha: string, path: string): FileModel | undefined {
    return this.files(this.treeOf(commitSha)).get(path);
  }
}

import fs from 'node:fs';

/** Size, modification time and inode: any edit, or a file replaced by another, changes it. Null when it cannot be read. */
export function fileStamp(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  } catch {
    return null;
  }
}

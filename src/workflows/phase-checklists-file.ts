import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { parsePhaseChecklists, type ChecklistItem } from '../domain/phase-checklist';
import { UserError } from '../errors';
import { PROJECT_ROOT } from '../project-root';
import { md } from '../text/mrkdwn';

/** Each phase's success criteria and actions, as data. */
export const CHECKLIST_FILE = path.join(PROJECT_ROOT, 'config', 'phase-checklists.yml');

/** The last file read, kept while its size and modification time stay the same. */
let lastRead: { file: string; stamp: string; items: ChecklistItem[] } | null = null;

/**
 * The checklists, read again whenever the file changes, so an edit counts at once; refuses a
 * broken file with every problem.
 */
export function readPhaseChecklists(file: string = CHECKLIST_FILE): ChecklistItem[] {
  let stamp = '';
  try {
    const stat = fs.statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  } catch {
    // Reading it below says what is wrong.
  }
  if (stamp && lastRead?.file === file && lastRead.stamp === stamp) return lastRead.items;
  const items = parseChecklistFile(file);
  lastRead = stamp ? { file, stamp, items } : null;
  return items;
}

function parseChecklistFile(file: string): ChecklistItem[] {
  const source = path.relative(PROJECT_ROOT, file);
  let data: unknown;
  try {
    data = parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError('bad_file', md`${source}: cannot be read: ${(error as Error).message}`);
  }
  const parsed = parsePhaseChecklists(data, source);
  if (!parsed.ok) {
    throw new UserError(
      'bad_file',
      md`The phase checklists have problems:\n${parsed.problems.map((p) => `• ${p}`).join('\n')}`,
      md`Whoever runs kfrelease fixes ${source}; the comments at its top show the shape.`,
    );
  }
  return parsed.items;
}

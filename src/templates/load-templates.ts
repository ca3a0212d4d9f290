import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { parseReleaseTemplate } from '../domain/template-schema';
import type { ReleaseTemplate } from '../domain/release-template';
import { PROJECT_ROOT } from '../project-root';

/** Where the release templates live: config/templates in the project folder. */
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'config', 'templates');

/** A file named relative to the project when it is inside it, so messages stay short. */
function displayName(file: string): string {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function readTemplateFile(file: string): { template: ReleaseTemplate } | { problems: string[] } {
  const source = displayName(file);
  let data: unknown;
  try {
    data = parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [`${source}: is not valid YAML: ${reason}`] };
  }
  const parsed = parseReleaseTemplate(data, source);
  if (!parsed.ok) return { problems: parsed.problems };
  const expectedKey = path.basename(file, '.yml');
  if (parsed.template.key !== expectedKey) {
    return {
      problems: [
        `${source}: key: "${parsed.template.key}" must match the file name; write key: ${expectedKey}`,
      ],
    };
  }
  return { template: parsed.template };
}

/**
 * Reads and validates every *.yml release template in `dir`, keyed by template key. Throws one
 * error listing every problem of every file, so the bot never starts with a half-read template.
 */
export function loadTemplates(dir: string): Map<string, ReleaseTemplate> {
  if (!fs.existsSync(dir)) throw new Error(`The release template folder ${dir} does not exist.`);
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => path.join(dir, name));
  if (files.length === 0) throw new Error(`There are no release templates (*.yml files) in ${dir}.`);

  const templates = new Map<string, ReleaseTemplate>();
  const problems: string[] = [];
  for (const file of files) {
    const result = readTemplateFile(file);
    if ('problems' in result) problems.push(...result.problems);
    else templates.set(result.template.key, result.template);
  }
  if (problems.length > 0) {
    const list = problems.map((problem) => `  - ${problem}`).join('\n');
    throw new Error(
      `The release templates in ${displayName(dir)} have problems; fix them and start again:\n${list}`,
    );
  }
  return templates;
}

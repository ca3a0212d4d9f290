import fs from 'node:fs';
import path from 'node:path';
import { configFile, displayName, SHIPPED_CONFIG_DIR } from '../config-files/config-dir';
import { ConfigFileError, loadConfigFile, type ConfigFileKind } from '../config-files/read-config-file';
import { parseReleaseTemplate } from '../domain/template-schema';
import type { ReleaseTemplate } from '../domain/release-template';

/** The release templates shipped with kfrelease: config/templates in the project folder. */
export const TEMPLATES_DIR = path.join(SHIPPED_CONFIG_DIR, 'templates');

/** One release template, named after its key: templates/handbook-17w.yml holds key: handbook-17w. */
const TEMPLATE: ConfigFileKind<ReleaseTemplate> = {
  title: 'the release template',
  parse: (data, source) => {
    const parsed = parseReleaseTemplate(data, source);
    if (!parsed.ok) return parsed;
    const expectedKey = path.basename(source, '.yml');
    if (parsed.template.key !== expectedKey)
      return {
        ok: false,
        problems: [
          `${source}: key: "${parsed.template.key}" must match the file name; write key: ${expectedKey}`,
        ],
      };
    return { ok: true, value: parsed.template };
  },
};

/**
 * Reads and validates every *.yml release template in `dir`, keyed by template key. Throws one
 * error listing every problem of every file, so the bot never starts with a half-read template.
 */
export function loadTemplates(dir: string = configFile('templates')): Map<string, ReleaseTemplate> {
  if (!fs.existsSync(dir))
    throw new Error(
      `The release template folder ${dir} does not exist: KFRELEASE_CONFIG_DIR must be a folder with templates/ in it.`,
    );
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => path.join(dir, name));
  if (files.length === 0) throw new Error(`There are no release templates (*.yml files) in ${dir}.`);

  const templates = new Map<string, ReleaseTemplate>();
  const problems: string[] = [];
  for (const file of files) {
    const result = loadConfigFile(TEMPLATE, file);
    if (!result.ok) problems.push(...result.problems);
    else templates.set(result.value.key, result.value);
  }
  if (problems.length > 0) throw new ConfigFileError('the release templates', displayName(dir), problems);
  return templates;
}

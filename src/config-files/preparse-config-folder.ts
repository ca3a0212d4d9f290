import fs from 'node:fs';
import path from 'node:path';
import { fileStamp } from './file-stamp';
import { parseYamlText } from './parse-yaml-text';
import type { PreparsedYaml } from './read-config-file';

/** The *.yml files directly in `dir`, sorted; none when it is not a readable folder. */
function yamlFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.yml'))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

/**
 * Parses the YAML of every file the start reads (the config folder's *.yml and templates/*.yml),
 * each with its stamp, for the start-up worker. Files it cannot read are left out: the loaders
 * read them again and say what is wrong.
 */
export function preparseConfigFolder(configDir: string): PreparsedYaml[] {
  const dir = path.resolve(configDir);
  const entries: PreparsedYaml[] = [];
  for (const file of [...yamlFiles(dir), ...yamlFiles(path.join(dir, 'templates'))]) {
    const stamp = fileStamp(file);
    if (stamp === null) continue;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    entries.push({ file, stamp, parse: parseYamlText(text) });
  }
  return entries;
}

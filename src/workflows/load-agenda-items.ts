import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseAgendaItems, type AgendaItemsConfig } from '../domain/agenda-items-schema';
import { PROJECT_ROOT } from '../project-root';

export const AGENDA_ITEMS_FILE = join(PROJECT_ROOT, 'config', 'agenda-items.yml');

/** Reads and validates the standing agenda items; throws one error listing every problem. */
export function loadAgendaItems(file: string = AGENDA_ITEMS_FILE): AgendaItemsConfig {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot be read as YAML: ${(error as Error).message}`);
  }
  const parsed = parseAgendaItems(data, file);
  if (!parsed.ok)
    throw new Error(`${file} has problems; fix them and start again:\n  ${parsed.problems.join('\n  ')}`);
  return parsed.config;
}

let cached: AgendaItemsConfig | null = null;

/** The shipped standing items, read once per process. */
export function shippedAgendaItems(): AgendaItemsConfig {
  cached ??= loadAgendaItems();
  return cached;
}

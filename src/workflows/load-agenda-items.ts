import { configFile } from '../config-files/config-dir';
import { readConfigFile, type ConfigFileKind } from '../config-files/read-config-file';
import { parseAgendaItems, type AgendaItemsConfig } from '../domain/agenda-items-schema';

/** agenda-items.yml: the standing items of every meeting agenda, per phase. */
const AGENDA_ITEMS: ConfigFileKind<AgendaItemsConfig> = {
  title: 'the standing agenda items',
  parse: (data, source) => {
    const parsed = parseAgendaItems(data, source);
    return parsed.ok ? { ok: true, value: parsed.config } : parsed;
  },
};

/** The standing agenda items (read again after an edit); a broken file is refused with every problem. */
export function loadAgendaItems(file: string = configFile('agenda-items.yml')): AgendaItemsConfig {
  return readConfigFile(AGENDA_ITEMS, file);
}

/** The standing items of the config folder. */
export function shippedAgendaItems(): AgendaItemsConfig {
  return loadAgendaItems();
}

import { configFile } from '../config-files/config-dir';
import { readConfigFile, type ConfigFileKind } from '../config-files/read-config-file';
import { parsePhaseChecklists, type ChecklistItem } from '../domain/phase-checklist';

/** phase-checklists.yml: each phase's success criteria and actions, as data. */
const PHASE_CHECKLISTS: ConfigFileKind<ChecklistItem[]> = {
  title: 'the phase checklists',
  parse: (data, source) => {
    const parsed = parsePhaseChecklists(data, source);
    return parsed.ok ? { ok: true, value: parsed.items } : parsed;
  },
};

/** The checklists of the config folder (read again after an edit); a broken file is refused with every problem. */
export function readPhaseChecklists(file: string = configFile('phase-checklists.yml')): ChecklistItem[] {
  return readConfigFile(PHASE_CHECKLISTS, file);
}

import { configFile } from '../config-files/config-dir';
import { readConfigFile, type ConfigFileKind } from '../config-files/read-config-file';
import { parseDependencyList, type DependencyList } from '../domain/dependency-list-schema';

/** dependencies.yml: the common dependencies working groups declare their ranges for. */
const DEPENDENCY_LIST: ConfigFileKind<DependencyList> = {
  title: 'the common dependency list',
  parse: (data, source) => {
    const parsed = parseDependencyList(data, source);
    return parsed.ok ? { ok: true, value: parsed.config } : parsed;
  },
};

/** The common dependency list (read again after an edit); a broken file is refused with every problem. */
export function loadDependencyList(file: string = configFile('dependencies.yml')): DependencyList {
  return readConfigFile(DEPENDENCY_LIST, file);
}

/** The dependency list of the config folder. */
export function shippedDependencyList(): DependencyList {
  return loadDependencyList();
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../../src/config';
import { configDir, SHIPPED_CONFIG_DIR, useConfigDir } from '../../src/config-files/config-dir';
import {
  ConfigFileError,
  loadConfigFile,
  readConfigFile,
  zodConfigParse,
  type ConfigFileKind,
} from '../../src/config-files/read-config-file';
import { readCalendar } from '../../src/workflows/calendar-file';
import { loadWorkingGroups } from '../../src/working-groups/load-working-groups';

const PEOPLE: ConfigFileKind<{ people: { name: string; age: number }[] }> = {
  title: 'the people file',
  parse: zodConfigParse(
    z.strictObject({ people: z.array(z.strictObject({ name: z.string(), age: z.int().min(0) })) }),
  ),
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kfrelease-config-file-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('the config-file loader', () => {
  it('lists every schema problem with its path in the file', () => {
    const file = write('people.yml', 'people:\n  - name: Ada\n    age: -1\n  - age: 3\n    nickname: x\n');
    expect(loadConfigFile(PEOPLE, file)).toEqual({
      ok: false,
      problems: [
        `${file}: people[0].age: Too small: expected number to be >=0`,
        `${file}: people[1].name: is missing (expected string)`,
        `${file}: people[1]: unknown field "nickname"; check the spelling`,
      ],
    });
  });

  it('lists every YAML error with its line and column', () => {
    const file = write('people.yml', 'people: []\npeople: []\n\tage: 3\n');
    const result = loadConfigFile(PEOPLE, file);
    expect(result.ok ? [] : result.problems).toEqual([
      `${file}: is not valid YAML at line 2, column 1: Map keys must be unique`,
      `${file}: is not valid YAML at line 3, column 1: Tabs are not allowed as indentation`,
    ]);
  });

  it('says an empty file is empty, and a missing one does not exist', () => {
    const empty = write('people.yml', '# nothing yet\n');
    expect(loadConfigFile(PEOPLE, empty)).toEqual({ ok: false, problems: [`${empty}: the file is empty`] });
    const missing = path.join(dir, 'none.yml');
    expect(loadConfigFile(PEOPLE, missing)).toEqual({
      ok: false,
      problems: [`${missing}: does not exist (is KFRELEASE_CONFIG_DIR the folder with the config files?)`],
    });
  });

  it('throws one error for a person: the file, every problem, who fixes it', () => {
    const file = write('people.yml', 'people:\n  - name: 7\n    age: x\n');
    let error: unknown;
    try {
      readConfigFile(PEOPLE, file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as ConfigFileError).message).toBe(
      `Problems in the people file (${file}):\n• ${file}: people[0].name: must be a string\n• ${file}: people[0].age: must be a number`,
    );
    expect((error as ConfigFileError).plainHint).toBe(
      `Whoever runs kfrelease fixes ${file}: every problem is listed, each with where it is in the file.`,
    );
  });

  it('keeps what it read while the file stays the same, and reads it again once it changes', () => {
    const file = write('people.yml', 'people:\n  - name: Ada\n    age: 36\n');
    const stamp = new Date('2026-05-01T09:00:00Z');
    fs.utimesSync(file, stamp, stamp);
    expect(readConfigFile(PEOPLE, file).people[0]?.name).toBe('Ada');
    // Same size, inode and modification time: the one reload rule says it is the same file.
    fs.writeFileSync(file, 'people:\n  - name: Bob\n    age: 36\n');
    fs.utimesSync(file, stamp, stamp);
    expect(readConfigFile(PEOPLE, file).people[0]?.name).toBe('Ada');
    fs.writeFileSync(file, 'people:\n  - name: Grace\n    age: 85\n');
    expect(readConfigFile(PEOPLE, file).people[0]?.name).toBe('Grace');
    fs.writeFileSync(file, 'people:\n  - name: Grace\n    age: old\n');
    expect(() => readConfigFile(PEOPLE, file)).toThrow(`${file}: people[0].age: must be a number`);
  });

  it('names the path of a working-groups problem in kubeflow.yml', () => {
    const file = write(
      'kubeflow.yml',
      'working_groups:\n  - name: Pipelines\n    repos: [kubeflow/pipelines]\n    components:\n      - name: Pipelines\n        repo: pipelines\n',
    );
    expect(() => loadWorkingGroups(file)).toThrow(
      `${file}: working_groups[0].components[0].repo: must be a GitHub repository written owner/name, e.g. kubeflow/katib`,
    );
  });

  it('reads a missing calendar as no calendar', () => {
    expect(readCalendar(path.join(dir, 'calendar.yml'))).toEqual({ events: [], source: null });
  });
});

describe('KFRELEASE_CONFIG_DIR', () => {
  afterEach(() => useConfigDir(SHIPPED_CONFIG_DIR));

  it('defaults to the shipped config folder and is made absolute', () => {
    const fallback = loadConfig({});
    expect(fallback.ok && fallback.config.configDir).toBe(SHIPPED_CONFIG_DIR);
    const parsed = loadConfig({ KFRELEASE_CONFIG_DIR: 'team-config' });
    expect(parsed.ok && parsed.config.configDir).toBe(path.resolve('team-config'));
  });

  it('is where every loader reads from once the app uses it', () => {
    fs.writeFileSync(path.join(dir, 'calendar.yml'), 'holidays:\n  - name: Team day\n    date: 2026-05-20\n');
    useConfigDir(dir);
    expect(configDir()).toBe(dir);
    expect(readCalendar()).toEqual({
      events: [{ kind: 'holiday', name: 'Team day', from: '2026-05-20', to: '2026-05-20', where: null }],
      source: path.join(dir, 'calendar.yml'),
    });
  });

  it('must be a folder', () => {
    const file = write('kubeflow.yml', 'working_groups: []\n');
    expect(() => useConfigDir(file)).toThrow(
      `KFRELEASE_CONFIG_DIR: ${file} is not a folder. Point it at a folder holding kubeflow.yml, calendar.yml, agenda-items.yml, phase-checklists.yml, dependencies.yml and templates/ (start from a copy of ${SHIPPED_CONFIG_DIR}), or unset it to use that one.`,
    );
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findProjectRoot, PROJECT_ROOT } from '../../src/project-root';
import { parseReleaseTemplate } from '../../src/domain/template-schema';
import type { ReleaseTemplate } from '../../src/domain/release-template';
import { loadTemplates, TEMPLATES_DIR } from '../../src/templates/load-templates';
import { loadAgendaItems } from '../../src/workflows/load-agenda-items';
import { readPhaseChecklists } from '../../src/workflows/phase-checklists-file';

const SOURCE = 'config/templates/x.yml';

/** A valid template file as YAML would parse it; tests break one field at a time. */
function validFile(): Record<string, unknown> {
  return {
    key: 'x',
    name: 'Example',
    description: 'A small example.',
    version_scheme: 'semver',
    release_branch: 'v{major}.{minor}-branch',
    rc_tag: 'v{major}.{minor}.{patch}-rc.{n}',
    release_tag: 'v{major}.{minor}.{patch}',
    phases: [
      { key: 'development', name: 'Development', from_week: 1, to_week: 10, summary: 'Build.' },
      { key: 'feature_freeze', name: 'Feature Freeze', from_week: 11, to_week: 12, summary: 'Fix.' },
      { key: 'release_day', name: 'Release Day', from_week: 13, to_week: 13, summary: 'Ship.' },
    ],
    milestones: [
      { key: 'rc.0', name: 'rc.0', phase: 'feature_freeze', week: 11, weekday: 1, owner: 'Manifests WG' },
      { key: 'release', name: 'Release', phase: 'release_day', week: 13, weekday: 1, owner: 'Release Team' },
    ],
  };
}

let tempDirs: string[] = [];
function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kfrelease-templates-'));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs = [];
});

describe('project root', () => {
  it('is the folder with package.json and config/templates', () => {
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'package.json'))).toBe(true);
    expect(TEMPLATES_DIR).toBe(path.join(PROJECT_ROOT, 'config', 'templates'));
  });

  it('is found from a compiled dist/src/templates folder, skipping a copied dist/package.json', () => {
    const root = tempDir({ 'package.json': '{}' });
    const nested = path.join(root, 'dist', 'src', 'templates');
    fs.mkdirSync(nested, { recursive: true });
    fs.writeFileSync(path.join(root, 'dist', 'package.json'), '{}');
    expect(findProjectRoot(nested)).toBe(root);
  });
});

describe('loadTemplates on config/templates', () => {
  const templates = loadTemplates(TEMPLATES_DIR);

  it('loads every shipped template', () => {
    expect([...templates.keys()].sort()).toEqual(['calver-16w', 'handbook-12w', 'handbook-17w']);
  });

  it('lays out the 12-week process of July 2025 on the phase keys the checklists and agendas use', () => {
    const twelve = templates.get('handbook-12w');
    expect(twelve).toMatchObject({
      versionScheme: 'semver',
      releaseBranch: 'v{major}.{minor}-branch',
      rcTag: 'v{major}.{minor}.{patch}-rc.{n}',
      releaseTag: 'v{major}.{minor}.{patch}',
    });
    expect(twelve?.phases.map((p) => [p.key, p.fromWeek, p.toWeek])).toEqual([
      ['preparation', 0, 0],
      ['development', 1, 8],
      ['feature_freeze', 9, 9],
      ['documentation', 9, 11],
      ['distribution_testing', 10, 11],
      ['release_day', 12, 12],
      ['post_release', 13, 16],
    ]);
    expect(twelve?.milestones.map((m) => [m.key, m.week, m.weekday, m.optional, m.owner])).toEqual([
      ['release_branch', 9, 1, false, 'Manifests WG'],
      ['rc.0', 9, 1, false, 'Manifests WG'],
      ['rc.1', 10, 5, true, 'Manifests WG'],
      ['release', 12, 1, false, 'Manifests WG'],
    ]);
  });

  it.each([...templates.values()].map((t): [string, ReleaseTemplate] => [t.key, t]))(
    'gives every phase of %s a checklist and standing agenda items',
    (_key, template) => {
      const checklists = new Set(readPhaseChecklists().map((item) => item.phase));
      const agendaItems = loadAgendaItems().phases;
      for (const phase of template.phases) {
        expect([phase.key, checklists.has(phase.key)]).toEqual([phase.key, true]);
        expect([phase.key, (agendaItems[phase.key] ?? []).length > 0]).toEqual([phase.key, true]);
      }
    },
  );

  it('turns snake_case YAML into a ReleaseTemplate with defaults filled in', () => {
    const handbook = templates.get('handbook-17w');
    expect(handbook).toMatchObject({
      versionScheme: 'semver',
      releaseBranch: 'v{major}.{minor}-branch',
      rcTag: 'v{major}.{minor}.{patch}-rc.{n}',
      releaseTag: 'v{major}.{minor}.{patch}',
    });
    expect(handbook?.phases.find((p) => p.key === 'preparation')).toMatchObject({ fromWeek: -3, toWeek: 0 });
    expect(handbook?.milestones.map((m) => [m.key, m.optional])).toEqual([
      ['release_branch', false],
      ['rc.0', false],
      ['rc.1', false],
      ['rc.2', false],
      ['rc.3', true],
      ['release', false],
    ]);
    expect(templates.get('calver-16w')?.rcTag).toBe('{yy}.{mm}-rc.{n}');
  });
});

describe('parseReleaseTemplate', () => {
  it('accepts a valid file', () => {
    const result = parseReleaseTemplate(validFile(), SOURCE);
    expect(result.ok).toBe(true);
  });

  it('reports every problem at once, each with the file and the path', () => {
    const file = validFile();
    file.version_scheme = 'romver';
    file.rc_tag = 'v{major}.{minor}-rc';
    file.release_tag = 'v{major}.{minr}';
    file.phases = [
      { key: 'development', name: 'Development', from_week: 1, to_week: 10, summary: 'Build.' },
      { key: 'feature_freeze', name: 'Feature Freeze', from_week: 11, to_week: 12, summary: 'Fix.' },
      { key: 'release_day', name: 'Release Day', from_week: 14, to_week: 11, summary: 'Ship.' },
      { key: 'coding', name: 'Coding', from_week: 1, to_week: 2, summary: '' },
      { key: 'development', name: 'Again', from_week: 1, to_week: 2, summary: '', colour: 'red' },
    ];
    file.milestones = [
      { key: 'rc.0', name: 'rc.0', phase: 'feature_freeze', week: 13, weekday: 8, owner: 'Manifests WG' },
      {
        key: 'rc.0',
        name: 'rc.0 again',
        phase: 'documentation',
        week: 11,
        weekday: 1,
        owner: 'Manifests WG',
      },
      { key: 'rc.9', name: 'rc.9', phase: 'feature_freeze', week: 11, weekday: 1 },
    ];
    const result = parseReleaseTemplate(file, SOURCE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const expected = [
      /^config\/templates\/x\.yml: version_scheme: "romver" is not one of semver, calver$/,
      /^config\/templates\/x\.yml: rc_tag: must contain \{n\}$/,
      /^config\/templates\/x\.yml: release_tag: unknown placeholder \{minr\}; use \{major\}/,
      /^config\/templates\/x\.yml: phases\[2\]\.to_week: must be >= from_week \(14\)$/,
      /^config\/templates\/x\.yml: phases\[3\]\.key: "coding" is not one of preparation, development, /,
      /^config\/templates\/x\.yml: phases\[4\]: unknown field "colour"; check the spelling$/,
      /^config\/templates\/x\.yml: phases\[4\]\.key: "development" is already used by phases\[0\]$/,
      /^config\/templates\/x\.yml: milestones\[0\]\.weekday: must be 1 \(Monday\) to 7 \(Sunday\)$/,
      /^config\/templates\/x\.yml: milestones\[0\]\.week: week 13 is outside phase feature_freeze \(weeks 11 to 12\)$/,
      /^config\/templates\/x\.yml: milestones\[1\]\.key: "rc\.0" is already used by milestones\[0\]$/,
      /^config\/templates\/x\.yml: milestones\[1\]\.phase: "documentation" is not one of this template's phases$/,
      /^config\/templates\/x\.yml: milestones\[2\]\.key: "rc\.9" is not one of release_branch, rc\.0, /,
      /^config\/templates\/x\.yml: milestones\[2\]\.owner: is missing \(expected string\)$/,
    ];
    for (const pattern of expected) expect(result.problems).toContainEqual(expect.stringMatching(pattern));
    expect(result.problems).toHaveLength(expected.length);
  });

  it.each([
    [null, 'config/templates/x.yml: the file must be a YAML mapping'],
    ['just text', 'config/templates/x.yml: the file must be a YAML mapping'],
    [{ ...validFile(), phases: [] }, 'config/templates/x.yml: phases: must list at least one phase'],
    [{ ...validFile(), key: 'Bad Key' }, 'config/templates/x.yml: key: must be lower-case letters'],
    [{ ...validFile(), release_branch: 'v{major}.{minor}-{n}' }, 'release_branch: {n} is only for RC tags'],
  ])('refuses %j', (data, problem) => {
    const result = parseReleaseTemplate(data, SOURCE);
    expect(result.ok ? [] : result.problems.join('\n')).toContain(problem);
  });
});

describe('loadTemplates on a folder with bad files', () => {
  const good = fs.readFileSync(path.join(TEMPLATES_DIR, 'handbook-17w.yml'), 'utf8');

  it('throws naming a file with a YAML syntax error, and lists the other bad files too', () => {
    const dir = tempDir({
      'handbook-17w.yml': good,
      'broken.yml': 'key: broken\nphases: [\n  - key: development\n',
      'wrong-key.yml': good,
      'notes.txt': 'not a template',
    });
    const error = (() => {
      try {
        loadTemplates(dir);
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
      return 'did not throw';
    })();
    expect(error).toContain(`${path.join(dir, 'broken.yml')}: is not valid YAML`);
    expect(error).toContain(
      `${path.join(dir, 'wrong-key.yml')}: key: "handbook-17w" must match the file name`,
    );
    expect(error).not.toContain('notes.txt');
  });

  it('names the file and path of a schema problem', () => {
    const dir = tempDir({ 'handbook-17w.yml': good.replace('to_week: 12', 'to_week: 10') });
    expect(() => loadTemplates(dir)).toThrow(
      /handbook-17w\.yml: phases\[2\]\.to_week: must be >= from_week \(11\)/,
    );
  });

  it('refuses a folder without templates', () => {
    expect(() => loadTemplates(tempDir({}))).toThrow(/no release templates/);
    expect(() => loadTemplates(path.join(os.tmpdir(), 'no-such-kfrelease-dir'))).toThrow(/does not exist/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/errors';
import { createRelease } from '../../src/workflows/create-release';
import { importTeam } from '../../src/workflows/import-team';
import { getReleaseTeam } from '../../src/workflows/release-team';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { startTestApp, type TestApp } from '../helpers/start-app';

const EXAMPLE = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');
const cli = { kind: 'cli' as const, name: 'test' };

describe('team import', () => {
  let app: TestApp;
  const create = (version: string, startDate: string) =>
    createRelease(app.services, { version, startDate, channel: null, actor: cli });
  const load = (yaml: string, version?: string) =>
    importTeam(app.services, { yaml, source: 'team.yml', version, actor: cli });

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-05-12T10:00:00Z' });
    create('v1.10.0', '2026-03-02');
  });
  afterAll(() => app.stop());

  it('loads the example file and changes nothing when it is imported again', () => {
    const first = load(EXAMPLE);
    expect(first).toMatchObject({ version: 'v1.10.0', changed: true, removed: [] });
    expect(first.added).toHaveLength(14);
    const snapshot = databaseSnapshot(app.services.store.db);
    const second = load(EXAMPLE);
    expect(second).toMatchObject({ changed: false, added: [], removed: [] });
    expect(databaseSnapshot(app.services.store.db)).toBe(snapshot);
  });

  it('records the import in the audit log once', () => {
    const release = app.services.store.releases.findByVersion('v1.10.0')!;
    const actions = app.services.store.audit.forRelease(release.id).map((e) => e.action);
    expect(actions.filter((a) => a === 'team.imported')).toHaveLength(1);
  });

  it('gives a person several roles from several entries', () => {
    const team = getReleaseTeam(app.services, 'v1.10.0').summary;
    const kj = team.byWorkingGroup
      .filter((g) => g.liaisons.some((l) => l.github === 'kjohnson'))
      .map((g) => g.wg);
    expect(kj.sort()).toEqual(['AutoML', 'Training']);
    expect(team.shadows.map((s) => s.github)).toEqual(['ghopper']);
  });

  it('removes roles that left the file', () => {
    const smaller = EXAMPLE.replace(/ {2}- name: Leslie Lamport[\s\S]*$/, '');
    const result = load(smaller);
    expect(result.removed).toEqual(['llamport distribution_rep (Azure)']);
    expect(getReleaseTeam(app.services, 'v1.10.0').summary.byDistribution.map((d) => d.distribution)).toEqual(
      ['AWS'],
    );
    load(EXAMPLE);
  });

  it('makes the Release Manager the Docs Lead when none is named', () => {
    const noDocsLead = EXAMPLE.replace(/role: docs_lead/, 'role: product_manager');
    create('v1.11.0', '2026-07-06');
    const result = load(noDocsLead, 'v1.11.0');
    expect(result.warnings).toContain(
      'No Docs Lead is named, so the Release Manager holds the role, as the handbook says.',
    );
    const team = getReleaseTeam(app.services, 'v1.11.0').summary;
    expect(team.docsLeadImplied).toBe(true);
    expect(team.docsLeads.map((d) => d.github)).toEqual(['ada-l']);
  });

  it('warns, without refusing, about a Release Manager with fewer than two earlier release teams', () => {
    create('v1.12.0', '2026-11-02');
    const withRm = (github: string) => `release: v1.12.0
team:
  - { name: Someone, github: ${github}, role: release_manager }
`;
    // aturing served on v1.10.0 and v1.11.0: two earlier teams, so no warning.
    const seasoned = load(withRm('aturing'));
    expect(seasoned.warnings.join('\n')).not.toContain('earlier release team');
    const newcomer = load(withRm('newcomer'));
    expect(newcomer.warnings).toContainEqual(expect.stringContaining('served on 0 earlier release teams'));
    expect(newcomer.warnings).toContainEqual(expect.stringContaining('the handbook asks for 2 or more'));
  });

  it('reports every problem of a bad file at once and writes nothing', () => {
    const before = databaseSnapshot(app.services.store.db);
    const bad = `release: v1.10.0
team:
  - name: No Login
    role: team_member
    wg: Notebooks
  - name: Wrong Role
    github: wrong
    role: boss
  - name: Missing WG
    github: nowg
    role: wg_test_lead
  - name: Rep
    github: rep
    role: distribution_rep
  - name: Bad Slack
    github: badslack
    slack: not-an-id
    role: product_manager
`;
    let error: unknown;
    try {
      load(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    const message = (error as UserError).message;
    expect(message).toContain('team.0.github');
    expect(message).toContain('team.1.role: must be one of release_manager');
    expect(message).toContain('team.2.wg: is required for role wg_test_lead');
    expect(message).toContain('team.3.distribution: is required for role distribution_rep');
    expect(message).toContain('team.4.slack: must be a Slack user ID');
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it.each([
    [
      'an unknown working group',
      EXAMPLE.replace('wg: Notebooks', 'wg: Quantum'),
      'wg "Quantum" is not a working group',
    ],
    [
      'a Slack ID used by someone else',
      EXAMPLE.replace('slack: U0ALAN001', 'slack: U0ADA0001'),
      'Slack ID U0ADA0001',
    ],
    ['YAML that does not parse', 'team: [unclosed', 'is not valid YAML'],
    ['a file without a release', EXAMPLE.replace('release: v1.10.0', ''), 'says no release'],
  ])('refuses %s and writes nothing', (_case, yaml, message) => {
    const before = databaseSnapshot(app.services.store.db);
    expect(() => load(yaml)).toThrow(message);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });
});

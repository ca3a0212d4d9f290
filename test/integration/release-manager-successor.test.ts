import { createReleaseInSlack } from '../helpers/create-release-in-slack';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTeam } from '../../src/workflows/import-team';
import { ADMIN, answerText, startTestApp, type TestApp } from '../helpers/start-app';

const TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');
const ALAN = 'U0ALAN001';

const member = (
  name: string,
  github: string,
  slack: string,
  organization: string,
  role: string,
  wg?: string,
) =>
  [
    `  - name: ${name}`,
    `    github: ${github}`,
    `    slack: ${slack}`,
    `    organization: ${organization}`,
    `    role: ${role}`,
    ...(wg ? [`    wg: ${wg}`] : []),
  ].join('\n');

const ADA = member('Ada Lovelace', 'ada-l', 'U0ADA0001', 'Example Corp', 'release_manager');
const GRACE = member('Grace Hopper', 'ghopper', 'U0GRACE01', 'Navy Labs', 'team_member', 'Notebooks');
const BARBARA = member('Barbara Liskov', 'bliskov', 'U0BARB001', 'MIT', 'team_member', 'Manifests');
const ALAN_M = member('Alan Turing', 'aturing', 'U0ALAN001', 'Bletchley', 'team_member', 'Pipelines');
const EVE = member('Eve Example', 'eve-ex', 'U0EVE0001', 'Example Corp', 'team_member', 'Training');
const EVE_TEST = member('Eve Example', 'eve-ex', 'U0EVE0001', 'Example Corp', 'wg_test_lead', 'Training');

/**
 * Three releases: v1.8.0 (Ada, Grace, Barbara, Eve), v1.9.0 (Ada, Grace, Alan, Eve) and v1.10.0
 * (examples/team.yml: Ada release manager at Example Corp, Grace her shadow, plus Eve of Example Corp).
 * Counting v1.10.0: Grace 3 teams, Eve 3 (same organization as Ada), Alan 2, Barbara 2, the rest 1.
 */
describe('the next release manager, from the history of releases', () => {
  let app: TestApp;
  const team = (version: string, yaml: string) =>
    importTeam(app.services, {
      yaml,
      source: `${version}.yml`,
      version,
      actor: { kind: 'cli', name: 'test' },
    });

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-06-30T10:00:00Z' });
    await createReleaseInSlack(app, 'release create v1.8.0 2025-03-03', ADMIN);
    await createReleaseInSlack(app, 'release create v1.9.0 2025-07-07', ADMIN);
    await createReleaseInSlack(app, 'release create v1.10.0 2026-03-02 handbook-17w Europe/Berlin', ADMIN);
    team('v1.8.0', `team:\n${[ADA, GRACE, BARBARA, EVE].join('\n')}\n`);
    team('v1.9.0', `team:\n${[ADA, GRACE, ALAN_M, EVE].join('\n')}\n`);
    team('v1.10.0', `${TEAM_YAML.trimEnd()}\n${EVE_TEST}\n`);
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  it('suggests an eligible member from another organization, preferring the shadow', async () => {
    const text = answerText(await app.command('successor v1.10.0', ALAN));
    expect(text).toContain(
      '*Suggested:* <@U0GRACE01>: served on 3 release teams, from another organization than the release manager.',
    );
    expect(text).toContain('Release manager now: <@U0ADA0001> (Example Corp)');
    const lines = text.split('\n').filter((l) => /^:(white_check_mark|x):/.test(l));
    expect(lines.slice(0, 4)).toEqual([
      ':white_check_mark: <@U0GRACE01> (Navy Labs) · 3 release teams · another organization · shadowed the release manager',
      ':white_check_mark: <@U0ALAN001> (Bletchley) · 2 release teams · another organization',
      ':white_check_mark: <@U0BARB001> (MIT) · 2 release teams · another organization',
      ':white_check_mark: <@U0EVE0001> (Example Corp) · 3 release teams · same organization as the release manager',
    ]);
    expect(text).toContain(':x: <@U0KATH001> (Langley) · 1 release team (needs 2) · another organization');
    expect(text).not.toContain('<@U0ADA0001> (Example Corp) ·');
  });

  it('drafts the call for participation for the next release', async () => {
    const text = answerText(await app.command('successor', ALAN));
    expect(text).toContain('Subject: Call for participation: Kubeflow v1.11 release team');
    expect(text).toContain(
      'Kubeflow v1.10.0 was released on 2026-06-22. Thank you to everyone who made it happen!',
    );
    expect(text).toContain('- Release Manager: coordinates the release');
    expect(text).toContain('reply to this thread by 2026-07-14');
    expect(text).toContain('Ada Lovelace, release manager of Kubeflow v1.10.0');
  });

  it('says so when nobody on the team meets the prerequisite', async () => {
    const text = answerText(await app.command('successor v1.8.0', ALAN));
    expect(text).toContain('*Nobody on this release team has served on 2 or more release teams.*');
    expect(text).toContain(':x: <@U0GRACE01> (Navy Labs) · 1 release team (needs 2) · another organization');
  });
});

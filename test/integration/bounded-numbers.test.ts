import { createReleaseInSlack } from '../helpers/create-release-in-slack';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTeam } from '../../src/workflows/import-team';
import { databaseSnapshot } from '../helpers/database-snapshot';
import { answerText, startTestApp, type TestApp } from '../helpers/start-app';

const TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');
const RM = 'U0ADA0001';
const HUGE = '999999999999999999999';

/**
 * Numbers typed into /kfrelease, through signed Slack requests: every version component, ID and
 * count has at most nine digits; anything longer is refused in a sentence naming the field and
 * the limit, the database is left as it was, and no answer prints a number in exponent form.
 */
describe('bounded numbers in /kfrelease', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-05-12T10:00:00Z' });
    expect(answerText(await createReleaseInSlack(app, 'release create v1.10.0 2026-03-02'))).toContain(
      'Created Kubeflow *v1.10.0*',
    );
    importTeam(app.services, { yaml: TEAM_YAML, source: 'team.yml', actor: { kind: 'cli', name: 'test' } });
    expect(answerText(await app.command('action add Ask Training WG for the rc.1 tag', RM))).toContain(
      'Added action item #1',
    );
  });
  afterAll(async () => {
    app.slack.assertNoUnexpectedCalls();
    await app.stop();
  });

  /** Sends the command and checks it was refused with `sentence`, changing nothing. */
  async function refused(text: string, user: string | undefined, sentence: string): Promise<string> {
    const before = databaseSnapshot(app.services.store.db);
    const response = await app.command(text, user);
    expect(response.status).toBe(200);
    const answer = answerText(response);
    expect(answer).toContain(sentence);
    expect(answer).not.toMatch(/\de\+\d/);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
    return answer;
  }

  it('a 22-digit version is refused (was: accepted as v1e+21.0.0)', async () => {
    await refused(
      `release create v${HUGE}.0.0 2026-03-02`,
      undefined,
      `"v${HUGE}.0.0" is not a valid version: its major number has 21 digits, and a version number has at most 9.`,
    );
    expect(app.services.store.releases.list().map((r) => r.version)).toEqual(['v1.10.0']);
  });

  it('a 10-digit RC number in a version is refused (was: accepted and shown in exponent form when longer)', async () => {
    await refused(
      'release create v1.11.0-rc.1000000000 2026-07-06',
      undefined,
      'its RC number has 10 digits, and a version number has at most 9',
    );
  });

  it('a 21-digit action item number is refused (was: answered "#1e+21")', async () => {
    await refused(
      `action done ${HUGE}`,
      RM,
      `${HUGE} is too large for an action item number, which has at most 9 digits.`,
    );
    expect(app.services.store.actionItems.byId(1)?.doneBy).toBeNull();
  });

  it('a 21-digit docs item number is refused, with the limit named (was: "not a docs item number")', async () => {
    await refused(
      `docs set ${HUGE} done`,
      RM,
      `${HUGE} is too large for a docs item number, which has at most 9 digits.`,
    );
  });

  it('a 21-digit issue number in a blocker decision is refused (was: "they start at 1")', async () => {
    await refused(
      `blocker punt kubeflow/pipelines#${HUGE} needs an API change`,
      RM,
      `${HUGE} is too large for an issue number, which has at most 9 digits.`,
    );
  });

  it('a 22-digit patch version is refused (was: read as v1.10.1e+22)', async () => {
    await refused(`patch v1.10.${HUGE}0 2026-07-20`, RM, 'its patch number has 22 digits');
  });

  it('a 22-digit version named with --release is refused (was: looked up as v1e+21.0.0)', async () => {
    await refused(`status --release v${HUGE}.0.0`, RM, 'its major number has 21 digits');
  });
});

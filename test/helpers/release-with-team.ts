import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTeam } from '../../src/workflows/import-team';
import { createReleaseInSlack } from './create-release-in-slack';
import { ADMIN, startTestApp, type TestApp } from './start-app';

/** The example team file (examples/team.yml), for release v1.10.0. */
export const EXAMPLE_TEAM_YAML = readFileSync(join(__dirname, '..', '..', 'examples', 'team.yml'), 'utf8');

/**
 * The test app at `now` with a handbook-17w release (Europe/Berlin) created by an admin, and the
 * example team imported for it.
 */
export async function startAppWithTeam(
  now: string,
  release: { version: string; startDate: string } = { version: 'v1.10.0', startDate: '2026-03-02' },
): Promise<TestApp> {
  const app = await startTestApp({ now });
  app.slack.expect('chat.postMessage');
  await createReleaseInSlack(
    app,
    `release create ${release.version} ${release.startDate} handbook-17w Europe/Berlin`,
    ADMIN,
  );
  importTeam(app.services, {
    yaml: EXAMPLE_TEAM_YAML.replace(/^release: .*$/m, `release: ${release.version}`),
    source: 'team.yml',
    actor: { kind: 'cli', name: 'test' },
  });
  return app;
}

import { readFileSync } from 'node:fs';
import { markShipped } from '../../src/workflows/release-lifecycle-commands';
import { join } from 'node:path';
import { tryCell, type MatrixAction } from '../helpers/authorization-cell';
import { COMMAND_ACTIONS } from '../helpers/authorization-commands';
import { INTERACTION_ACTIONS } from '../helpers/authorization-interactions';
import { parsePolicyTable } from '../helpers/authorization-table';
import {
  AFTER_RELEASE,
  DURING_FREEZE,
  ROLE_NAMES,
  ROLES,
  startWorld,
  type Role,
  type World,
} from '../helpers/authorization-world';

/**
 * Who may do what, as kfrelease implements it (docs/authorization.md holds the same table with the
 * reasons). "this WG" is Notebooks, whose issue, docs item or revision the action is about; the
 * shadow is the release manager's shadow; admin is listed in KFRELEASE_ADMINS; the stranger holds
 * no role. Every cell below is tried through signed HTTP against the running app.
 */
const POLICY = `
| action                                            | release manager | shadow | liaison (this WG) | liaison (other WG) | docs lead | distribution rep | admin | stranger |
| ------------------------------------------------- | --------------- | ------ | ----------------- | ------------------ | --------- | ---------------- | ----- | -------- |
| /kfrelease release create                         | no              | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease phase advance                          | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease delay                                  | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease replan (opens form)                    | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease check schedule-sent                    | yes             | yes    | no                | no                 | no        | no               | yes   | no       |
| /kfrelease uncheck schedule-sent                  | yes             | yes    | no                | no                 | no        | no               | yes   | no       |
| /kfrelease check wg-docs-updated Notebooks        | no              | no     | yes               | no                 | yes       | no               | yes   | no       |
| /kfrelease check distribution-thumbs-up AWS       | yes             | yes    | no                | no                 | no        | yes              | yes   | no       |
| /kfrelease blocker at-risk (Notebooks issue)      | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| /kfrelease blocker blocking (Notebooks issue)     | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| /kfrelease blocker punt (release-blocking issue)  | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease meeting set                            | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease reminders set                          | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease notetaker swap                         | no              | no     | yes               | yes                | no        | no               | no    | no       |
| /kfrelease away                                   | yes             | yes    | yes               | yes                | yes       | yes              | no    | no       |
| /kfrelease away cancel                            | yes             | yes    | yes               | yes                | yes       | yes              | no    | no       |
| /kfrelease action add                             | yes             | yes    | yes               | yes                | yes       | yes              | yes   | no       |
| /kfrelease action done                            | yes             | yes    | yes               | yes                | yes       | yes              | yes   | no       |
| /kfrelease retro                                  | yes             | yes    | yes               | yes                | yes       | yes              | yes   | yes      |
| /kfrelease docs set (Notebooks item)              | yes             | no     | yes               | no                 | yes       | no               | yes   | no       |
| /kfrelease tracking-issue setup                   | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease tracking-issue sync                    | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease manifests pr                           | yes             | yes    | yes               | yes                | no        | no               | yes   | no       |
| /kfrelease patch v1.10.1 (open)                   | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease patch add                              | yes             | yes    | yes               | yes                | yes       | yes              | yes   | no       |
| /kfrelease patch released                         | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease revision accept                        | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease component skip                         | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease component ship                         | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| /kfrelease submit Notebooks (opens form)          | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| /kfrelease deps Notebooks (opens form)            | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| /kfrelease block (opens form)                     | yes             | yes    | yes               | yes                | yes       | yes              | yes   | yes      |
| /kfrelease signoff (opens form)                   | no              | no     | no                | no                 | no        | yes              | yes   | no       |
| /kfrelease docs add (opens form)                  | yes             | no     | yes               | yes                | yes       | no               | yes   | no       |
| /kfrelease feature add (opens form)               | yes             | no     | yes               | yes                | no        | no               | yes   | no       |
| /kfrelease feature punt (Notebooks feature)       | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| /kfrelease feature keep (Notebooks feature)       | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| /kfrelease feature public hide                    | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| button Submit revisions                           | yes             | no     | yes               | yes                | no        | no               | yes   | no       |
| select Notebooks in the revision form             | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| select rc.1 in the re-plan form                   | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| button Approve (held revision)                    | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| button Deny (held revision)                       | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| button Move on (Preparation ended)                | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| button Extend (Preparation ended)                 | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| button Open the sign-off form                     | no              | no     | no                | no                 | no        | yes              | yes   | no       |
| button Report blocking issues                     | yes             | yes    | yes               | yes                | yes       | yes              | yes   | yes      |
| button Triage (Notebooks issue)                   | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| button Add docs item                              | yes             | no     | yes               | yes                | yes       | no               | yes   | no       |
| button Track a feature                            | yes             | no     | yes               | yes                | no        | no               | yes   | no       |
| button Keep (Notebooks feature at risk)           | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| button Punt (Notebooks feature at risk)           | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| button Retry (failed post)                        | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| button Create anyway (release create, past dates)  | no              | no     | no                | no                 | no        | no               | yes   | no       |
| modal submit revisions (Notebooks)                | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| modal declare dependencies (Notebooks)            | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| modal deny revision (reason)                      | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| modal re-plan one date                            | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| modal move on after a phase end                   | yes             | no     | no                | no                 | no        | no               | yes   | no       |
| modal add docs item (Notebooks)                   | yes             | no     | yes               | no                 | yes       | no               | yes   | no       |
| modal add feature (Notebooks)                     | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| modal punt feature (Notebooks)                    | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
| modal sign off (AWS)                              | no              | no     | no                | no                 | no        | yes              | yes   | no       |
| modal report blocking issues                      | yes             | yes    | yes               | yes                | yes       | yes              | yes   | yes      |
| modal triage decision (Notebooks issue)           | yes             | no     | yes               | no                 | no        | no               | yes   | no       |
`;

const APOLOGY = 'Sorry, something went wrong';
const TABLE = parsePolicyTable(POLICY);
const ACTIONS = [...COMMAND_ACTIONS, ...INTERACTION_ACTIONS];
const allowedOf = (action: MatrixAction): Role[] => {
  const row = TABLE.find((r) => r.action === action.name);
  if (!row) throw new Error(`the policy table has no row "${action.name}"`);
  return row.allowed;
};
const cellsOf = (scene: MatrixAction['scene']) =>
  ACTIONS.filter((a) => a.scene === scene).flatMap((action) =>
    ROLE_NAMES.map((role) => ({ action, role, allowed: allowedOf(action).includes(role) })),
  );

describe('authorization matrix: every action that changes something, against every role', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ githubToken: true });
  });
  afterAll(async () => {
    await world.stop();
  });

  it('tries every row of the table, and the table is the one in docs/authorization.md', () => {
    expect(TABLE.map((r) => r.action).sort()).toEqual(ACTIONS.map((a) => a.name).sort());
    const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'authorization.md'), 'utf8');
    expect(parsePolicyTable(docs.split('<!-- policy -->')[1] ?? '')).toEqual(TABLE);
  });

  describe.each([
    ['during Feature Freeze', 'freeze', DURING_FREEZE],
    ['after release day', 'after release', AFTER_RELEASE],
  ] as const)('%s', (_title, scene, now) => {
    beforeAll(async () => {
      world.app.clock.set(now);
      // After release day the release has shipped (its final tag, say): patch releases may open.
      if (scene === 'after release')
        markShipped(world.app.services, { on: '2026-06-22', actor: { kind: 'cli', name: 'test' } });
      await world.settle();
    });

    it.each(
      cellsOf(scene).map(
        (cell) => [cell.action.name, cell.role, cell.allowed ? 'allowed' : 'refused', cell] as const,
      ),
    )('%s as %s: %s', async (_name, role, _verdict, { action, allowed }) => {
      const outcome = await tryCell(world, action, ROLES[role]);
      expect(outcome.text).not.toContain(APOLOGY);
      expect({ refused: outcome.refused, text: outcome.text }).toEqual({
        refused: !allowed,
        text: allowed ? outcome.text : expect.stringMatching(action.names),
      });
      expect(outcome.changed).toBe(allowed && action.changes);
    });
  });
});

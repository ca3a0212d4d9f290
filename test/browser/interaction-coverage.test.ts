import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppServices } from '../../src/app-services';
import { registerActions } from '../../src/slack/listeners/actions';
import { SlackRouter } from '../../src/slack/listeners/slack-router';
import { registerViews } from '../../src/slack/listeners/views';
import { startTestSandbox } from './chromium';

/** The router the app uses, noting what is registered on it. */
class RecordingRouter extends SlackRouter {
  readonly actions: string[] = [];
  readonly views: string[] = [];
  override action(...args: Parameters<SlackRouter['action']>): void {
    this.actions.push(args[0]);
    super.action(...args);
  }
  override view(...args: Parameters<SlackRouter['view']>): void {
    this.views.push(args[0]);
    super.view(...args);
  }
}

/** A browser test, by its file under test/browser/ and (part of) its title. */
type Walk = [file: string, title: string];

const CONSOLE: Walk = ['sandbox-console.test.ts', 'presses a button in a message: the status answer'];
const HOME: Walk = ['sandbox-buttons.test.ts', 'App Home: %s opens its form'];
const DENY: Walk = ['sandbox-buttons.test.ts', 'held revision: Deny… refuses an empty reason'];
const KEEP: Walk = ['sandbox-decisions.test.ts', 'Keep keeps, once'];
const PUNT: Walk = ['sandbox-decisions.test.ts', 'Punt needs a reason'];
const EXTEND: Walk = ['sandbox-decisions.test.ts', 'Extend previews each change in the re-plan form'];
const MOVE_ON: Walk = ['sandbox-decisions.test.ts', 'Move on asks why'];
const CREATE: Walk = ['sandbox-outbox.test.ts', 'Cancel creates nothing, Create anyway creates it'];

/** Every button and select that kfrelease answers, and the browser test that presses it. */
const PRESSED: Record<string, Walk[]> = {
  open_submit_revision: [CONSOLE, HOME],
  submit_revision_pick_wg: [CONSOLE, HOME],
  revision_approve: [['sandbox-buttons.test.ts', 'held revision: Approve grants the exception']],
  revision_deny: [DENY],
  open_docs_add: [HOME],
  open_feature_add: [HOME],
  blocker_open_form: [HOME],
  blocker_triage: [['sandbox-forms.test.ts', 'triage: a button on the list opens the decision']],
  feature_keep: [KEEP],
  feature_punt_open: [PUNT],
  replan_item: [EXTEND],
  replan_date: [EXTEND, ['sandbox-forms.test.ts', 're-plan: a date picker and option groups']],
  replan_scope: [EXTEND],
  phase_end_extend: [EXTEND],
  phase_end_checklist: [EXTEND],
  phase_end_move_on: [MOVE_ON],
  outbox_retry: [['sandbox-outbox.test.ts', 'Retry posts it once kfrelease is back']],
  open_signoff_form: [['sandbox-outbox.test.ts', 'sign-off while no RC is known']],
  release_create_anyway: [CREATE],
  release_create_cancel: [CREATE],
};

/** Every form that kfrelease takes, and the browser test that submits it wrong, then right. */
const SUBMITTED: Record<string, Walk[]> = {
  submit_revision: [['sandbox-console.test.ts', 'submits a revision through the modal']],
  deny_revision: [DENY],
  docs_add: [['sandbox-forms.test.ts', 'docs: a user picker and a status select; a feature must be named']],
  feature_add: [['sandbox-buttons.test.ts', 'feature: a reference GitHub does not have is refused']],
  feature_punt: [PUNT],
  distribution_signoff: [['sandbox-forms.test.ts', 'sign-off: radio buttons with their emoji']],
  blocker_report: [['sandbox-forms.test.ts', 'blocking issues: the form’s own example is found']],
  blocker_triage_view: [['sandbox-forms.test.ts', 'triage: a button on the list opens the decision']],
  release_replan: [['sandbox-forms.test.ts', 're-plan: a date picker and option groups']],
  phase_end_move_on: [MOVE_ON],
  declare_dependencies: [
    ['sandbox-decisions.test.ts', 'a range kfrelease cannot read is refused next to its field'],
  ],
};

/**
 * Issue #17 wants every button pressed and every form submitted, wrong and right, in a browser. The
 * app's own registrations are the list: a button or form added without a browser test that walks it
 * fails here until one does and is named above.
 */
describe('every button and form kfrelease registers is walked by a browser test', () => {
  let router: RecordingRouter;
  let sandbox: Awaited<ReturnType<typeof startTestSandbox>> | undefined;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    const services: AppServices = sandbox.services;
    router = new RecordingRouter();
    registerActions(router, services);
    registerViews(router, services);
  });
  afterAll(async () => {
    await sandbox?.cleanUp();
  });

  it('names a browser test for each button and select the app answers', () => {
    expect([...router.actions].sort()).toEqual(Object.keys(PRESSED).sort());
  });

  it('names a browser test for each form the app takes', () => {
    expect([...router.views].sort()).toEqual(Object.keys(SUBMITTED).sort());
  });

  it.each(Object.entries({ ...PRESSED, ...SUBMITTED }))('%s: the tests named exist', (_id, walks) => {
    for (const [file, title] of walks) {
      const source = readFileSync(path.join(__dirname, file), 'utf8');
      expect({ file, title, found: source.includes(title) }).toEqual({ file, title, found: true });
    }
  });
});

import { databaseSnapshot } from '../helpers/database-snapshot';
import {
  ALAN,
  GRACE,
  outboxDelivered,
  PIPELINES,
  postedMessage,
  RM,
  submitRevisionForm,
  textOf,
  useRevisionApp,
  viewAnswer,
} from '../helpers/revision-fixtures';
import { answerText, RELEASE_CHANNEL, type TestApp } from '../helpers/start-app';

const REASON = 'The Tekton backend is not released this cycle';
const TEKTON_MISSING = 'Pipelines (kubeflow/kfp-tekton)';

describe('a component the release manager marks as not shipping this cycle', () => {
  let app: TestApp;

  useRevisionApp((world) => {
    ({ app } = world);
  });

  beforeEach(async () => {
    app.slack.expect('chat.postMessage');
    expect(answerText(await app.command('meeting set tue 16:00', RM))).not.toContain(':warning:');
    // Kubeflow Pipelines hands in 2.5.0: only kubeflow/kfp-tekton is still missing from Pipelines.
    const response = await submitRevisionForm(app, ALAN, PIPELINES, ['2.5.0', null]);
    expect(viewAnswer(response).response_action).toBe('update');
    await outboxDelivered(app);
  });

  it('names kubeflow/kfp-tekton as what Pipelines still owes in versions, status and the agenda', async () => {
    const versions = answerText(await app.command('versions', ALAN));
    expect(versions).toContain(TEKTON_MISSING);
    expect(versions).not.toContain('Pipelines (kubeflow/pipelines');
    expect(versions).toContain('• Kubeflow Tekton Pipelines: :red_circle: _missing_');
    const status = answerText(await app.command('status', ALAN));
    expect(status).toMatch(/:rotating_light: missing: .*Pipelines \(kubeflow\/kfp-tekton\)/);
    const agenda = answerText(await app.command('agenda', ALAN));
    expect(agenda).toMatch(/No accepted revision yet from: .*Pipelines \(kubeflow\/kfp-tekton\), Training/);
  });

  it('stops counting it as missing, shows it as not shipping everywhere, logs the decision, and takes it back', async () => {
    const skipped = answerText(await app.command(`component skip kubeflow/kfp-tekton ${REASON}`, RM));
    expect(skipped).toContain(
      `:no_entry_sign: *Kubeflow Tekton Pipelines* (kubeflow/kfp-tekton) is not shipping in Kubeflow v1.10.0: no revision is owed, and versions, status, the agenda, reminders and the App Home say so. Reason: ${REASON}`,
    );

    const versions = answerText(await app.command('versions', ALAN));
    expect(versions).not.toContain(TEKTON_MISSING);
    expect(versions).toContain('*Pipelines* :white_check_mark:');
    expect(versions).toContain(
      `• Kubeflow Tekton Pipelines: :no_entry_sign: _not shipping this cycle_ (${REASON})`,
    );
    expect(versions).toContain(
      ":no_entry_sign: *Not shipping this cycle* (release manager's decision): Kubeflow Tekton Pipelines (Pipelines)",
    );
    const status = answerText(await app.command('status', ALAN));
    expect(status).toContain('*Revisions:* 1 of 6 working groups complete');
    expect(status).toContain('· not shipping this cycle: Kubeflow Tekton Pipelines (Pipelines) ·');
    expect(status).not.toContain(TEKTON_MISSING);
    const agenda = answerText(await app.command('agenda', ALAN));
    expect(agenda).toContain('Not shipping this cycle: Kubeflow Tekton Pipelines (Pipelines)');
    expect(agenda).not.toContain(TEKTON_MISSING);
    const announcement = answerText(await app.command('announcement', RM));
    expect(announcement).toContain('- Kubeflow Pipelines v2.5.0: ');
    expect(announcement).toContain('- Katib (AutoML)');
    expect(announcement).not.toContain('Kubeflow Tekton Pipelines');
    const decisions = answerText(await app.command('decisions', ALAN));
    expect(decisions).toContain(
      `<@${RM}> · Marked Kubeflow Tekton Pipelines (Pipelines, kubeflow/kfp-tekton) as not shipping this cycle\n    _${REASON}_`,
    );
    await outboxDelivered(app);
    const decisionPost = app.slack
      .messages(RELEASE_CHANNEL)
      .find((m) => textOf(m.blocks).includes('as not shipping this cycle'));
    expect(textOf(decisionPost?.blocks)).toContain(
      `:scales: Kubeflow v1.10.0: <@${RM}> marked Kubeflow Tekton Pipelines (Pipelines, kubeflow/kfp-tekton) as not shipping this cycle`,
    );

    const again = answerText(await app.command('component skip Kubeflow Tekton Pipelines Still not', RM));
    expect(again).toContain(
      `:warning: Kubeflow Tekton Pipelines is already marked as not shipping in v1.10.0 (by <@${RM}>: ${REASON}).`,
    );

    const shipped = answerText(await app.command('component ship kubeflow/kfp-tekton', RM));
    expect(shipped).toContain(
      ':package: *Kubeflow Tekton Pipelines* (kubeflow/kfp-tekton) ships in Kubeflow v1.10.0 again: Pipelines owes a revision for it.',
    );
    const after = answerText(await app.command('versions', ALAN));
    expect(after).toContain(TEKTON_MISSING);
    expect(after).toContain('• Kubeflow Tekton Pipelines: :red_circle: _missing_');
    expect(after).not.toContain('not shipping');
    await outboxDelivered(app);
  });

  it.each([
    [GRACE, `component skip kubeflow/kfp-tekton ${REASON}`, 'Only the release manager of v1.10.0'],
    [RM, 'component skip kubeflow/kfp-tekton', 'Say why Kubeflow Tekton Pipelines does not ship in v1.10.0'],
    [
      RM,
      'component skip kubeflow/nothing Because',
      '"kubeflow/nothing Because" does not start with the name of a component',
    ],
    [RM, 'component skip', 'Name the component, or its repository (owner/name).'],
    [
      RM,
      'component ship kubeflow/kfp-tekton',
      'Kubeflow Tekton Pipelines is not marked as not shipping in v1.10.0: nothing to take back.',
    ],
    [RM, 'component ship kubeflow/kfp-tekton now please', '"now please" is not part of a component name'],
  ])('as %s, refuses "%s" with what to do, changing nothing', async (user, text, message) => {
    const before = databaseSnapshot(app.services.store.db);
    const answer = answerText(await app.command(text, user));
    expect(answer).toContain(`:warning: ${message}`);
    expect(databaseSnapshot(app.services.store.db)).toBe(before);
  });

  it('is announced through the outbox once', async () => {
    await app.command(`component skip kubeflow/kfp-tekton ${REASON}`, RM);
    const key = app.services.store.db
      .prepare("SELECT key FROM outbox WHERE key LIKE 'decision:%component.skipped%'")
      .all() as { key: string }[];
    expect(key).toHaveLength(1);
    const post = await postedMessage(app, RELEASE_CHANNEL, key[0]?.key ?? '');
    expect(textOf(post.blocks)).toContain(`_${REASON}_`);
    await outboxDelivered(app);
  });
});

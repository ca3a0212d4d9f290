import type { BlockerDecision, IssueState } from '../../src/domain/blocker-triage';
import { startAppWithTeam } from '../helpers/release-with-team';
import { answerText, type TestApp } from '../helpers/start-app';
import { trackedIssue } from '../helpers/tracked-issue';

const RM = 'U0ADA0001';
const NOW = '2026-05-12T10:00:00Z'; // Feature Freeze of v1.10.0

/**
 * Status counts a release's tracked issues per working group in SQL: open and not punted, at
 * risk, and release-blocking (marked so, or reported as blocking and not triaged yet); the phase
 * checklist sees whether every open one, punted or not, has been triaged.
 */
describe('open tracked issues counted for status and the phase checklist', () => {
  let app: TestApp;
  let number = 0;

  function track(wg: string, state: IssueState, decision: BlockerDecision, blocksRelease = false): void {
    const { store } = app.services;
    const release = store.releases.findByVersion('v1.10.0')!;
    number += 1;
    const id = store.blockers.insert(
      trackedIssue({
        releaseId: release.id,
        wgId: store.workingGroups.findByName(wg)!.id,
        repository: `kubeflow/${wg.toLowerCase()}`,
        number,
        state,
        blocksRelease,
        by: RM,
        at: NOW,
      }),
    )!;
    if (decision !== 'none')
      store.blockers.decide(id, 'none', { decision, reason: 'triaged', by: RM, at: NOW });
  }

  const statusText = async () => answerText(await app.command('status', RM));
  const phaseText = async () => answerText(await app.command('phase', RM));

  beforeAll(async () => {
    app = await startAppWithTeam(NOW);
  });
  afterAll(() => app.stop());

  it('says none are open while nothing is tracked, and the checklist item waits', async () => {
    expect(await statusText()).toContain('*Blocking issues:* none open · `/kfrelease block` to report one');
    const phase = await phaseText();
    expect(phase).toContain('Bugs at risk identified in the first week, to be fixed or punted');
    expect(phase).not.toContain('bugs at risk are triaged');
  });

  it('counts open issues per working group by triage, leaving out punted, closed and merged ones', async () => {
    track('Pipelines', 'open', 'release_blocking');
    track('Pipelines', 'open', 'at_risk');
    track('Pipelines', 'open', 'at_risk', true); // at risk outranks the reporter's "blocking"
    track('Pipelines', 'open', 'none', true); // reported as blocking, not triaged: blocking
    track('Pipelines', 'open', 'punted', true);
    track('Pipelines', 'closed', 'release_blocking');
    track('KServe', 'open', 'none');
    track('Notebooks', 'merged', 'none');
    expect(await statusText()).toContain(
      '*Blocking issues:* KServe 0 release-blocking of 1 · Pipelines 2 release-blocking, 2 at risk of 4 · `/kfrelease blockers`',
    );
    expect(await phaseText()).toContain('no bug triaged as at risk yet');
  });

  it('ticks the checklist item once every open issue is triaged, punted ones included', async () => {
    const { store } = app.services;
    const release = store.releases.findByVersion('v1.10.0')!;
    for (const row of store.blockers.forRelease(release.id))
      if (row.state === 'open' && row.decision === 'none')
        store.blockers.decide(row.id, 'none', { decision: 'at_risk', reason: 'triaged', by: RM, at: NOW });
    expect(await statusText()).toContain(
      '*Blocking issues:* KServe 0 release-blocking, 1 at risk of 1 · Pipelines 1 release-blocking, 3 at risk of 4 · `/kfrelease blockers`',
    );
    expect(await phaseText()).toContain('bugs at risk are triaged');
  });

  it('follows what GitHub says: a closed issue leaves the counts, a reopened one comes back', async () => {
    const { store } = app.services;
    const release = store.releases.findByVersion('v1.10.0')!;
    const kserve = store.blockers.forRelease(release.id).find((row) => row.wg === 'KServe')!;
    const github = (state: IssueState) => ({
      title: kserve.title,
      state,
      isPullRequest: false,
      labels: [],
      assignees: [],
      url: kserve.url,
      updatedAt: NOW,
    });
    store.blockers.applyGitHub(kserve.id, github('closed'), NOW);
    expect(await statusText()).toContain(
      '*Blocking issues:* Pipelines 1 release-blocking, 3 at risk of 4 · `/kfrelease blockers`',
    );
    store.blockers.applyGitHub(kserve.id, github('open'), NOW);
    expect(await statusText()).toContain(
      '*Blocking issues:* KServe 0 release-blocking, 1 at risk of 1 · Pipelines 1 release-blocking, 3 at risk of 4 · `/kfrelease blockers`',
    );
  });
});

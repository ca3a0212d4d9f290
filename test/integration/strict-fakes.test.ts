import { WebClient } from '@slack/web-api';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeSlack } from '../fakes/fake-slack';
import { takeUnexpectedCalls } from '../fakes/strict-fakes';

const client = (url: string) => new WebClient('xoxb-test', { slackApiUrl: url, retryConfig: { retries: 0 } });

// Each test takes what it provoked itself, so the afterEach of fail-on-unexpected-calls.ts sees
// nothing left; that afterEach is what fails any other test the same way.
describe('the fakes fail a test on a call it did not declare, unless it says why', () => {
  it('reports an undeclared Slack call and a call beyond the declared count, once each', async () => {
    const slack = await startFakeSlack();
    try {
      slack.expect('chat.postMessage', 1);
      await client(slack.url).chat.postMessage({ channel: 'C1', text: 'declared' });
      await client(slack.url).chat.postMessage({ channel: 'C1', text: 'one too many' });
      await client(slack.url).reactions.add({ channel: 'C1', timestamp: '1.000001', name: 'eyes' });
      expect(takeUnexpectedCalls()).toEqual([
        'Slack got a call nobody declared with expect(): chat.postMessage {"channel":"C1","text":"one too many"}',
        'Slack got a call nobody declared with expect(): reactions.add {"channel":"C1","timestamp":"1.000001","name":"eyes"}',
      ]);
      expect(takeUnexpectedCalls()).toEqual([]);
    } finally {
      await slack.close();
    }
  });

  it('reports a GitHub request no route answers', async () => {
    const github = await startFakeGitHub();
    try {
      await fetch(`${github.url}/repos/kubeflow/manifests/actions/workflows`);
      expect(takeUnexpectedCalls()).toEqual([
        'GitHub got a request it has no route for: GET /repos/kubeflow/manifests/actions/workflows',
      ]);
    } finally {
      await github.close();
    }
  });

  it('lets a fake started with a reason take any call', async () => {
    const slack = await startFakeSlack({ unexpectedCallsAllowed: 'this test checks the opt-out itself' });
    try {
      await client(slack.url).reactions.add({ channel: 'C1', timestamp: '1.000001', name: 'eyes' });
      expect(slack.unexpectedCalls().map((call) => call.method)).toEqual(['reactions.add']);
      expect(takeUnexpectedCalls()).toEqual([]);
    } finally {
      await slack.close();
    }
  });

  it('refuses an opt-out without a reason', async () => {
    await expect(startFakeSlack({ unexpectedCallsAllowed: ' ' })).rejects.toThrow(
      'unexpectedCallsAllowed needs a reason: say why this test makes calls it does not declare',
    );
  });
});

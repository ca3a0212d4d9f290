import { createHmac } from 'node:crypto';
import { slackSignatureProblem } from '../../src/slack/slack-signature';

const SECRET = 'abcdef0123456789abcdef0123456789';
const NOW = 1_790_000_000;
const BODY = 'command=%2Fkfrelease&text=status';
const sign = (timestamp: string, body = BODY, secret = SECRET) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
const check = (signature: string | undefined, timestamp: string | undefined, body = BODY) =>
  slackSignatureProblem({ signingSecret: SECRET, signature, timestamp, body, nowSeconds: NOW });

describe("a request's Slack signature", () => {
  it.each([
    ['signed now', sign(String(NOW)), String(NOW), null],
    ['signed five minutes ago, to the second', sign(String(NOW - 300)), String(NOW - 300), null],
    [
      'signed five minutes and a second ago',
      sign(String(NOW - 301)),
      String(NOW - 301),
      'the signature is over five minutes old',
    ],
    ['without a signature', undefined, String(NOW), 'the signature or its timestamp is missing'],
    ['without a timestamp', sign(String(NOW)), undefined, 'the signature or its timestamp is missing'],
    [
      'with a timestamp that is not whole seconds',
      sign(`${NOW}.5`),
      `${NOW}.5`,
      'the timestamp is not a number of seconds',
    ],
    [
      'of another version',
      sign(String(NOW)).replace('v0=', 'v1='),
      String(NOW),
      'the signature is not of version v0',
    ],
    [
      'made with another secret',
      sign(String(NOW), BODY, 'f'.repeat(32)),
      String(NOW),
      'the signature does not match',
    ],
    ['of another timestamp', sign(String(NOW - 1)), String(NOW), 'the signature does not match'],
    ['cut short', sign(String(NOW)).slice(0, 40), String(NOW), 'the signature does not match'],
  ])('%s', (_case, signature, timestamp, problem) => {
    expect(check(signature, timestamp)).toBe(problem);
  });

  it('covers the body: one changed character is refused', () => {
    expect(check(sign(String(NOW)), String(NOW), BODY.replace('status', 'statuz'))).toBe(
      'the signature does not match',
    );
  });
});

import { blockAction, type SignOptions, type SlackHttpResponse } from './slack-request';
import { ADMIN, type TestApp } from './start-app';

let confirmations = 0;

/**
 * `/kfrelease release create …` as `user`, as a release manager setting up a release that started
 * already does it: when kfrelease asks about dates in the past, *Create anyway* is pressed. The
 * response is the command's, with the answer to the press in place of the question.
 */
export async function createReleaseInSlack(
  app: TestApp,
  text: string,
  user: string = ADMIN,
  opts: SignOptions & { channel?: string } = {},
): Promise<SlackHttpResponse> {
  const response = await app.command(text, user, opts);
  type Answer = { blocks?: { elements?: { action_id?: string; value?: string }[] }[] };
  const anyway = response
    .json<Answer>()
    ?.blocks?.flatMap((block) => block.elements ?? [])
    .find((element) => element.action_id === 'release_create_anyway');
  if (!anyway?.value) return response;
  const id = `create-anyway-${++confirmations}`;
  const payload = blockAction({
    user,
    actionId: 'release_create_anyway',
    value: anyway.value,
    responseUrl: app.slack.responseUrl(id),
    ...(opts.channel ? { channel: opts.channel } : {}),
  });
  const pressed = await app.interact(payload);
  if (pressed.status !== 200) throw new Error(`Create anyway: HTTP ${pressed.status} ${pressed.text}`);
  const answer = (await app.slack.waitForResponse(id)).body;
  return { ...response, text: JSON.stringify(answer), json: <T>() => answer as T };
}

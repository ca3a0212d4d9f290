import { post } from './load-generator';
import type { SignedRequest } from './signed-slash-command';
import type { ServerProcess } from './start-server-process';

/**
 * Refuses to measure anything but real answers: ours must show the current release in feature
 * freeze, the bare app its "ok", and both must refuse a request with a wrong signature.
 */
export async function verifyAnswers(params: {
  ours: ServerProcess;
  bare: ServerProcess;
  currentVersion: string;
  makeRequest: () => SignedRequest;
}): Promise<string[]> {
  const problems: string[] = [];
  const ours = params.ours.firstAnswer.text;
  if (!ours.includes(`Kubeflow ${params.currentVersion}`) || !ours.includes('Feature Freeze')) {
    problems.push(
      `our answer does not show ${params.currentVersion} in feature freeze: ${ours.slice(0, 300)}`,
    );
  }
  if (!params.bare.firstAnswer.text.includes('"text":"ok"')) {
    problems.push(`the bare app's answer is not its "ok": ${params.bare.firstAnswer.text.slice(0, 300)}`);
  }
  for (const app of [params.ours, params.bare]) {
    const forged = params.makeRequest();
    const headers = { ...forged.headers, 'x-slack-signature': `v0=${'0'.repeat(64)}` };
    const answer = await post(app.eventsUrl, { ...forged, headers }, { agent: false, keepBody: false });
    if (answer.status !== 401)
      problems.push(`${app.name} answered a wrongly signed request with ${answer.status}, not 401`);
  }
  return problems;
}

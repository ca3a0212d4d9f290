import type { ReleaseRow } from '../../db/release-repository';
import { code, md } from '../../text/mrkdwn';
import { answer, context, section, type SlackAnswer } from './block-kit';
import { formatDate, formatSlip } from './format';

/** The answer to `release shipped`. */
export function shippedBlocks(result: {
  release: ReleaseRow;
  on: string;
  planned: string | null;
  slipDays: number | null;
}): SlackAnswer {
  const slip = result.slipDays ? md` · _${formatSlip(result.slipDays)}_` : md``;
  const text = md`:rocket: Kubeflow ${result.release.version} shipped on ${formatDate(result.on)}${slip}.`;
  return answer(text, [
    section(text),
    context(
      md`Status, timeline, agenda, the public schedule and the retrospective now use this day. Patch releases can be opened: ${code(`/kfrelease patch ${result.release.version.replace(/\.0$/, '.1')}`)}.`,
    ),
  ]);
}

/** The answer to `release close` and `release cancel`. */
export function closedBlocks(release: ReleaseRow, early = false): SlackAnswer {
  const verb = release.status === 'cancelled' ? 'cancelled' : 'closed';
  const before = early ? ' before its release day' : '';
  const why = release.closeReason ? md`: ${release.closeReason}` : md``;
  const text = md`:lock: Kubeflow ${release.version} is ${verb}${before}${why}.`;
  return answer(text, [
    section(text),
    context(
      md`It is read-only from now on, and its scheduled posts stop. Read it any time by version: ${code(`/kfrelease status ${release.version}`)}.`,
    ),
  ]);
}

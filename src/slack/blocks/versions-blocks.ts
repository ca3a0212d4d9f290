import type { ManifestsPullRow } from '../../db/manifests-pull-repository';
import type { ComponentVersion, ComponentVersionsView } from '../../workflows/component-versions';
import { bold, code, join, md, type Mrkdwn } from '../../text/mrkdwn';
import { answer, context, header, listSection, section, type Block, type SlackAnswer } from './block-kit';
import { actor } from './format';
import { manifestsPullSuffix } from './manifests-blocks';

/** Slack allows 50 blocks per message: a header, the missing and not-shipping lines, the groups and two context lines. */
const MAX_SECTIONS = 40;
const SEE_ALL = md`${code('npx kfrelease versions')}`;

function componentLine(c: ComponentVersion, freeze: boolean, pull?: ManifestsPullRow): Mrkdwn {
  const a = c.accepted;
  if (c.notShipping)
    return md`• ${c.component}: :no_entry_sign: _not shipping this cycle_ (${c.notShipping.reason})`;
  const rc = a?.rc ? md` _release candidate_` : md``;
  const shipped = a
    ? md`${code(a.revision)}${a.commitSha ? ` (${a.commitSha.slice(0, 7)})` : ''}${rc} by ${actor(a.submittedBy)} ${a.submittedAt.slice(0, 10)}`
    : freeze
      ? md`:red_circle: _missing_`
      : md`_none yet_`;
  const waiting = c.waiting
    ? md` · ${code(c.waiting.revision)} ${c.waiting.status === 'needs_exception' ? 'held for the release manager' : 'pending validation'}`
    : '';
  return md`• ${c.component}: ${shipped}${waiting}${manifestsPullSuffix(pull)}`;
}

/**
 * `/kfrelease versions`: every component with the revision that ships, who still owes one, and
 * the state of each repository's manifests sync pull request.
 */
export function versionsBlocks(view: ComponentVersionsView, pulls: ManifestsPullRow[] = []): SlackAnswer {
  const pullOf = new Map(
    pulls.flatMap((p) => (p.upstreamRepo ? [[p.upstreamRepo.toLowerCase(), p] as const] : [])),
  );
  const blocks: Block[] = [header(`Component versions of Kubeflow ${view.version}`)];
  if (view.missing.length > 0) {
    const lead = view.freeze
      ? md`:rotating_light: *Feature Freeze has started and these repositories have no accepted revision yet:*`
      : md`*No accepted revision yet:*`;
    blocks.push(section(md`${lead} ${join(view.missing)}`));
  }
  if (view.notShipping.length > 0) {
    const skipped = view.notShipping.map((c) => `${c.component} (${c.wg})`);
    blocks.push(
      section(md`:no_entry_sign: *Not shipping this cycle* (release manager's decision): ${join(skipped)}`),
    );
  }
  for (const group of view.groups.slice(0, MAX_SECTIONS)) {
    const groupLines = group.components.map((c) =>
      componentLine(c, view.freeze, pullOf.get(c.repo.toLowerCase())),
    );
    const title = md`${bold(group.wg)}${group.complete ? ' :white_check_mark:' : ''}`;
    blocks.push(listSection(title, groupLines, SEE_ALL));
  }
  // Out of blocks: say how many working groups are not shown rather than dropping them.
  const hidden = view.groups.length - MAX_SECTIONS;
  if (hidden > 0) blocks.push(context(md`_and ${hidden} more working groups: ${SEE_ALL}_`));
  blocks.push(
    context(
      md`${view.held} held for the release manager · ${view.pending} pending validation · \`npx kfrelease versions --markdown\` prints the table for the manifests README`,
    ),
  );
  return answer(md`Component versions of Kubeflow ${view.version}`, blocks);
}

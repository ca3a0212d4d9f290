import type { PatchView } from '../../workflows/patch-release';
import { bold, code, join, link, md, type Mrkdwn } from '../../text/mrkdwn';
import { answer, context, header, listSection, section, type Block, type SlackAnswer } from './block-kit';
import { actor, formatDate } from './format';

/** A patch release and its changes, each with the handbook's criterion it meets. */
export function patchBlocks(view: PatchView, lead?: Mrkdwn): SlackAnswer {
  const state = view.releasedOn
    ? `released ${formatDate(view.releasedOn)}`
    : view.targetOn
      ? `open, planned for ${formatDate(view.targetOn)}`
      : 'open, no date yet';
  const changes = view.changes.map(
    (c) =>
      md`• ${link(c.url, c.ref)} · ${bold(c.criterionTitle)}${c.note ? ` · ${c.note}` : ''} _(${actor(c.addedBy)})_`,
  );
  const siblings = view.siblings.length
    ? md` Other patch releases of ${view.base}: ${join(view.siblings)}.`
    : '';
  const blocks: Block[] = [
    header(`Kubeflow ${view.version}: patch release of ${view.base}`),
    ...(lead ? [section(lead)] : []),
    section(md`*State:* ${state} · opened by ${actor(view.openedBy)} ${view.openedAt.slice(0, 10)}`),
    changes.length > 0
      ? listSection(
          md`*Changes (${changes.length})*`,
          changes,
          md`${code(`/kfrelease patch ${view.version}`)}`,
        )
      : section(
          md`_No changes yet._ Add one with \`/kfrelease patch add <version> <owner/repo#N> <bug|security|docs> [note]\`.`,
        ),
    context(
      md`The handbook lets a patch release include important bug fixes, critical security fixes and documentation updates.${siblings}`,
    ),
  ];
  return answer(md`Kubeflow ${view.version}: ${changes.length} change(s), ${state}`, blocks);
}

import type { PatchView } from '../../workflows/patch-release';
import { context, escapeMrkdwn, header, section, type Block, type SlackAnswer } from './block-kit';
import { formatDate } from './format';

const who = (actor: string) => (actor.startsWith('cli:') ? escapeMrkdwn(actor.slice(4)) : `<@${actor}>`);

/** A patch release and its changes, each with the handbook's criterion it meets. */
export function patchBlocks(view: PatchView, lead?: string): SlackAnswer {
  const state = view.releasedOn
    ? `released ${formatDate(view.releasedOn)}`
    : view.targetOn
      ? `open, planned for ${formatDate(view.targetOn)}`
      : 'open, no date yet';
  const changes = view.changes.map(
    (c) =>
      `• <${c.url}|${escapeMrkdwn(c.ref)}> · *${c.criterionTitle}*${c.note ? ` · ${escapeMrkdwn(c.note)}` : ''} _(${who(c.addedBy)})_`,
  );
  const blocks: Block[] = [
    header(`Kubeflow ${view.version}: patch release of ${view.base}`),
    ...(lead ? [section(lead)] : []),
    section(`*State:* ${state} · opened by ${who(view.openedBy)} ${view.openedAt.slice(0, 10)}`),
    section(
      changes.length > 0
        ? `*Changes (${changes.length})*\n${changes.join('\n')}`
        : '_No changes yet._ Add one with `/kfrelease patch add <version> <owner/repo#N> <bug|security|docs> [note]`.',
    ),
    context(
      `The handbook lets a patch release include important bug fixes, critical security fixes and documentation updates.${view.siblings.length ? ` Other patch releases of ${view.base}: ${view.siblings.join(', ')}.` : ''}`,
    ),
  ];
  return { text: `Kubeflow ${view.version}: ${changes.length} change(s), ${state}`, blocks };
}

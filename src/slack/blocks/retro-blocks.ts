import type { RetrospectiveView } from '../../workflows/retrospective';
import { context, escapeMrkdwn, header, section, type Block, type SlackAnswer } from './block-kit';
import { formatDate } from './format';

const signed = (days: number) => (days > 0 ? `+${days}` : `${days}`);
const who = (actor: string) => (actor.startsWith('cli:') ? escapeMrkdwn(actor.slice(4)) : `<@${actor}>`);

/** The answer to `/kfrelease retro <note>`. */
export function retroNotedBlocks(result: { version: string; phase: string; count: number }): SlackAnswer {
  const text = `Noted for the retrospective of ${result.version}, under ${result.phase} (${result.count} note${result.count === 1 ? '' : 's'} so far).`;
  return {
    text,
    blocks: [section(`:memo: ${text}`), context('After release day, `/kfrelease retro show` compiles them.')],
  };
}

/** `/kfrelease retro show`: the notes by phase, with the cycle in numbers. */
export function retroBlocks(view: RetrospectiveView): SlackAnswer {
  const f = view.figures;
  const slips = f.milestoneSlips.map(
    (s) =>
      `• ${escapeMrkdwn(s.name)}: ${formatDate(s.finalDate)}${s.slipDays ? ` (${signed(s.slipDays)} days)` : ' (as first planned)'}`,
  );
  const late = f.lateRevisions.map((r) =>
    r.daysLate === null ? `${r.wg} (never)` : `${r.wg} (${r.daysLate} days late)`,
  );
  const blockers =
    f.blockers === null || f.blockers.length === 0
      ? 'none tracked'
      : f.blockers
          .map((b) => `${b.ref} ${b.ageDays} days${b.openAtRelease ? ' (open at release)' : ''}`)
          .join(', ');
  const rcs =
    f.rcs.source === 'tags'
      ? `${f.rcs.count} tagged (${f.rcs.names.join(', ')})`
      : `${f.rcs.count} planned${f.rcs.optional ? ` (${f.rcs.optional} optional)` : ''}; no RC tags were found`;
  const blocks: Block[] = [
    header(`Retrospective of Kubeflow ${view.version}`),
    section(
      [
        `*Release day:* ${f.releaseOn ? formatDate(f.releaseOn) : 'not planned'} · ${f.plans} plan${f.plans === 1 ? '' : 's'}`,
        `*Revisions after the first day of Feature Freeze:* ${late.length ? late.join(', ') : 'none'}`,
        `*Blocking issues at release:* ${blockers}`,
        `*Release candidates:* ${rcs}`,
        ...(view.patchReleases.length ? [`*Patch releases:* ${view.patchReleases.join(', ')}`] : []),
      ].join('\n'),
    ),
    section(`*Slip against the first plan*\n${slips.join('\n')}`),
  ];
  if (view.sections.length === 0)
    blocks.push(section('_No notes yet: add them with `/kfrelease retro <note>`._'));
  for (const s of view.sections.slice(0, 40)) {
    blocks.push(
      section(
        `*${escapeMrkdwn(s.name)}*\n${s.notes.map((n) => `• ${escapeMrkdwn(n.note)} _(${who(n.author)})_`).join('\n')}`,
      ),
    );
  }
  blocks.push(context('`npx kfrelease retro` prints the same as Markdown for the retrospective document.'));
  return { text: `Retrospective of Kubeflow ${view.version}`, blocks };
}

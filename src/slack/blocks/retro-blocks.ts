import type { RetrospectiveView } from '../../workflows/retrospective';
import { bold, code, join, listOr, md } from '../../text/mrkdwn';
import { answer, context, header, listSection, section, type Block, type SlackAnswer } from './block-kit';
import { actor, formatDate } from './format';

/** Slack allows 50 blocks per message: the notes of at most this many phases are shown. */
const MAX_SECTIONS = 40;
/** Prints the whole retrospective, every note included. */
const SEE_ALL = md`${code('npx kfrelease retro')}`;

const signed = (days: number) => (days > 0 ? `+${days}` : `${days}`);

/** The answer to `/kfrelease retro <note>`. */
export function retroNotedBlocks(result: { version: string; phase: string; count: number }): SlackAnswer {
  const noted = md`Noted for the retrospective of ${result.version}, under ${result.phase} (${result.count} note${result.count === 1 ? '' : 's'} so far).`;
  return answer(noted, [
    section(md`:memo: ${noted}`),
    context(md`After release day, \`/kfrelease retro show\` compiles them.`),
  ]);
}

/** `/kfrelease retro show`: the notes by phase, with the cycle in numbers. */
export function retroBlocks(view: RetrospectiveView): SlackAnswer {
  const f = view.figures;
  const slips = f.milestoneSlips.map(
    (s) =>
      md`• ${s.name}: ${formatDate(s.finalDate)}${s.slipDays ? ` (${signed(s.slipDays)} days)` : ' (as first planned)'}`,
  );
  const late = f.lateRevisions.map((r) =>
    r.daysLate === null ? md`${r.wg} (never)` : md`${r.wg} (${r.daysLate} days late)`,
  );
  const blockers = listOr(
    (f.blockers ?? []).map(
      (b) => md`${b.ref} ${b.ageDays} days${b.openAtRelease ? ' (open at release)' : ''}`,
    ),
    md`none tracked`,
  );
  const rcs =
    f.rcs.source === 'tags'
      ? md`${f.rcs.count} tagged (${join(f.rcs.names)})`
      : md`${f.rcs.count} planned${f.rcs.optional ? ` (${f.rcs.optional} optional)` : ''}; no RC tags were found`;
  const figures = [
    md`*Release day:* ${f.releaseOn ? formatDate(f.releaseOn) : 'not planned'} · ${f.plans} plan${f.plans === 1 ? '' : 's'}`,
    md`*Revisions after the first day of Feature Freeze:* ${listOr(late, md`none`)}`,
    md`*Blocking issues at release:* ${blockers}`,
    md`*Release candidates:* ${rcs}`,
    ...(view.patchReleases.length ? [md`*Patch releases:* ${join(view.patchReleases)}`] : []),
  ];
  const blocks: Block[] = [
    header(`Retrospective of Kubeflow ${view.version}`),
    ...(view.releaseDayAhead
      ? [
          context(
            md`Release day is ${formatDate(view.releaseDayAhead)}: these are the notes so far, and the figures as they stand today.`,
          ),
        ]
      : []),
    listSection(null, figures, SEE_ALL),
    listSection(md`*Slip against the first plan*`, slips, SEE_ALL),
  ];
  if (view.sections.length === 0)
    blocks.push(section(md`_No notes yet: add them with \`/kfrelease retro <note>\`._`));
  for (const s of view.sections.slice(0, MAX_SECTIONS)) {
    const notes = s.notes.map((n) => md`• ${n.note} _(${actor(n.author)})_`);
    blocks.push(listSection(bold(s.name), notes, SEE_ALL));
  }
  const hidden = view.sections.length - MAX_SECTIONS;
  if (hidden > 0) blocks.push(context(md`_and ${hidden} more phases with notes: ${SEE_ALL}_`));
  blocks.push(
    context(md`\`npx kfrelease retro\` prints the same as Markdown for the retrospective document.`),
  );
  return answer(md`Retrospective of Kubeflow ${view.version}`, blocks);
}

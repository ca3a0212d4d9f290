import { weekLabel } from '../../domain/timeline';
import { code, join, lines, md, type Mrkdwn } from '../../text/mrkdwn';
import type { PhaseView } from '../../workflows/phase-control';
import type { ReleaseStatus } from '../../workflows/release-status';
import {
  actions,
  answer,
  button,
  context,
  divider,
  fields,
  header,
  section,
  type SlackAnswer,
} from './block-kit';
import { actor, formatCountdown, formatDate, formatSlip, listOrNone, mention, plural } from './format';

import { OPEN_BLOCKER_FORM } from './blocker-blocks';

export const OPEN_SUBMIT_FORM = 'open_submit_revision';

function blockersLine(status: ReleaseStatus): Mrkdwn {
  const open = status.blockers.filter((b) => b.open > 0);
  if (open.length === 0) return md`*Blocking issues:* none open · \`/kfrelease block\` to report one`;
  const byWg = open.map(
    (b) =>
      md`${b.wg} ${b.releaseBlocking} release-blocking${b.atRisk ? md`, ${b.atRisk} at risk` : md``} of ${b.open}`,
  );
  return md`*Blocking issues:* ${join(byWg, ' · ')} · \`/kfrelease blockers\``;
}

function revisionsLine(status: ReleaseStatus): Mrkdwn {
  const r = status.revisions;
  const waiting = join(
    [
      r.held ? `${r.held} held for the release manager` : '',
      r.pending ? `${r.pending} pending validation` : '',
    ],
    ', ',
  );
  const missing =
    r.missing.length > 0
      ? md` · ${r.freeze ? ':rotating_light: missing' : 'not yet'}: ${join(r.missing, ', ')}`
      : md``;
  const skipped =
    r.notShipping.length > 0 ? md` · not shipping this cycle: ${join(r.notShipping, ', ')}` : md``;
  return md`*Revisions:* ${r.complete} of ${r.total} working groups complete${waiting.length ? md` · ${waiting}` : md``}${missing}${skipped} · \`/kfrelease versions\``;
}

/** The current phase's checklist progress and how the release manager moved the release into it. */
function phaseLine(phase: PhaseView): Mrkdwn {
  const name = phase.position.current.name;
  const items = phase.sections[0]?.items ?? [];
  const done = items.filter((s) => s.done).length;
  const unmet = phase.unmet.length > 0 ? ` · ${phase.unmet.length} criteria unmet` : '';
  const progress = md`*Checklist of ${name}:* ${done} of ${items.length} done${unmet} · \`/kfrelease phase\``;
  const e = phase.enteredBy;
  if (!e) return progress;
  const early = e.daysEarly > 0 ? `, ${plural(e.daysEarly, 'day')} early` : '';
  const before = e.unmet.length > 0 ? ` with ${e.unmet.length} criteria of the phase before unmet` : '';
  return md`${progress}\n:arrow_right: Moved to ${name} by ${actor(e.actor)} on ${formatDate(e.onDate)}${early}${before}${e.reason ? md`: ${e.reason}` : md``}`;
}

/** Release day as planned, or as it happened: the day it shipped and how kfrelease knows. */
export function releaseDayLine(release: NonNullable<ReleaseStatus['release']>): Mrkdwn {
  const slip = release.slipDays ? md` · _${formatSlip(release.slipDays)}_` : md``;
  if (!release.done) {
    return md`*Release day:* ${formatDate(release.dueOn)}, ${formatCountdown(release.daysLeft)}${slip}`;
  }
  const how =
    release.done.source === 'tag' && release.done.ref
      ? md`tag ${code(release.done.ref)}`
      : md`recorded by the release manager`;
  return md`*Released:* ${formatDate(release.done.doneOn)}, ${formatCountdown(release.daysLeft)} (${how})${slip}`;
}

/** A release that changes no more says so first: closed or cancelled, when, and why. */
function stateLine(status: ReleaseStatus): Mrkdwn {
  const closed = status.closed;
  const when = closed ? md` on ${formatDate(closed.at.slice(0, 10))}` : md``;
  const why = closed?.reason ? md`: ${closed.reason}` : md``;
  return md`:lock: *${status.state === 'cancelled' ? 'Cancelled' : 'Closed'}*${when}${why}. It is read-only: nothing about it can change.`;
}

/**
 * `/kfrelease status`: where the release stands, at a glance. With the phase summary, also the
 * current phase's checklist progress and how the release got into it.
 */
export function statusBlocks(status: ReleaseStatus, phase?: PhaseView): SlackAnswer {
  const phaseNames = status.phases.map((p) => md`*${p.name}* (until ${formatDate(p.endsOn)})`);
  const where =
    status.outside === 'before'
      ? md`Not started yet: week 1 starts ${formatDate(status.week1StartsOn)}.`
      : status.outside === 'after'
        ? md`The cycle is over.`
        : join(phaseNames, ' and ');
  const weekLine = weekLabel(status.week, status.releaseWeek);
  const next = status.nextMilestone;
  const nextLine = next
    ? md`*Next:* ${next.name}${next.artifact ? md` (${code(next.artifact)})` : md``}, ${formatDate(next.dueOn)}, ${formatCountdown(next.daysLeft)} · ${next.owner}${next.slipDays ? md` · _${formatSlip(next.slipDays)}_` : md``}`
    : md`*Next:* no milestones left.`;
  const releaseLine = status.release ? releaseDayLine(status.release) : null;
  const team = status.team;
  const docsLead = md`${listOrNone(team.docsLeads.map(mention))}${team.docsLeadImplied ? ' _(as Release Manager)_' : ''}`;
  const summary = status.outside
    ? where
    : md`${status.phases.map((p) => p.name).join(' + ')}, ${weekLine.toLowerCase()}`;
  const text = md`Kubeflow ${status.version}: ${summary}${next ? md`; next: ${next.name} ${formatDate(next.dueOn)}` : md``}`;
  const plan = status.planRevision === 1 ? 'as first planned' : `re-planned (plan ${status.planRevision})`;
  const live = status.state === 'live';
  return answer(text, [
    header(`Kubeflow ${status.version}`),
    ...(live ? [] : [section(stateLine(status))]),
    section(md`${where}\n${weekLine} · today is ${formatDate(status.today)} (${status.timeZone})`),
    section(lines(nextLine, releaseLine)),
    section(
      lines(revisionsLine(status), blockersLine(status), status.rcs, status.signoffs, status.dependencies),
    ),
    ...(phase ? [section(phaseLine(phase))] : []),
    divider(),
    fields([
      md`*Release Manager*\n${listOrNone(team.releaseManagers.map(mention))}`,
      md`*Docs Lead*\n${docsLead}`,
      md`*Product Manager*\n${listOrNone(team.productManagers.map(mention))}`,
      md`*WG liaisons*\n${team.liaisonsCovering} of ${team.workingGroups} working groups covered`,
    ]),
    ...(live
      ? [
          actions('status_actions', [
            button({ actionId: OPEN_SUBMIT_FORM, text: 'Submit revisions', value: status.version }),
            button({ actionId: OPEN_BLOCKER_FORM, text: 'Report blocking issues', value: status.version }),
          ]),
        ]
      : []),
    context(
      md`Plan ${plan} · template ${code(status.template)} · ${code(`/kfrelease timeline ${status.version}`)} for every date`,
    ),
  ]);
}

import { DateTime } from 'luxon';
import type { AppHome, HomeDuty } from '../../workflows/app-home';
import type { ReleaseStatus } from '../../workflows/release-status';
import { context, divider, escapeMrkdwn, header, section, type Block } from './block-kit';
import { OPEN_BLOCKER_FORM } from './blocker-blocks';
import { docsItemLine } from './docs-blocks';
import { formatCountdown, formatDate } from './format';

/** A moment Slack shows in each reader's own time zone, with a UTC fallback. */
function formatMoment(iso: string): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  const fallback = at.toFormat("ccc d LLL yyyy, HH:mm 'UTC'");
  return `<!date^${Math.floor(at.toSeconds())}^{date_short_pretty} at {time}|${fallback}>`;
}
import { OPEN_SUBMIT_FORM } from './status-blocks';

/** The Home tab's button that opens the docs item form. */
export const OPEN_DOCS_FORM = 'open_docs_add';

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

function glance(status: ReleaseStatus, trackingIssueUrl: string | null): string {
  const phases =
    status.outside === 'before'
      ? `Not started yet: week 1 starts ${formatDate(status.phases[0]?.startsOn ?? status.today)}`
      : status.outside === 'after'
        ? 'The cycle is over'
        : status.phases.map((p) => `*${p.name}*`).join(' and ');
  const week =
    status.week >= 1
      ? `week ${status.week} of ${status.releaseWeek}`
      : `${1 - status.week} week(s) before week 1`;
  const next = status.nextMilestone;
  const lines = [
    `${phases} · ${week}`,
    next
      ? `*Next deadline:* ${next.name}${next.artifact ? ` (\`${next.artifact}\`)` : ''}, ${formatDate(next.dueOn)}, *${formatCountdown(next.daysLeft)}*`
      : '*Next deadline:* none left.',
    status.release
      ? `*Release day:* ${formatDate(status.release.dueOn)}, ${formatCountdown(status.release.daysLeft)}`
      : '',
    trackingIssueUrl ? `*Tracking issue:* <${trackingIssueUrl}|on GitHub>` : '',
  ];
  return lines.filter(Boolean).join('\n');
}

function duty(d: HomeDuty): string {
  switch (d.kind) {
    case 'revision': {
      const missing =
        d.missing.length > 0 ? `no accepted revision yet for ${d.missing.map(escapeMrkdwn).join(', ')}` : '';
      const waiting = d.waiting > 0 ? `${d.waiting} revision(s) waiting for validation or a decision` : '';
      return `:package: *${escapeMrkdwn(d.wg)}*: ${[missing, waiting].filter(Boolean).join('; ')}.`;
    }
    case 'decisions':
      return `:raised_hand: *${d.held} revision(s)* held for your decision (see the release channel).`;
    case 'blockers': {
      const blocking = d.releaseBlocking > 0 ? `, *${d.releaseBlocking} release-blocking*` : '';
      return `:construction: *${escapeMrkdwn(d.wg)}*: ${d.open} open blocking issue(s)${blocking} · \`/kfrelease blockers ${escapeMrkdwn(d.wg)}\``;
    }
    case 'release_blocking':
      return `:rotating_light: *${d.count} release-blocking issue(s)* open · \`/kfrelease blockers\``;
    case 'notes':
      return `:pencil: You take the notes at the next release team meeting, ${formatMoment(d.meetingAt)}.`;
    case 'docs': {
      const list = d.items.slice(0, 10).map((item) => `    ${docsItemLine(item)}`);
      const more = d.items.length > 10 ? [`    _and ${d.items.length - 10} more: \`/kfrelease docs\`_`] : [];
      if (d.items.length === 0) return `:books: *${escapeMrkdwn(d.label)}*: nothing open.`;
      return [`:books: *${escapeMrkdwn(d.label)}* (${d.items.length}):`, ...list, ...more].join('\n');
    }
    case 'distribution': {
      const when = d.testing
        ? ` during Distribution testing, ${formatDate(d.testing.startsOn)} to ${formatDate(d.testing.endsOn)}`
        : '';
      const signoff = d.signoff
        ? d.signoff.standing === 'thumbs_up'
          ? ` Your thumbs-up on \`${d.signoff.rcTag}\` is recorded. :+1:`
          : d.signoff.standing === 'blocked'
            ? ` You reported \`${d.signoff.rcTag}\` blocked; sign off again once it is fixed.`
            : ` Your sign-off on \`${d.signoff.rcTag}\` is still missing: \`/kfrelease signoff\`.`
        : ' No RC to sign off yet.';
      return `:test_tube: *${escapeMrkdwn(d.distribution)}*: test the latest RC${when} and report what breaks.${signoff}`;
    }
    case 'announcement':
      return `:mega: *Release announcement*: the draft is ready any time with \`/kfrelease announcement\`${d.releaseDate ? `; on release day (${formatDate(d.releaseDate)}) it comes to you by direct message` : ''}.`;
  }
}

/** The Home tab: the current release at a glance, the person's roles and what they owe. */
export function appHomeView(home: AppHome): HomeView {
  const r = home.release;
  if (!r) {
    return {
      type: 'home',
      blocks: [
        header('kfrelease'),
        section('There is no release yet. An admin creates one with `/kfrelease release create`.'),
      ],
    };
  }
  const roles = [...r.roles, ...(r.admin ? ['kfrelease admin'] : [])];
  const buttons = [
    r.canSubmitRevisions ? { text: 'Submit revisions', action_id: OPEN_SUBMIT_FORM } : null,
    r.canReportBlockers ? { text: 'Report blocking issues', action_id: OPEN_BLOCKER_FORM } : null,
    r.canAddDocs ? { text: 'Add docs item', action_id: OPEN_DOCS_FORM } : null,
  ].flatMap((b) =>
    b ? [{ type: 'button', action_id: b.action_id, text: { type: 'plain_text', text: b.text } }] : [],
  );
  const blocks: Block[] = [
    header(`Kubeflow ${r.status.version}`),
    section(glance(r.status, r.trackingIssueUrl)),
    context(`Today is ${formatDate(r.status.today)} (${r.status.timeZone})`),
    divider(),
    section(
      `*Your roles:* ${roles.length > 0 ? roles.map(escapeMrkdwn).join(' · ') : '_none in this release_'}`,
    ),
    section(
      r.duties.length > 0
        ? `*What you owe*\n${r.duties.map(duty).join('\n')}`
        : '*What you owe*\nNothing right now. :relaxed:',
    ),
  ];
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: 'home_actions', elements: buttons });
  blocks.push(context('`/kfrelease status` · `/kfrelease versions` · `/kfrelease docs` · `/kfrelease help`'));
  return { type: 'home', blocks };
}

/** The Home tab when it could not be built: the reason, or an apology with the error id. */
export function appHomeErrorView(message: string): HomeView {
  return { type: 'home', blocks: [header('kfrelease'), section(`:warning: ${escapeMrkdwn(message)}`)] };
}

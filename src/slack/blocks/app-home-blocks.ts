import { weekLabel } from '../../domain/timeline';
import { DateTime } from 'luxon';
import { fitLines } from '../../text/clip';
import { bold, code, join, lines, link, listOr, md, slackDate, type Mrkdwn } from '../../text/mrkdwn';
import { HOME_DOCS_ITEMS, type AppHome, type HomeDuty, type HomeRelease } from '../../workflows/app-home';
import type { ReleaseStatus } from '../../workflows/release-status';
import {
  actions,
  button,
  context,
  divider,
  header,
  LIMITS,
  section,
  type Block,
  type HomeView,
} from './block-kit';
import { OPEN_BLOCKER_FORM } from './blocker-blocks';
import { docsItemLine } from './docs-blocks';
import { featureLine } from './feature-blocks';
import type { Feature } from '../../domain/features';
import { formatCountdown, formatDate } from './format';
import { OPEN_SUBMIT_FORM, releaseDayLine } from './status-blocks';

export type { HomeView };

/** The Home tab's button that opens the docs item form. */
export const OPEN_DOCS_FORM = 'open_docs_add';

/** The Home tab's button that opens the feature form. */
export const OPEN_FEATURE_FORM = 'open_feature_add';

/** A moment Slack shows in each reader's own time zone, with a UTC fallback. */
function formatMoment(iso: string): Mrkdwn {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  const fallback = at.toFormat("ccc d LLL yyyy, HH:mm 'UTC'");
  return slackDate(at.toSeconds(), '{date_short_pretty} at {time}', fallback);
}

function glance(status: ReleaseStatus, trackingIssueUrl: string | null): Mrkdwn {
  const phases =
    status.outside === 'before'
      ? md`Not started yet: week 1 starts ${formatDate(status.week1StartsOn)}`
      : status.outside === 'after'
        ? md`The cycle is over`
        : join(
            status.phases.map((p) => bold(p.name)),
            ' and ',
          );
  const week = weekLabel(status.week, status.releaseWeek);
  const next = status.nextMilestone;
  return lines(
    md`${phases} · ${week}`,
    next
      ? md`*Next deadline:* ${next.name}${next.artifact ? md` (${code(next.artifact)})` : md``}, ${formatDate(next.dueOn)}, *${formatCountdown(next.daysLeft)}*`
      : md`*Next deadline:* none left.`,
    status.release ? releaseDayLine(status.release) : null,
    trackingIssueUrl ? md`*Tracking issue:* ${link(trackingIssueUrl, 'on GitHub')}` : null,
  );
}

/** Up to ten open docs items, as many as fit in a section, and how many more there are. */
function docsDuty(d: Extract<HomeDuty, { kind: 'docs' }>): Mrkdwn {
  const head = md`:books: ${bold(d.label)} (${d.total}):`;
  const shown = d.items.slice(0, HOME_DOCS_ITEMS).map((item) => md`    ${docsItemLine(item)}`);
  const extra = d.total - shown.length;
  const more = (hidden: number) => md`    _and ${hidden} more: ${code('/kfrelease docs')}_`;
  const list = lines(...shown);
  // Room for the items once the head and the line counting the items past ten are in.
  const room = LIMITS.sectionText - head.length - 1 - (extra > 0 ? more(extra).length + 1 : 0);
  const body =
    list.length <= room
      ? lines(list, extra > 0 ? more(extra) : null)
      : fitLines(shown, room, (hidden) => more(hidden + extra));
  return lines(head, body);
}

/** The highlight candidates and where each stands, for the product manager. */
function highlightsDuty(items: Feature[]): Mrkdwn {
  const head = md`:star: *Highlight candidates* (${items.length}):`;
  if (items.length === 0)
    return md`${head} none proposed yet; liaisons tick "highlight" in ${code('/kfrelease feature add')}.`;
  const shown = items.map((f) => md`    ${featureLine(f)}`);
  return lines(
    head,
    fitLines(
      shown,
      LIMITS.sectionText - head.length - 1,
      (hidden) => md`    _and ${hidden} more: ${code('/kfrelease features')}_`,
    ),
  );
}

function duty(d: HomeDuty): Mrkdwn {
  switch (d.kind) {
    case 'revision': {
      const missing = d.missing.length > 0 ? md`no accepted revision yet for ${join(d.missing, ', ')}` : null;
      const waiting =
        d.waiting > 0 ? md`${d.waiting} revision(s) waiting for validation or a decision` : null;
      const skipped =
        d.notShipping.length > 0 ? md`not shipping this cycle: ${join(d.notShipping, ', ')}` : null;
      return md`:package: ${bold(d.wg)}: ${join([missing, waiting, skipped], '; ')}.`;
    }
    case 'decisions':
      return md`:raised_hand: *${d.held} revision(s)* held for your decision (see the release channel).`;
    case 'blockers': {
      const blocking = d.releaseBlocking > 0 ? md`, *${d.releaseBlocking} release-blocking*` : md``;
      return md`:construction: ${bold(d.wg)}: ${d.open} open blocking issue(s)${blocking} · ${code(`/kfrelease blockers ${d.wg}`)}`;
    }
    case 'release_blocking':
      return md`:rotating_light: *${d.count} release-blocking issue(s)* open · \`/kfrelease blockers\``;
    case 'notes':
      return md`:pencil: You take the notes at the next release team meeting, ${formatMoment(d.meetingAt)}.`;
    case 'docs':
      if (d.total === 0) return md`:books: ${bold(d.label)}: nothing open.`;
      return docsDuty(d);
    case 'distribution': {
      const when = d.testing
        ? md` during Distribution testing, ${formatDate(d.testing.startsOn)} to ${formatDate(d.testing.endsOn)}`
        : md``;
      const signoff = d.signoff
        ? d.signoff.standing === 'thumbs_up'
          ? md` Your thumbs-up on ${code(d.signoff.rcTag)} is recorded. :+1:`
          : d.signoff.standing === 'blocked'
            ? md` You reported ${code(d.signoff.rcTag)} blocked; sign off again once it is fixed.`
            : md` Your sign-off on ${code(d.signoff.rcTag)} is still missing: \`/kfrelease signoff\`.`
        : md` No RC to sign off yet.`;
      return md`:test_tube: ${bold(d.distribution)}: test the latest RC${when} and report what breaks.${signoff}`;
    }
    case 'highlights':
      return highlightsDuty(d.items);
    case 'announcement':
      return md`:mega: *Release announcement*: the draft is ready any time with \`/kfrelease announcement\`${d.releaseDate ? md`; on release day (${formatDate(d.releaseDate)}) it comes to you by direct message` : md``}.`;
  }
}

/** What the person owes: one section while it fits, else a section per duty, so none is cut. */
function dutyBlocks(duties: HomeDuty[]): Block[] {
  const title = md`*What you owe*`;
  if (duties.length === 0) return [section(md`${title}\nNothing right now. :relaxed:`)];
  const all = lines(title, ...duties.map(duty));
  if (all.length <= LIMITS.sectionText) return [section(all)];
  return [section(title), ...duties.map((d) => section(duty(d)))];
}

/** One release on the Home tab: at a glance, the person's roles, what they owe, the forms. */
function releaseBlocks(r: HomeRelease): Block[] {
  const roles = [...r.roles, ...(r.admin ? ['kfrelease admin'] : [])];
  const version = r.status.version;
  const buttons = [
    r.canSubmitRevisions
      ? button({ actionId: OPEN_SUBMIT_FORM, text: 'Submit revisions', value: version })
      : null,
    r.canReportBlockers
      ? button({ actionId: OPEN_BLOCKER_FORM, text: 'Report blocking issues', value: version })
      : null,
    r.canAddDocs ? button({ actionId: OPEN_DOCS_FORM, text: 'Add docs item', value: version }) : null,
    r.canAddFeatures
      ? button({ actionId: OPEN_FEATURE_FORM, text: 'Track a feature', value: version })
      : null,
  ].flatMap((b) => (b ? [b] : []));
  return [
    header(`Kubeflow ${version}`),
    section(glance(r.status, r.trackingIssueUrl)),
    context(md`Today is ${formatDate(r.status.today)} (${r.status.timeZone})`),
    section(md`*Your roles:* ${listOr(roles, md`_none in this release_`, ' · ')}`),
    ...dutyBlocks(r.duties),
    ...(buttons.length > 0 ? [actions(`home_actions:${version}`, buttons)] : []),
    divider(),
  ];
}

/**
 * The Home tab: each live release the person has a role in (several can be live: one in Post
 * Release, the next in Preparation), at a glance, with their roles and what they owe.
 */
export function appHomeView(home: AppHome): HomeView {
  if (home.releases.length === 0) {
    const ended = home.lastEnded;
    return {
      type: 'home',
      blocks: [
        header('kfrelease'),
        section(
          ended
            ? md`No release is live: ${ended.version} was the last, and it is ${ended.status}. An admin creates the next with \`/kfrelease release create\`.`
            : md`There is no release yet. An admin creates one with \`/kfrelease release create\`.`,
        ),
      ],
    };
  }
  const blocks: Block[] = [
    ...home.releases.flatMap(releaseBlocks),
    context(md`\`/kfrelease status\` · \`/kfrelease versions\` · \`/kfrelease docs\` · \`/kfrelease help\``),
  ];
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}

/** The Home tab when it could not be built: the reason, or an apology with the error id. */
export function appHomeErrorView(message: Mrkdwn): HomeView {
  return { type: 'home', blocks: [header('kfrelease'), section(md`:warning: ${message}`)] };
}

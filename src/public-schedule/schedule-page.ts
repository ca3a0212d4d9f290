import { DateTime } from 'luxon';
import { isSkipped } from '../domain/timeline';
import { escapeHtml as esc } from './escape-html';
import { ganttChart } from './gantt-chart';
import { pageLayout } from './page-layout';
import type { PublicReleaseSummary, PublicSchedule } from './public-schedule';

const date = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toFormat('ccc d LLL yyyy');
const range = (from: string, to: string) => (from === to ? date(from) : `${date(from)} – ${date(to)}`);
const slip = (days: number) =>
  days === 0 ? '' : `<span class="slip">${days > 0 ? `${days} days later` : `${-days} days earlier`}</span>`;

function link(href: string, text: string): string {
  return `<a href="${esc(href)}">${esc(text)}</a>`;
}

function table(headings: string[], rows: string[][]): string {
  const head = headings.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="card"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function phasesTable(schedule: PublicSchedule): string {
  return table(
    ['Phase', 'Dates', 'First planned', ''],
    schedule.phases.map((p) => [
      `${esc(p.name)}${schedule.currentPhases.includes(p.key) ? ' <span class="badge now">now</span>' : ''}`,
      esc(
        isSkipped(p.current)
          ? `skipped on ${date(p.current.startsOn)}`
          : range(p.current.startsOn, p.current.endsOn),
      ),
      p.slipDays === 0 && p.planned.startsOn === p.current.startsOn
        ? '<span class="muted">as planned</span>'
        : esc(range(p.planned.startsOn, p.planned.endsOn)),
      slip(p.slipDays),
    ]),
  );
}

function milestonesTable(schedule: PublicSchedule): string {
  return table(
    ['Date', 'Milestone', 'Produces', 'Owner', ''],
    schedule.milestones.map((m) => [
      `<span class="num">${esc(date(m.dueOn))}</span>`,
      `${m.doneOn ? '<span class="badge">done</span> ' : ''}${esc(m.name)}${m.optional ? ' <span class="muted">(optional)</span>' : ''}`,
      m.artifact ? `<code>${esc(m.artifact)}</code>` : '',
      esc(m.owner),
      m.slipDays === 0
        ? ''
        : `${slip(m.slipDays)}<br><span class="muted">first planned ${esc(date(m.plannedOn))}</span>`,
    ]),
  );
}

function componentsTable(schedule: PublicSchedule): string {
  if (schedule.components.length === 0) return '<p class="muted">No components are configured.</p>';
  return table(
    ['Working group', 'Component', 'Repository', 'Revision', 'Commit'],
    schedule.components.map((c) => [
      esc(c.workingGroup),
      esc(c.component),
      link(`https://github.com/${c.repository}`, c.repository),
      c.revision
        ? `<code>${esc(c.revision)}</code>${c.version && c.version !== c.revision ? ` <span class="muted">(${esc(c.version)})</span>` : ''}`
        : '<span class="muted">not handed over yet</span>',
      c.commit ? `<code>${esc(c.commit.slice(0, 12))}</code>` : '',
    ]),
  );
}

function featuresSection(schedule: PublicSchedule): string {
  if (!schedule.features) return '';
  const list =
    schedule.features.length === 0
      ? '<p class="muted">No feature has landed yet.</p>'
      : table(
          ['Working group', 'Feature'],
          schedule.features.map((f) => [esc(f.workingGroup), link(f.url, f.title)]),
        );
  return `<h2>Features landed</h2>\n<p class="muted">Features the working groups tracked for this release whose pull request has merged.</p>\n${list}`;
}

const STATES: Record<string, string> = {
  found: 'found',
  upcoming: 'not due yet',
  due: '<span class="slip">due today</span>',
  missing: '<span class="slip">late</span>',
  skipped: '<span class="muted">not needed</span>',
};

function rcTagsTable(schedule: PublicSchedule): string {
  if (schedule.rcTags.length === 0) return '<p class="muted">This release plans no branch or tags.</p>';
  return table(
    ['Due', 'Branch or tag', 'State', 'Found'],
    schedule.rcTags.map((a) => [
      a.dueOn ? `<span class="num">${esc(date(a.dueOn))}</span>` : '<span class="muted">not planned</span>',
      `${a.expected ? `<code>${esc(a.expected)}</code>` : esc(a.name)}${a.optional ? ' <span class="muted">(optional)</span>' : ''}`,
      `${STATES[a.state] ?? esc(a.state)}${a.state === 'missing' && a.daysLate > 0 ? ` <span class="slip">(${a.daysLate} days)</span>` : ''}`,
      a.found
        ? `<code>${esc(a.found.name)}</code> at <code>${esc(a.found.commit.slice(0, 12))}</code>${a.found.committedAt ? ` <span class="muted">${esc(date(a.found.committedAt.slice(0, 10)))}</span>` : ''}`
        : '',
    ]),
  );
}

function meetingsSection(schedule: PublicSchedule): string {
  const m = schedule.meetings;
  if (!m) return '<p class="muted">No weekly meeting has been set up yet.</p>';
  const upcoming = m.occurrences.filter((o) => o.date >= schedule.today).slice(0, 4);
  return `<p>Every ${esc(m.weekday)} at ${esc(m.time)} (${esc(m.zone)}), ${m.occurrences.length} meetings in the cycle; they are in the calendar feed too.${upcoming.length > 0 ? ` Next: ${upcoming.map((o) => esc(date(o.date))).join(', ')}.` : ''}</p>`;
}

/** The public page of one release: its timeline as a chart and tables, and what ships in it. */
export function schedulePage(schedule: PublicSchedule): string {
  const v = schedule.version;
  const plan = schedule.plan.replannedOn
    ? `re-planned on ${date(schedule.plan.replannedOn)} (plan ${schedule.plan.revision}); dashed outlines show the first plan`
    : 'as first planned';
  const phaseNames = schedule.phases.filter((p) => schedule.currentPhases.includes(p.key)).map((p) => p.name);
  const now =
    phaseNames.length > 0
      ? `${schedule.week >= 1 ? `week ${schedule.week}, ` : ''}${phaseNames.join(' and ')}`
      : 'outside the release cycle';
  const body = `
<h1>Kubeflow ${esc(v)} <span class="badge">${esc(schedule.status)}</span></h1>
<p class="lead">${esc(schedule.template.name)} · dates in ${esc(schedule.timeZone)} · ${esc(plan)}</p>
<p>Today is ${esc(date(schedule.today))}: ${esc(now)}.</p>
<p class="links">${link(`/schedule/${v}.ics`, 'Subscribe in your calendar (iCal)')}${link(`/api/releases/${v}.json`, 'JSON for tools')}${link('/schedule', 'All releases')}</p>
<h2>Timeline</h2>
<div class="card">${ganttChart(schedule)}</div>
<h2>Milestones</h2>
${milestonesTable(schedule)}
<h2>Phases</h2>
${phasesTable(schedule)}
<h2>Release branch and RC tags</h2>
${rcTagsTable(schedule)}
<h2>Release team meetings</h2>
${meetingsSection(schedule)}
<h2>Component versions</h2>
<p class="muted">The revision each working group handed over for this release.</p>
${componentsTable(schedule)}
${featuresSection(schedule)}
`;
  return pageLayout({ title: `Kubeflow ${v} release schedule`, body });
}

/** `/schedule`: every release, newest first, with where it stands today. */
export function releaseListPage(releases: PublicReleaseSummary[]): string {
  const rows = [...releases]
    .reverse()
    .map((r) => [
      link(`/schedule/${r.version}`, `Kubeflow ${r.version}`),
      `<span class="badge">${esc(r.status)}</span>`,
      esc(range(r.cycle.startsOn, r.cycle.endsOn)),
      r.releaseOn
        ? esc(`${r.shippedOn ? 'shipped ' : ''}${r.releaseOn}`)
        : '<span class="muted">not planned</span>',
      esc(r.currentPhaseNames.join(', ')) || '<span class="muted">not in a phase today</span>',
    ]);
  const body = `
<h1>Kubeflow releases</h1>
<p class="lead">The schedule of every release kfrelease runs. Open a release for its timeline, milestones and component versions, or subscribe to its calendar.</p>
${rows.length > 0 ? table(['Release', 'Status', 'Cycle', 'Release day', 'Today'], rows) : '<p>No release has been planned yet.</p>'}
`;
  return pageLayout({ title: 'Kubeflow release schedule', body });
}

/** A release that does not exist. */
export function notFoundPage(version: string): string {
  return pageLayout({
    title: 'No such release',
    body: `<h1>No release ${esc(version)}</h1><p>There is no Kubeflow release ${esc(version)} here. ${link('/schedule', 'See every release')}.</p>`,
  });
}

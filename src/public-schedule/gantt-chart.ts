import { DateTime } from 'luxon';
import { isSkipped } from '../domain/timeline';
import { escapeHtml as esc } from './escape-html';
import type { PublicSchedule } from './public-schedule';

const WIDTH = 1000;
const LABEL_WIDTH = 250;
const AXIS_HEIGHT = 44;
const ROW_HEIGHT = 26;
const LEGEND_HEIGHT = 34;
const PALETTE = ['#8e9aaf', '#4c78a8', '#e45756', '#f58518', '#72b7b2', '#54a24b', '#b279a2', '#9d755d'];

type ChartInput = Pick<PublicSchedule, 'phases' | 'milestones' | 'today' | 'startDate' | 'version'>;

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const short = (iso: string) => day(iso).toFormat('d LLL');
const long = (iso: string) => day(iso).toFormat('ccc d LLL yyyy');
const span = (from: string, to: string) =>
  isSkipped({ startsOn: from, endsOn: to })
    ? `skipped on ${long(from)}`
    : from === to
      ? long(from)
      : `${long(from)} to ${long(to)}`;
const px = (n: number) => Math.round(n * 10) / 10;
const slip = (days: number) => (days === 0 ? '' : days > 0 ? `+${days} d` : `${days} d`);

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The release timeline as a Gantt chart in SVG: one row per phase, then one per milestone, on a
 * calendar of weeks. Bars and diamonds show the current plan; where it was re-planned, the first
 * plan shows as a dashed outline. A red line marks today when it falls inside the chart.
 */
export function ganttChart(input: ChartInput): string {
  const dates = [
    ...input.phases.flatMap((p) => [
      p.planned.startsOn,
      p.planned.endsOn,
      p.current.startsOn,
      p.current.endsOn,
    ]),
    ...input.milestones.flatMap((m) => [m.plannedOn, m.dueOn]),
  ].sort();
  // Cycle weeks start on the weekday of week 1 (a Monday in the handbook, any day in general).
  const start = day(input.startDate);
  const weekOf = (iso: string) => Math.floor(day(iso).diff(start, 'days').days / 7);
  const first = start.plus({ weeks: weekOf(dates[0] ?? input.startDate) });
  const last = start.plus({ weeks: weekOf(dates.at(-1) ?? input.startDate) + 1 });
  const totalDays = Math.max(1, Math.round(last.diff(first, 'days').days));
  const dayWidth = (WIDTH - LABEL_WIDTH - 10) / totalDays;
  const x = (iso: string) => px(LABEL_WIDTH + day(iso).diff(first, 'days').days * dayWidth);
  const rows = input.phases.length + input.milestones.length;
  const height = AXIS_HEIGHT + rows * ROW_HEIGHT + LEGEND_HEIGHT;
  const parts: string[] = [];

  // Week grid: a line where each cycle week starts, its number, and the month where it changes.
  let previousMonth = '';
  for (let weekStart = first; weekStart < last; weekStart = weekStart.plus({ weeks: 1 })) {
    const at = x(weekStart.toISODate() ?? '');
    const week = weekOf(weekStart.toISODate() ?? '') + 1;
    parts.push(
      `<line class="grid" x1="${at}" y1="${AXIS_HEIGHT - 14}" x2="${at}" y2="${height - LEGEND_HEIGHT}"/>`,
    );
    parts.push(
      `<text class="week" x="${at + 2}" y="${AXIS_HEIGHT - 4}">${week >= 1 ? `W${week}` : ''}</text>`,
    );
    const month = weekStart.toFormat('LLL yyyy');
    if (month !== previousMonth) parts.push(`<text class="month" x="${at + 2}" y="14">${esc(month)}</text>`);
    previousMonth = month;
  }

  input.phases.forEach((phase, index) => {
    const top = AXIS_HEIGHT + index * ROW_HEIGHT;
    const color = PALETTE[index % PALETTE.length] ?? '#888';
    const from = x(phase.current.startsOn);
    const width = px(x(phase.current.endsOn) + dayWidth - from);
    const moved =
      phase.planned.startsOn !== phase.current.startsOn || phase.planned.endsOn !== phase.current.endsOn;
    const tip = `${phase.name}: ${span(phase.current.startsOn, phase.current.endsOn)}${moved ? ` (first planned ${span(phase.planned.startsOn, phase.planned.endsOn)})` : ''}`;
    parts.push(`<text class="label" x="8" y="${top + 17}">${esc(clip(phase.name, 36))}</text>`);
    parts.push(
      `<g class="phase" data-phase="${esc(phase.key)}"><title>${esc(tip)}</title>` +
        `<rect class="bar" x="${from}" y="${top + 5}" width="${width}" height="15" rx="3" fill="${color}"/></g>`,
    );
    if (moved) {
      const plannedFrom = x(phase.planned.startsOn);
      const plannedWidth = px(x(phase.planned.endsOn) + dayWidth - plannedFrom);
      parts.push(
        `<rect class="planned" data-phase="${esc(phase.key)}" x="${plannedFrom}" y="${top + 3}" width="${plannedWidth}" height="19" rx="3"><title>First plan: ${esc(span(phase.planned.startsOn, phase.planned.endsOn))}</title></rect>`,
      );
      parts.push(`<text class="slip" x="${from + width + 4}" y="${top + 17}">${slip(phase.slipDays)}</text>`);
    }
  });

  input.milestones.forEach((milestone, index) => {
    const top = AXIS_HEIGHT + (input.phases.length + index) * ROW_HEIGHT;
    const mid = top + ROW_HEIGHT / 2;
    const at = px(x(milestone.dueOn) + dayWidth / 2);
    const label = `${milestone.name}${milestone.optional ? ' (optional)' : ''}`;
    const tip = `${label}: ${long(milestone.dueOn)}${milestone.artifact ? `, ${milestone.artifact}` : ''}${milestone.slipDays ? ` (first planned ${long(milestone.plannedOn)})` : ''}`;
    parts.push(`<text class="label" x="8" y="${top + 17}">${esc(clip(milestone.name, 36))}</text>`);
    if (milestone.plannedOn !== milestone.dueOn) {
      const plannedAt = px(x(milestone.plannedOn) + dayWidth / 2);
      parts.push(`<line class="moved" x1="${plannedAt}" y1="${mid}" x2="${at}" y2="${mid}"/>`);
      parts.push(
        `<path class="planned" d="${diamond(plannedAt, mid, 6)}"><title>First plan: ${esc(long(milestone.plannedOn))}</title></path>`,
      );
    }
    parts.push(
      `<g class="milestone${milestone.optional ? ' optional' : ''}" data-milestone="${esc(milestone.key)}"><title>${esc(tip)}</title><path d="${diamond(at, mid, 7)}"/></g>`,
    );
    parts.push(
      `<text class="date" x="${at + 10}" y="${top + 17}">${esc(short(milestone.dueOn))} ${slip(milestone.slipDays)}</text>`,
    );
  });

  const todayAt = px(x(input.today) + dayWidth / 2);
  if (input.today >= (first.toISODate() ?? '') && input.today <= (last.toISODate() ?? '')) {
    parts.push(
      `<g class="today"><line x1="${todayAt}" y1="${AXIS_HEIGHT - 14}" x2="${todayAt}" y2="${height - LEGEND_HEIGHT}"/><text x="${todayAt + 3}" y="${AXIS_HEIGHT - 16}">today</text></g>`,
    );
  }
  parts.push(legend(height - LEGEND_HEIGHT + 12));

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="gantt" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="gantt-title">`,
    `<title id="gantt-title">Timeline of Kubeflow ${esc(input.version)}: ${input.phases.length} phases and ${input.milestones.length} milestones</title>`,
    `<style>${STYLE}</style>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

function diamond(cx: number, cy: number, r: number): string {
  return `M${cx} ${cy - r}L${cx + r} ${cy}L${cx} ${cy + r}L${cx - r} ${cy}Z`;
}

function legend(y: number): string {
  const items = [
    `<rect x="${LABEL_WIDTH}" y="${y - 9}" width="26" height="11" rx="2" fill="#4c78a8"/><text x="${LABEL_WIDTH + 32}" y="${y}">current plan</text>`,
    `<rect class="planned" x="${LABEL_WIDTH + 130}" y="${y - 10}" width="26" height="13" rx="2"/><text x="${LABEL_WIDTH + 162}" y="${y}">first plan, where it moved</text>`,
    `<path class="ms" d="${diamond(LABEL_WIDTH + 345, y - 4, 6)}"/><text x="${LABEL_WIDTH + 357}" y="${y}">milestone</text>`,
    `<line class="today-key" x1="${LABEL_WIDTH + 450}" y1="${y - 11}" x2="${LABEL_WIDTH + 450}" y2="${y + 3}"/><text x="${LABEL_WIDTH + 456}" y="${y}">today</text>`,
  ];
  return `<g class="legend">${items.join('')}</g>`;
}

const STYLE = [
  'text{font:11px system-ui,sans-serif;fill:#1d1c1d}',
  '.label{font-size:12px}.month{font-weight:600}.week,.date,.slip,.legend text{fill:#616061}',
  '.slip{fill:#b3261e}.grid{stroke:#e8e8e8}',
  '.planned{fill:none;stroke:#616061;stroke-width:1.2;stroke-dasharray:4 3}',
  '.moved{stroke:#616061;stroke-dasharray:2 2}',
  '.milestone path,.ms{fill:#1d1c1d}.milestone.optional path{fill:#fff;stroke:#1d1c1d;stroke-width:1.5}',
  '.today line,.today-key{stroke:#d32f2f;stroke-width:2}.today text{fill:#d32f2f;font-weight:600}',
].join('');

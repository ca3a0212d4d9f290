import { ganttChart } from '../../src/public-schedule/gantt-chart';

/** A two-phase cycle whose week 1 starts on `startDate`. */
function chart(startDate: string, developmentFrom: string, developmentTo: string): string {
  const dates = { startsOn: developmentFrom, endsOn: developmentTo };
  return ganttChart({
    version: 'v1.8.0',
    startDate,
    today: developmentFrom,
    phases: [{ key: 'development', name: 'Development', planned: dates, current: dates, slipDays: 0 }],
    milestones: [],
  });
}

/** The week labels and the x of each grid line, in order. */
function grid(svg: string): { weeks: string[]; lines: number[] } {
  const weeks = [...svg.matchAll(/<text class="week"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
  const lines = [...svg.matchAll(/<line class="grid" x1="([\d.]+)"/g)].map((m) => Number(m[1]));
  return { weeks, lines };
}

describe('the Gantt chart of the public schedule', () => {
  it('starts each grid week on the weekday week 1 starts on (Kubeflow 1.8 began on a Wednesday)', () => {
    const svg = chart('2023-05-03', '2023-05-03', '2023-05-23');
    const { weeks, lines } = grid(svg);
    expect(weeks).toEqual(['W1', 'W2', 'W3']);
    // The bar starts on week 1's first day, which is the first grid line.
    const barX = Number(/<rect class="bar" x="([\d.]+)"/.exec(svg)?.[1]);
    expect(lines[0]).toBe(barX);
  });

  it('numbers a Monday start as before: W1 on the start date', () => {
    const { weeks } = grid(chart('2026-03-02', '2026-03-02', '2026-03-15'));
    expect(weeks).toEqual(['W1', 'W2']);
  });
});

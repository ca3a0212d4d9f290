import type { Browser, Page } from 'playwright-core';
import { launchChromium, startTestSandbox } from './chromium';
import { parseIcal, property } from './rfc5545';

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

jest.setTimeout(60_000);

const PHASES = [
  'Preparation',
  'Development',
  'Feature Freeze',
  'Manifests testing',
  'Documentation',
  'Distribution testing',
  'Release Day',
  'Post Release',
];

describe('public schedule in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [sandbox, browser] = await Promise.all([startTestSandbox(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.cleanUp();
  });

  it('goes from the list of releases to a Gantt chart with every phase, in order, and today inside Development', async () => {
    await page.goto(`${sandbox.url}/schedule`);
    await page.locator('a', { hasText: 'Kubeflow v1.11.0' }).click();
    await page.waitForURL(/\/schedule\/v1\.11\.0$/);
    const chart = page.locator('svg.gantt');
    await chart.waitFor();
    expect(await chart.locator('text.label').allTextContents()).toEqual(expect.arrayContaining(PHASES));

    const bars = await chart.locator('g.phase rect.bar').evaluateAll((rects) =>
      rects.map((rect) => {
        const box = rect.getBoundingClientRect();
        return {
          phase: rect.parentElement?.dataset.phase,
          left: box.left,
          right: box.right,
          width: box.width,
        };
      }),
    );
    expect(bars.map((bar) => bar.phase)).toEqual([
      'preparation',
      'development',
      'feature_freeze',
      'manifests_testing',
      'documentation',
      'distribution_testing',
      'release_day',
      'post_release',
    ]);
    for (const bar of bars) expect(bar.width).toBeGreaterThan(5);
    const [preparation, development, freeze] = bars;
    expect(preparation?.right).toBeLessThanOrEqual((development?.left ?? 0) + 1);
    expect(development?.right).toBeLessThanOrEqual((freeze?.left ?? 0) + 1);

    const today = await chart.locator('g.today line').boundingBox();
    expect(today?.x).toBeGreaterThan(development?.left ?? Infinity);
    expect(today?.x).toBeLessThan(development?.right ?? -Infinity);
    expect(await chart.locator('g.milestone').count()).toBe(6);
  });

  it('links to a calendar feed that parses as RFC 5545', async () => {
    await page.goto(`${sandbox.url}/schedule/v1.11.0`);
    const href = await page.locator('a', { hasText: 'Subscribe in your calendar' }).getAttribute('href');
    expect(href).toBe('/schedule/v1.11.0.ics');
    const response = await page.request.get(`${sandbox.url}${href}`);
    expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const { calendar, problems } = parseIcal(await response.text());
    expect(problems).toEqual([]);
    const events = calendar?.components.filter((c) => c.name === 'VEVENT') ?? [];
    expect(events.filter((e) => property(e, 'DTSTART')?.params.VALUE === 'DATE')).toHaveLength(6);
    expect(
      events.some((e) => property(e, 'SUMMARY')?.value === 'Kubeflow v1.11.0 release team meeting'),
    ).toBe(true);
  });
});

import { send, sendHtml, sendJson } from '../http/http-responses';
import type { HttpRoute } from '../http/http-router';
import type * as IcalFeed from './ical-feed';
import type * as PublicSchedule from './public-schedule';
import type { ScheduleDeps } from './public-schedule';
import type * as SchedulePage from './schedule-page';

/** Public pages may be cached a little: plans change a few times per release, not per minute. */
const CACHE = { 'cache-control': 'public, max-age=300' };
const VERSION = '(?<version>[A-Za-z0-9.\\-]{1,40})';

let loaded: (typeof IcalFeed & typeof PublicSchedule & typeof SchedulePage) | undefined;

/** The pages, the feed and their data, loaded with the first request for them: a start need not wait. */
function schedule(): typeof IcalFeed & typeof PublicSchedule & typeof SchedulePage {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
  return (loaded ??= {
    ...(require('./ical-feed') as typeof IcalFeed),
    ...(require('./public-schedule') as typeof PublicSchedule),
    ...(require('./schedule-page') as typeof SchedulePage),
  });
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * The read-only public schedule, no login: `/schedule` lists releases, `/schedule/<version>` shows
 * one, `/schedule/<version>.ics` is its calendar feed and `/api/releases/<version>.json` its data.
 */
export function publicScheduleRoutes(deps: ScheduleDeps): HttpRoute[] {
  return [
    {
      method: 'GET',
      path: /\/schedule\/?/,
      handle: (_request, res) => {
        const { releaseListPage, listPublicReleases } = schedule();
        sendHtml(res, 200, releaseListPage(listPublicReleases(deps)), { headers: CACHE });
      },
    },
    {
      method: 'GET',
      path: new RegExp(`/schedule/${VERSION}\\.ics`),
      handle: ({ params }, res) => {
        const { findPublicRelease, notFoundPage, icalFeed, getPublicSchedule } = schedule();
        const release = findPublicRelease(deps.store, params.version ?? '');
        if (!release) return sendHtml(res, 404, notFoundPage(params.version ?? ''));
        send(res, 200, 'text/calendar; charset=utf-8', icalFeed(getPublicSchedule(deps, release)), {
          ...CACHE,
          'content-disposition': `inline; filename="kubeflow-${release.version}.ics"`,
        });
      },
    },
    {
      method: 'GET',
      path: new RegExp(`/schedule/${VERSION}`),
      handle: ({ params }, res) => {
        const { findPublicRelease, notFoundPage, schedulePage, getPublicSchedule } = schedule();
        const release = findPublicRelease(deps.store, params.version ?? '');
        if (!release) return sendHtml(res, 404, notFoundPage(params.version ?? ''));
        sendHtml(res, 200, schedulePage(getPublicSchedule(deps, release)), { headers: CACHE });
      },
    },
    {
      method: 'GET',
      path: '/api/releases.json',
      handle: (_request, res) => sendJson(res, 200, { releases: schedule().listPublicReleases(deps) }, CACHE),
    },
    {
      method: 'GET',
      path: new RegExp(`/api/releases/${VERSION}\\.json`),
      handle: ({ params }, res) => {
        const { findPublicRelease, getPublicSchedule } = schedule();
        const release = findPublicRelease(deps.store, params.version ?? '');
        if (!release)
          return sendJson(res, 404, {
            error: 'not_found',
            message: `There is no release ${params.version}.`,
          });
        sendJson(res, 200, getPublicSchedule(deps, release), {
          ...CACHE,
          'access-control-allow-origin': '*',
        });
      },
    },
  ];
}

import { send, sendHtml, sendJson } from '../http/http-responses';
import type { HttpRoute } from '../http/http-router';
import { icalFeed } from './ical-feed';
import {
  findPublicRelease,
  getPublicSchedule,
  listPublicReleases,
  type ScheduleDeps,
} from './public-schedule';
import { notFoundPage, releaseListPage, schedulePage } from './schedule-page';

/** Public pages may be cached a little: plans change a few times per release, not per minute. */
const CACHE = { 'cache-control': 'public, max-age=300' };
const VERSION = '(?<version>[A-Za-z0-9.\\-]{1,40})';

/**
 * The read-only public schedule, no login: `/schedule` lists releases, `/schedule/<version>` shows
 * one, `/schedule/<version>.ics` is its calendar feed and `/api/releases/<version>.json` its data.
 */
export function publicScheduleRoutes(deps: ScheduleDeps): HttpRoute[] {
  return [
    {
      method: 'GET',
      path: /\/schedule\/?/,
      handle: (_request, res) =>
        sendHtml(res, 200, releaseListPage(listPublicReleases(deps)), { headers: CACHE }),
    },
    {
      method: 'GET',
      path: new RegExp(`/schedule/${VERSION}\\.ics`),
      handle: ({ params }, res) => {
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
        const release = findPublicRelease(deps.store, params.version ?? '');
        if (!release) return sendHtml(res, 404, notFoundPage(params.version ?? ''));
        sendHtml(res, 200, schedulePage(getPublicSchedule(deps, release)), { headers: CACHE });
      },
    },
    {
      method: 'GET',
      path: '/api/releases.json',
      handle: (_request, res) => sendJson(res, 200, { releases: listPublicReleases(deps) }, CACHE),
    },
    {
      method: 'GET',
      path: new RegExp(`/api/releases/${VERSION}\\.json`),
      handle: ({ params }, res) => {
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

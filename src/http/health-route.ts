import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from 'better-sqlite3';

/** GET /healthz: 200 while the database answers, 503 when it does not. */
export function healthRoute(db: Database, startedAt: string) {
  const probe = db.prepare('SELECT COUNT(*) AS releases FROM releases');
  return (_req: IncomingMessage, res: ServerResponse): void => {
    try {
      const { releases } = probe.get() as { releases: number };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', database: 'ok', releases, startedAt }));
    } catch {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'unavailable', database: 'unreachable' }));
    }
  };
}

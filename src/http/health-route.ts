import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from 'better-sqlite3';
import type { WriteHealth } from '../db/write-health';

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * GET /healthz: 200 while the database answers a read and took the last write; 503 with the
 * reason when it cannot be read, or when the last write failed (disk full, I/O error, ...) and
 * none has succeeded since. One cheap read, so it stays fast.
 */
export function healthRoute(db: Database, startedAt: string, writes: Pick<WriteHealth, 'state'>) {
  const probe = db.prepare('SELECT COUNT(*) AS releases FROM releases');
  return (_req: IncomingMessage, res: ServerResponse): void => {
    let releases: number;
    try {
      ({ releases } = probe.get() as { releases: number });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const detail = `${typeof code === 'string' ? `${code}: ` : ''}${(error as Error).message}`;
      answer(res, 503, {
        status: 'unavailable',
        database: 'unreachable',
        reason: `the database cannot be read (${detail})`,
      });
      return;
    }
    const written = writes.state();
    if (!written.ok) {
      answer(res, 503, {
        status: 'unavailable',
        database: 'writes failing',
        releases,
        startedAt,
        reason: written.reason,
      });
      return;
    }
    answer(res, 200, { status: 'ok', database: 'ok', releases, startedAt });
  };
}

import type { Database } from 'better-sqlite3';
import type { Signoff } from '../domain/signoff-standings';
import { objectRows } from './object-rows';

const COLUMNS = `id, distribution, rc_key AS rcKey, rc, rc_tag AS rcTag, result, blocking_issues AS blockingIssues,
  kubernetes_version AS kubernetesVersion, evidence_url AS evidenceUrl, notes, signed_by AS signedBy,
  signed_at AS signedAt`;

type Raw = Omit<Signoff, 'blockingIssues'> & { blockingIssues: string };

const toSignoff = (raw: Raw): Signoff => ({
  ...raw,
  blockingIssues: JSON.parse(raw.blockingIssues) as string[],
});

/** Distribution sign-offs: added, never changed, so the history of every RC stays. */
export function createSignoffRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO distribution_signoffs (release_id, distribution, rc_key, rc, rc_tag, result, blocking_issues,
       kubernetes_version, evidence_url, notes, signed_by, signed_at)
     VALUES (@releaseId, @distribution, @rcKey, @rc, @rcTag, @result, @blockingIssues, @kubernetesVersion,
       @evidenceUrl, @notes, @signedBy, @signedAt)`,
  );
  const forRelease = objectRows(
    db.prepare(`SELECT ${COLUMNS} FROM distribution_signoffs WHERE release_id = ? ORDER BY id`),
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM distribution_signoffs WHERE id = ?`);

  return {
    /** Adds a sign-off and returns its id. */
    insert: (releaseId: number, signoff: Omit<Signoff, 'id'>): number =>
      Number(
        insert.run({ ...signoff, releaseId, blockingIssues: JSON.stringify(signoff.blockingIssues) })
          .lastInsertRowid,
      ),
    /** Every sign-off of a release, oldest first. */
    forRelease: (releaseId: number) => (forRelease.all(releaseId) as Raw[]).map(toSignoff),
    byId: (id: number) => {
      const raw = byId.get(id) as Raw | undefined;
      return raw ? toSignoff(raw) : null;
    },
  };
}

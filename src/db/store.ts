import type { Database } from 'better-sqlite3';
import { createAuditLog } from './audit-log';
import { createOutboxRepository } from '../outbox/outbox-repository';
import { createReleaseRepository } from './release-repository';
import { createRevisionRepository } from './revision-repository';
import { createTeamRepository } from './team-repository';
import { createWorkingGroupRepository } from './working-group-repository';

/** Every repository over one connection, and a way to run several writes as one transaction. */
export function createStore(db: Database) {
  return {
    db,
    releases: createReleaseRepository(db),
    team: createTeamRepository(db),
    workingGroups: createWorkingGroupRepository(db),
    audit: createAuditLog(db),
    revisions: createRevisionRepository(db),
    outbox: createOutboxRepository(db),
    /** Runs `work` in one IMMEDIATE transaction: all of it is saved, or none. */
    transaction<T>(work: () => T): T {
      return db.transaction(work).immediate();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

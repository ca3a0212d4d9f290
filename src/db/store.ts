import type { Database } from 'better-sqlite3';
import { createActionItemRepository } from './action-item-repository';
import { createAuditLog } from './audit-log';
import { createJobRunRepository } from './job-run-repository';
import { createManifestsPullRepository } from './manifests-pull-repository';
import { createMeetingRepository } from './meeting-repository';
import { createMilestoneActualRepository } from './milestone-actual-repository';
import { createBlockerRepository } from './blocker-repository';
import { createBlockerListQueries } from './blocker-list-queries';
import { createDocsItemRepository } from './docs-item-repository';
import { createDependencyDeclarationRepository } from './dependency-declaration-repository';
import { createFeatureRepository } from './feature-repository';
import { createOutboxRepository } from '../outbox/outbox-repository';
import { createPatchReleaseRepository } from './patch-release-repository';
import { createPhaseControlRepository } from './phase-control-repository';
import { createRcTagRepository } from './rc-tag-repository';
import { createReleaseRepository } from './release-repository';
import { createRetroNoteRepository } from './retro-note-repository';
import { createRevisionRepository } from './revision-repository';
import { createRotationRepository } from './rotation-repository';
import { createSignoffRepository } from './signoff-repository';
import { createTeamRepository } from './team-repository';
import { createTrackingIssueRepository } from './tracking-issue-repository';
import { createWorkingGroupRepository } from './working-group-repository';
import { createWriteHealth, type WriteHealth } from './write-health';
import { createReadScope } from './read-scope';

/** Every repository over one connection, and a way to run several writes as one transaction. */
export function createStore(db: Database, writeHealth: WriteHealth = createWriteHealth()) {
  // A transaction that only read proves nothing about the disk: only changes count as a write.
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const reads = createReadScope({
    begin: () => !db.inTransaction && (begin.run(), true),
    end: () => {
      if (db.inTransaction) commit.run();
    },
  });
  const once = reads.memoize;
  return {
    db,
    /** Whether the last write reached the disk, for /healthz. */
    writeHealth,
    releases: once(createReleaseRepository(db), [
      'findByVersion',
      'findById',
      'list',
      'live',
      'windows',
      'firstPlan',
      'latestPlan',
      'planCount',
    ]),
    actuals: once(createMilestoneActualRepository(db), ['forRelease']),
    team: once(createTeamRepository(db), ['assignments', 'rolesOf', 'githubOfSlackId', 'nameOfSlackId']),
    workingGroups: once(createWorkingGroupRepository(db), ['list', 'skips', 'findByName']),
    audit: createAuditLog(db),
    revisions: once(createRevisionRepository(db), [
      'latestPerRepo',
      'waitingCounts',
      'heads',
      'standing',
      'waitingRepositories',
    ]),
    outbox: createOutboxRepository(db),
    meetings: once(createMeetingRepository(db), ['meeting', 'reminders']),
    jobRuns: createJobRunRepository(db),
    actionItems: createActionItemRepository(db),
    rotation: createRotationRepository(db),
    rcTags: once(createRcTagRepository(db), ['forRelease', 'latestRc', 'lastCheck']),
    signoffs: once(createSignoffRepository(db), ['forRelease']),
    blockers: once(createBlockerRepository(db), ['openCounts']),
    blockerLists: createBlockerListQueries(db),
    trackingIssues: once(createTrackingIssueRepository(db), ['find']),
    manifestsPulls: createManifestsPullRepository(db),
    docsItems: createDocsItemRepository(db),
    phaseControl: once(createPhaseControlRepository(db), ['ticks', 'transitions', 'endDecisions']),
    patchReleases: once(createPatchReleaseRepository(db), ['forRelease']),
    retroNotes: createRetroNoteRepository(db),
    dependencyDeclarations: once(createDependencyDeclarationRepository(db), ['latest']),
    features: createFeatureRepository(db),
    /**
     * Runs `work` in one IMMEDIATE transaction: all of it is saved, or none. A disk or file failure
     * (full, I/O error, read-only, damaged) is recorded in `writeHealth` before it is rethrown.
     */
    /**
     * Runs `work` (the assembly of one answer) reading each thing once: see createReadScope.
     * Only for work that reads; a write inside it makes it read afresh.
     */
    readOnce: <T>(work: () => T): T => reads.run(work),
    /** Inside readOnce: a view several parts of the answer build, built once (see ReadScope.remember). */
    remember: <T>(key: string, compute: () => T): T => reads.remember(key, compute),
    transaction<T>(work: () => T): T {
      reads.forget();
      const before = totalChanges.get() as number;
      let result: T;
      try {
        result = db.transaction(work).immediate();
      } catch (error) {
        writeHealth.recordFailure(error);
        throw error;
      }
      if ((totalChanges.get() as number) > before) writeHealth.recordSuccess();
      return result;
    },
  };
}

export type Store = ReturnType<typeof createStore>;

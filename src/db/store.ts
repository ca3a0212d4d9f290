import type { Database } from 'better-sqlite3';
import { createActionItemRepository } from './action-item-repository';
import { createAuditLog } from './audit-log';
import { createJobRunRepository } from './job-run-repository';
import { createManifestsPullRepository } from './manifests-pull-repository';
import { createMeetingRepository } from './meeting-repository';
import { createMilestoneActualRepository } from './milestone-actual-repository';
import { createBlockerRepository } from './blocker-repository';
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

/** Every repository over one connection, and a way to run several writes as one transaction. */
export function createStore(db: Database, writeHealth: WriteHealth = createWriteHealth()) {
  // A transaction that only read proves nothing about the disk: only changes count as a write.
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  return {
    db,
    /** Whether the last write reached the disk, for /healthz. */
    writeHealth,
    releases: createReleaseRepository(db),
    actuals: createMilestoneActualRepository(db),
    team: createTeamRepository(db),
    workingGroups: createWorkingGroupRepository(db),
    audit: createAuditLog(db),
    revisions: createRevisionRepository(db),
    outbox: createOutboxRepository(db),
    meetings: createMeetingRepository(db),
    jobRuns: createJobRunRepository(db),
    actionItems: createActionItemRepository(db),
    rotation: createRotationRepository(db),
    rcTags: createRcTagRepository(db),
    signoffs: createSignoffRepository(db),
    blockers: createBlockerRepository(db),
    trackingIssues: createTrackingIssueRepository(db),
    manifestsPulls: createManifestsPullRepository(db),
    docsItems: createDocsItemRepository(db),
    phaseControl: createPhaseControlRepository(db),
    patchReleases: createPatchReleaseRepository(db),
    retroNotes: createRetroNoteRepository(db),
    dependencyDeclarations: createDependencyDeclarationRepository(db),
    features: createFeatureRepository(db),
    /**
     * Runs `work` in one IMMEDIATE transaction: all of it is saved, or none. A disk or file failure
     * (full, I/O error, read-only, damaged) is recorded in `writeHealth` before it is rethrown.
     */
    transaction<T>(work: () => T): T {
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

import type { BlockerRow } from '../db/blocker-repository';
import type { ReleaseArtifactRow } from '../db/rc-tag-repository';
import type { RevisionRow } from '../db/revision-repository';
import type { Agenda } from '../domain/agenda';
import type { IssueChange } from '../domain/blocker-triage';
import type { DocsReminderTarget } from '../domain/docs-items';
import type { Feature } from '../domain/features';
import type { DeadlineMessage } from '../domain/reminder-message';
import type { Signoff } from '../domain/signoff-standings';
import type { AnnouncementDraft } from './announcement-draft';
import type { Decision } from './decision-log';
import type { ManifestsItem } from './manifests-change';
import type { PhaseEndReview } from './phase-ends';
import type { SignoffMatrixView } from './signoff-matrix';

/** What a working group's people hear about one of its revisions. */
export type RevisionDmEvent = 'accepted_after_check' | 'approved' | 'held' | 'denied' | 'rejected';

/** The outcome of a tracking-issue request, told to the person who asked. */
export type TrackingIssueOutcome = 'not_created' | 'updated' | 'not_updated';

/**
 * A fact kfrelease tells someone about: the workflows say what happened, in data, and the Slack
 * adapter (src/slack/notices) decides how it reads. Every field is plain JSON, so a notice waits
 * in the outbox as it is and is rendered when it is posted.
 */
export type Notice =
  | { kind: 'revision_accepted'; version: string; revision: RevisionRow }
  | { kind: 'revision_held'; version: string; revision: RevisionRow }
  | { kind: 'revision_decided'; version: string; revision: RevisionRow }
  | { kind: 'revision_dm'; version: string; revision: RevisionRow; event: RevisionDmEvent }
  | { kind: 'blockers_reported'; version: string; wg: string; blockers: BlockerRow[]; submittedBy: string }
  | { kind: 'blocker_decided'; version: string; blocker: BlockerRow }
  | { kind: 'blocker_changed'; version: string; blocker: BlockerRow; change: IssueChange }
  | { kind: 'artifacts_found'; version: string; repo: string; found: ReleaseArtifactRow[]; retest: string[] }
  | { kind: 'signoff_retest'; version: string; earlier: Signoff; newTag: string }
  | { kind: 'signoff_recorded'; version: string; signoff: Signoff; current: boolean }
  | { kind: 'signoff_criterion_met'; version: string; matrix: SignoffMatrixView }
  | { kind: 'decision'; version: string; decision: Decision }
  | { kind: 'docs_reminder'; version: string; target: DocsReminderTarget; endsOn: string; daysLeft: number }
  | { kind: 'agenda'; agenda: Agenda }
  | {
      kind: 'note_taker';
      version: string;
      meetingOn: string;
      when: string;
      notesUrl: string | null;
      /** Set when the notes change hands after the notice went out: who had them (null: nobody). */
      takesOverFrom?: string | null;
    }
  | { kind: 'note_taker_relieved'; version: string; meetingOn: string; when: string; by: string | null }
  | { kind: 'deadline'; message: DeadlineMessage }
  | { kind: 'missed_posts'; version: string; items: string[] }
  | { kind: 'phase_end'; review: PhaseEndReview }
  | { kind: 'tracking_issue_created'; version: string; url: string; requester: string }
  | {
      kind: 'tracking_issue_outcome';
      outcome: TrackingIssueOutcome;
      version: string;
      repo: string | null;
      url: string | null;
      detail: string;
    }
  | { kind: 'announcement_draft'; draft: AnnouncementDraft; asReleaseManager: boolean }
  | { kind: 'features_at_risk'; version: string; groups: { wg: string; features: Feature[] }[] }
  | { kind: 'feature_docs_missing'; version: string; feature: Feature }
  | {
      kind: 'manifests_pulls';
      version: string;
      /** A preview, a dry run of `manifests pr`, or what was written. */
      mode: 'preview' | 'dry_run' | 'write';
      repo: string;
      /** The branch the pull requests go to; null when the manifests repository could not be read. */
      base: string | null;
      items: ManifestsItem[];
      /** Why nothing could be done at all, for a person. */
      failure: string | null;
    }
  | {
      kind: 'manifests_pull_changed';
      version: string;
      component: string;
      upstreamRepo: string | null;
      revision: string | null;
      url: string;
      number: number;
      state: 'open' | 'closed' | 'merged';
    }
  | {
      kind: 'post_failed';
      /** The outbox key of the message that could not be posted. */
      key: string;
      channel: string;
      /** Slack's error code (`channel_not_found`) or ours (`http_503`). */
      code: string;
      error: string;
      attempts: number;
      /** The start of the message, as plain text. */
      excerpt: string;
    };

export type NoticeKind = Notice['kind'];

/** A notice on its way to one conversation, under a key that makes posting it twice impossible. */
export interface Post {
  key: string;
  /** A channel ID (C…, G…) or a user ID (U…, W…) for a direct message. */
  channel: string;
  notice: Notice;
}

import type { OutboxContent } from '../../outbox/outbox-repository';
import { link, md, text, type Mrkdwn } from '../../text/mrkdwn';
import type { Notice, TrackingIssueOutcome } from '../../workflows/notice';
import { agendaBlocks } from '../blocks/agenda-blocks';
import { announcementDm } from '../blocks/announcement-blocks';
import type { SlackAnswer } from '../blocks/block-kit';
import { blockerChangedPost, blockerDecisionPost, blockersReportedPost } from '../blocks/blocker-blocks';
import { decisionPost } from '../blocks/decision-blocks';
import { manifestsPullChangedPost, manifestsPullsDm } from '../blocks/manifests-blocks';
import { docsReminderMessage } from '../blocks/docs-blocks';
import { featureDocsMissingMessage, featuresAtRiskMessage } from '../blocks/feature-blocks';
import { postFailedBlocks } from '../blocks/outbox-blocks';
import { phaseEndPost } from '../blocks/phase-end-blocks';
import { artifactsFoundPost } from '../blocks/rc-blocks';
import {
  deadlineBlocks,
  missedNoteBlocks,
  noteTakerNoticeBlocks,
  noteTakerRelievedBlocks,
} from '../blocks/reminder-blocks';
import { revisionAcceptedPost, revisionDecidedPost, revisionHeldPost } from '../blocks/revision-blocks';
import { criterionMetPost, retestDm, signoffPost } from '../blocks/signoff-blocks';
import { trackingIssueCreatedPost, trackingIssueNoticeDm } from '../blocks/tracking-issue-blocks';
import { revisionDm } from './revision-dm';

function trackingHeadline(outcome: TrackingIssueOutcome, version: string, repo: string | null): Mrkdwn {
  switch (outcome) {
    case 'not_created':
      return md`:x: The tracking issue of Kubeflow ${version} was not created in ${repo ?? 'GitHub'}.`;
    case 'updated':
      return md`:white_check_mark: The tracking issue of Kubeflow ${version} is up to date.`;
    case 'not_updated':
      return md`:x: The tracking issue of Kubeflow ${version} was not updated.`;
  }
}

/** How a notice reads in Slack: the one place that turns the workflows' facts into messages. */
export function renderNotice(notice: Notice): SlackAnswer {
  switch (notice.kind) {
    case 'revision_accepted':
      return revisionAcceptedPost(notice.version, notice.revision);
    case 'revision_held':
      return revisionHeldPost(notice.version, notice.revision);
    case 'revision_decided':
      return revisionDecidedPost(notice.version, notice.revision);
    case 'revision_dm':
      return revisionDm(notice.version, notice.revision, notice.event);
    case 'blockers_reported':
      return blockersReportedPost(notice.version, notice.wg, notice.blockers, notice.submittedBy);
    case 'blocker_decided':
      return blockerDecisionPost(notice.version, notice.blocker);
    case 'blocker_changed':
      return blockerChangedPost(notice.version, notice.blocker, notice.change);
    case 'artifacts_found':
      return artifactsFoundPost(notice.version, notice.repo, notice.found, notice.retest);
    case 'signoff_retest':
      return retestDm(notice.version, notice.earlier, notice.newTag);
    case 'signoff_recorded':
      return signoffPost(notice.version, notice.signoff, notice.current);
    case 'signoff_criterion_met':
      return criterionMetPost(notice.version, notice.matrix);
    case 'decision':
      return decisionPost(notice.version, notice.decision);
    case 'docs_reminder':
      return docsReminderMessage(notice);
    case 'agenda':
      return agendaBlocks(notice.agenda);
    case 'note_taker':
      return noteTakerNoticeBlocks(notice);
    case 'note_taker_relieved':
      return noteTakerRelievedBlocks(notice);
    case 'deadline':
      return deadlineBlocks(notice.message);
    case 'missed_posts':
      return missedNoteBlocks(notice);
    case 'phase_end':
      return phaseEndPost(notice.review);
    case 'tracking_issue_created':
      return trackingIssueCreatedPost(notice.version, notice.url, notice.requester);
    case 'tracking_issue_outcome':
      return trackingIssueNoticeDm(
        trackingHeadline(notice.outcome, notice.version, notice.repo),
        notice.url ? link(notice.url) : text(notice.detail),
      );
    case 'manifests_pulls':
      return manifestsPullsDm(notice);
    case 'manifests_pull_changed':
      return manifestsPullChangedPost(notice);
    case 'announcement_draft':
      return announcementDm(notice.draft, notice.asReleaseManager);
    case 'features_at_risk':
      return featuresAtRiskMessage(notice.version, notice.groups);
    case 'feature_docs_missing':
      return featureDocsMissingMessage(notice.version, notice.feature);
    case 'post_failed':
      return postFailedBlocks(notice);
  }
}

/** An outbox row's message: its notice rendered now, or the message stored before notices existed. */
export function renderOutbox(content: OutboxContent): { text: string; blocks: unknown[] } {
  return 'notice' in content ? renderNotice(content.notice) : content;
}

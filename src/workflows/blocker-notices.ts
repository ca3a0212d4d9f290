import type { BlockerRow } from '../db/blocker-repository';
import type { ReleaseRow } from '../db/release-repository';
import type { IssueChange } from '../domain/blocker-triage';
import type { Post } from './notice';

const refOf = (row: BlockerRow) => `${row.owner}/${row.repo}#${row.number}`.toLowerCase();

/**
 * What the release channel hears about blocking issues: new reports (with triage buttons), each
 * triage decision, and what the GitHub sync saw change. A release without a channel hears nothing;
 * everything stays in `/kfrelease blockers`.
 */
export function blockersReportedNotices(
  release: ReleaseRow,
  wg: string,
  rows: BlockerRow[],
  submittedBy: string,
): Post[] {
  if (!release.slackChannel || rows.length === 0) return [];
  return [
    {
      key: `blockers:${release.id}:reported:${rows.map((r) => r.id).join(',')}`,
      channel: release.slackChannel,
      notice: { kind: 'blockers_reported', version: release.version, wg, blockers: rows, submittedBy },
    },
  ];
}

export function blockerDecisionNotices(release: ReleaseRow, row: BlockerRow): Post[] {
  if (!release.slackChannel) return [];
  return [
    {
      key: `blocker:${row.id}:decision:${row.decision}:${row.decidedAt ?? ''}`,
      channel: release.slackChannel,
      notice: { kind: 'blocker_decided', version: release.version, blocker: row },
    },
  ];
}

/** Keyed by the issue and GitHub's updatedAt: two syncs seeing the same change post it once. */
export function blockerChangeNotices(release: ReleaseRow, row: BlockerRow, change: IssueChange): Post[] {
  if (!release.slackChannel) return [];
  return [
    {
      key: `blocker:${release.id}:${refOf(row)}:${row.state}:${row.githubUpdatedAt}`,
      channel: release.slackChannel,
      notice: { kind: 'blocker_changed', version: release.version, blocker: row, change },
    },
  ];
}

import type { RevisionRow } from '../../db/revision-repository';
import { md, type Mrkdwn } from '../../text/mrkdwn';
import type { RevisionDmEvent } from '../../workflows/notice';
import type { SlackAnswer } from '../blocks/block-kit';
import { revisionNoticeDm } from '../blocks/revision-blocks';

const HEADLINES: Record<RevisionDmEvent, Mrkdwn> = {
  accepted_after_check: md`:white_check_mark: Your revision was checked and accepted`,
  approved: md`:white_check_mark: The release manager approved your revision`,
  held: md`:raised_hand: A revision of your working group is held for the release manager`,
  denied: md`:no_entry: The release manager denied a revision of your working group`,
  rejected: md`:x: Your revision was checked against GitHub and refused`,
};

function detail(row: RevisionRow, event: RevisionDmEvent): Mrkdwn[] {
  switch (event) {
    case 'accepted_after_check':
    case 'approved':
      return row.warnings.map((w) => md`:warning: ${w}`);
    case 'held':
      return (row.review?.reasons ?? []).map((r) => md`• ${r}`);
    case 'denied':
      return [md`Reason: ${row.decisionReason ?? ''}`];
    case 'rejected':
      return [md`${row.lastError ?? ''}`, md`Fix it and submit again with \`/kfrelease submit\`.`];
  }
}

/** What a working group's liaisons (or the submitter) read about one revision. */
export function revisionDm(version: string, row: RevisionRow, event: RevisionDmEvent): SlackAnswer {
  return revisionNoticeDm(version, row, HEADLINES[event], detail(row, event));
}

import type { PersonRef } from './agenda';
import { describeOffset, type Deadline, type ReminderOffset } from './reminders';

/** One thing still owed before a deadline, and who owes it. */
export interface OwedItem {
  /** e.g. "Pipelines: no accepted revision", "v1.10.0-rc.1 not tagged yet", "Manifests WG". */
  what: string;
  people: PersonRef[];
}

/**
 * What is still owed for a deadline: `known` false when kfrelease cannot tell what is done, and
 * then `checkedLater` when it looks for it (a branch or tag on the manifests repository, not
 * checked yet) rather than having no way to see it.
 */
export interface Owed {
  known: boolean;
  items: OwedItem[];
  checkedLater?: boolean;
  /** Said after the footer: what no longer counts, e.g. components not shipping this cycle. */
  notes?: string[];
}

const withNotes = (footer: string, owed: Owed): string =>
  owed.notes && owed.notes.length > 0 ? `${footer} ${owed.notes.join(' ')}` : footer;

/** A reminder or an escalation as plain data; rendered for Slack by reminder-blocks. */
export interface DeadlineMessage {
  headline: string;
  lines: OwedItem[];
  /** Everyone to mention, once each. */
  people: PersonRef[];
  footer: string;
}

function uniquePeople(items: OwedItem[]): PersonRef[] {
  const seen = new Map<string, PersonRef>();
  for (const person of items.flatMap((i) => i.people)) seen.set(person.slackId ?? person.name, person);
  return [...seen.values()];
}

/** True when there is something worth saying: nothing is owed only when that is known. */
export function anythingOwed(owed: Owed): boolean {
  return !owed.known || owed.items.length > 0;
}

/**
 * A reminder before a deadline: what is due, when, and who still owes what. Only the people who
 * still owe something are named (when kfrelease cannot tell, the deadline's owners are).
 */
export function reminderMessage(params: {
  version: string;
  deadline: Deadline;
  offset: ReminderOffset;
  dueLabel: string;
  owed: Owed;
}): DeadlineMessage {
  const { version, deadline, offset, dueLabel, owed } = params;
  const when = describeOffset(offset);
  const artifact = deadline.artifact ? ` (${deadline.artifact})` : '';
  return {
    headline: `Due ${when} (${dueLabel}) for Kubeflow ${version}: ${deadline.name}${artifact}${deadline.optional ? ', optional' : ''}`,
    lines: owed.items,
    people: uniquePeople(owed.items),
    footer: withNotes(
      owed.known
        ? `Owed by ${deadline.owner}. Only those who still owe something are named.`
        : owed.checkedLater
          ? `Owed by ${deadline.owner}. kfrelease looks for it on the manifests repository and announces it here when it appears.`
          : `Owed by ${deadline.owner}. kfrelease cannot check this one: tell the channel when it is done.`,
      owed,
    ),
  };
}

/** The morning after a deadline that passed with items still open: for the release manager. */
export function escalationMessage(params: {
  version: string;
  deadline: Deadline;
  dueLabel: string;
  owed: Owed;
}): DeadlineMessage {
  const { version, deadline, dueLabel, owed } = params;
  return {
    headline: `Overdue for Kubeflow ${version}: ${deadline.name}${deadline.artifact ? ` (${deadline.artifact})` : ''} was due ${dueLabel}`,
    lines: owed.items,
    people: uniquePeople(owed.items),
    footer: withNotes(
      `Still open the morning after the deadline. Owed by ${deadline.owner}; as release manager you decide: chase, re-plan, or move on.`,
      owed,
    ),
  };
}

import { DateTime } from 'luxon';
import type { ReleaseRow } from '../db/release-repository';
import { buildAgenda, type PersonRef } from '../domain/agenda';
import type { Occurrence } from '../domain/due-occurrences';
import { describeMeeting } from '../domain/meeting-schedule';
import { missingRevisionsText } from '../domain/missing-revisions';
import { anythingOwed, escalationMessage, reminderMessage, type Owed } from '../domain/reminder-message';
import { REVISIONS_DEADLINE, type Deadline } from '../domain/reminders';
import type { TeamAssignment } from '../domain/team';
import { artifactMissing } from './agenda-extras';
import { gatherAgendaFacts, type AgendaDeps } from './agenda-facts';
import { getComponentVersions } from './component-versions';
import { noteTakerOn } from './note-takers';
import { featureFreezePosts } from './feature-freeze';
import { phaseEndPosts } from './phase-ends';
import type { Notice, Post } from './notice';

const person = (a: TeamAssignment): PersonRef => ({ name: a.name, slackId: a.slackId });

/** The people behind a template's owner: a WG's liaisons ("Manifests WG"), else the release managers. */
function ownerPeople(team: TeamAssignment[], owner: string): PersonRef[] {
  const wg = /^(.+?)\s+WG$/i.exec(owner)?.[1];
  const liaisons = wg
    ? team.filter((a) => a.role === 'team_member' && a.wg?.toLowerCase() === wg.toLowerCase())
    : [];
  const people =
    liaisons.length > 0 ? liaisons : team.filter((a) => a.role === 'release_manager' && !a.shadow);
  return [...new Map(people.map((a) => [a.github, person(a)])).values()];
}

/**
 * What is still owed for a deadline, and by whom: for the git revisions, the liaisons of each WG
 * with a repository still without an accepted revision (named, with its components; those marked
 * not shipping owe nothing); for a branch or tag, its owners when it is missing (or when
 * kfrelease cannot tell); nothing for a milestone kfrelease cannot check and that is past.
 */
export function owedFor(deps: AgendaDeps, release: ReleaseRow, deadline: Deadline): Owed {
  const team = deps.store.team.assignments(release.id);
  if (deadline.key === REVISIONS_DEADLINE) {
    const { missingRepos, notShipping } = getComponentVersions(deps, release.version);
    const skipped = notShipping.map((c) => `${c.component} (${c.wg})`);
    return {
      known: true,
      items: missingRepos.map((group) => ({
        what: missingRevisionsText(group),
        people: ownerPeople(team, `${group.wg} WG`),
      })),
      ...(skipped.length > 0 ? { notes: [`Not shipping this cycle: ${skipped.join(', ')}.`] } : {}),
    };
  }
  const missing = artifactMissing(deps, release, deadline);
  if (missing === false) return { known: true, items: [] };
  const what = deadline.artifact
    ? `${deadline.artifact} ${missing ? 'not there yet' : 'to deliver'}`
    : deadline.name;
  return {
    known: missing === true,
    items: [{ what, people: ownerPeople(team, deadline.owner) }],
    checkedLater: deadline.artifact !== null,
  };
}

const dueLabel = (dueOn: string) => DateTime.fromISO(dueOn, { zone: 'utc' }).toFormat('ccc d LLL');

function toChannelOrPeople(key: string, channel: string | null, people: PersonRef[], notice: Notice): Post[] {
  if (channel) return [{ key, channel, notice }];
  const ids = [...new Set(people.flatMap((p) => (p.slackId ? [p.slackId] : [])))];
  return ids.map((id) => ({ key: `${key}:${id}`, channel: id, notice }));
}

/**
 * The posts one occurrence makes, built from live state and the occurrence's own time: the same
 * builders for a real run and a rehearsal. Reads only. Empty when there is nothing to say (every
 * revision is in, the note-taker has no Slack ID, ...).
 */
export function occurrencePosts(deps: AgendaDeps, release: ReleaseRow, occurrence: Occurrence): Post[] {
  const { store } = deps;
  const { key } = occurrence;
  if (occurrence.kind === 'agenda' && occurrence.meeting) {
    const facts = gatherAgendaFacts(deps, release, occurrence.dueAt, occurrence.meeting.meetingOn);
    const channel = store.meetings.meeting(release.id)?.channel ?? release.slackChannel;
    return channel ? [{ key, channel, notice: { kind: 'agenda', agenda: buildAgenda(facts) } }] : [];
  }
  if (occurrence.kind === 'note_taker' && occurrence.meeting) {
    const { meetingOn, at } = occurrence.meeting;
    const slackId = noteTakerOn(store, release, meetingOn)?.slackId;
    const settings = store.meetings.meeting(release.id);
    if (!slackId || !settings) return [];
    const when = describeMeeting(at, settings.zone);
    const notice: Notice = {
      kind: 'note_taker',
      version: release.version,
      meetingOn,
      when,
      notesUrl: settings.notesUrl,
    };
    return [{ key: `${key}:${slackId}`, channel: slackId, notice }];
  }
  if (occurrence.kind === 'phase_end') return phaseEndPosts(deps, release, occurrence);
  if (occurrence.kind === 'phase_start') return featureFreezePosts(store, release, occurrence);
  const deadline = occurrence.deadline;
  if (!deadline) return [];
  const owed = owedFor(deps, release, deadline);
  if (occurrence.kind === 'reminder' && occurrence.offset && anythingOwed(owed)) {
    const message = reminderMessage({
      version: release.version,
      deadline,
      offset: occurrence.offset,
      dueLabel: dueLabel(deadline.dueOn),
      owed,
    });
    return toChannelOrPeople(key, release.slackChannel, message.people, { kind: 'deadline', message });
  }
  if (occurrence.kind === 'escalation' && owed.known && owed.items.length > 0) {
    const message = escalationMessage({
      version: release.version,
      deadline,
      dueLabel: dueLabel(deadline.dueOn),
      owed,
    });
    const managers = store.team
      .assignments(release.id)
      .filter((a) => a.role === 'release_manager' && !a.shadow);
    const notice: Notice = { kind: 'deadline', message };
    const posts = toChannelOrPeople(key, null, managers.map(person), notice);
    return posts.length > 0 ? posts : toChannelOrPeople(key, release.slackChannel, [], notice);
  }
  return [];
}

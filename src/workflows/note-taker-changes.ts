import type { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { ReleaseRow } from '../db/release-repository';
import type { Store } from '../db/store';
import { buildAgenda } from '../domain/agenda';
import { describeMeeting } from '../domain/meeting-schedule';
import type { RotationMember } from '../domain/note-taker-rotation';
import { gatherAgendaFacts } from './agenda-facts';
import { enqueuePosts } from './enqueue-posts';
import type { Post } from './notice';
import { noteTakerRotation } from './note-takers';

/** The note-taker of a meeting whose notice already went out. */
interface Announced {
  release: ReleaseRow;
  meetingOn: string;
  at: DateTime;
  member: RotationMember | null;
}

/**
 * Who takes the notes at each meeting still ahead whose note-taker notice already went out, in
 * every live release with a meeting: read it before changing the rotation (a swap, away dates),
 * and hand it to followNoteTakerChanges after.
 */
export function announcedNoteTakers(deps: { store: Store; clock: Clock }): Announced[] {
  const { store } = deps;
  const now = deps.clock.now();
  return store.releases.list().flatMap((release) => {
    if (release.status !== 'live' || !store.meetings.meeting(release.id)) return [];
    return noteTakerRotation(store, release)
      .turns.filter(
        (t) => t.at > now && store.jobRuns.byKey(`note_taker:${release.id}:${t.meetingOn}`) !== null,
      )
      .map((t) => ({ release, meetingOn: t.meetingOn, at: t.at, member: t.member }));
  });
}

/**
 * After the rotation changed, for each meeting whose notice had gone out and whose note-taker is
 * now someone else: the new note-taker hears it is them, the one relieved hears it is not, and
 * the agenda already posted is edited to name the new one. Call inside the transaction that made
 * the change, with what announcedNoteTakers read before it.
 */
export function followNoteTakerChanges(deps: { store: Store; clock: Clock }, before: Announced[]): number {
  const { store } = deps;
  const at = deps.clock.now().toUTC().toISO() ?? '';
  let changed = 0;
  for (const was of before) {
    const meeting = store.meetings.meeting(was.release.id);
    if (!meeting) continue;
    const now =
      noteTakerRotation(store, was.release).turns.find((t) => t.meetingOn === was.meetingOn)?.member ?? null;
    if ((now?.github ?? null) === (was.member?.github ?? null)) continue;
    changed += 1;
    const base = {
      version: was.release.version,
      meetingOn: was.meetingOn,
      when: describeMeeting(was.at, meeting.zone),
    };
    const key = `note-taker-change:${was.release.id}:${was.meetingOn}:${at}`;
    const posts: Post[] = [];
    if (now?.slackId) {
      posts.push({
        key: `${key}:${now.slackId}`,
        channel: now.slackId,
        notice: {
          kind: 'note_taker',
          ...base,
          notesUrl: meeting.notesUrl,
          takesOverFrom: was.member?.name ?? null,
        },
      });
    }
    if (was.member?.slackId) {
      posts.push({
        key: `${key}:${was.member.slackId}`,
        channel: was.member.slackId,
        notice: { kind: 'note_taker_relieved', ...base, by: now?.name ?? null },
      });
    }
    const agendaKey = `agenda:${was.release.id}:${was.meetingOn}`;
    const agendaPost = store.outbox.byKey(agendaKey);
    if (agendaPost && agendaPost.status !== 'failed') {
      const facts = gatherAgendaFacts(deps, was.release, deps.clock.now(), was.meetingOn);
      store.outbox.enqueue(
        {
          key: `agenda-edit:${was.release.id}:${was.meetingOn}:${at}`,
          releaseId: was.release.id,
          channel: agendaPost.channel,
          notice: { kind: 'agenda', agenda: buildAgenda(facts) },
          replaces: agendaKey,
        },
        at,
      );
    }
    enqueuePosts(store, was.release.id, posts, at);
  }
  return changed;
}

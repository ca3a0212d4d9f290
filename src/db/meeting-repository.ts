import type { Database } from 'better-sqlite3';
import type { MeetingSettings } from '../domain/meeting-schedule';
import type { ReminderOffset, ReminderSettings } from '../domain/reminders';
import { objectRows } from './object-rows';

/** Meeting settings as stored: `since` is when they last changed (UTC ISO). */
export interface StoredMeetingSettings extends MeetingSettings {
  since: string;
  updatedBy: string;
}

export interface StoredReminderSettings extends ReminderSettings {
  since: string;
  updatedBy: string;
}

interface ReminderRow extends Omit<StoredReminderSettings, 'offsets'> {
  offsets: string;
}

function parseOffsets(json: string): ReminderOffset[] {
  return (JSON.parse(json) as string[]).map((word) => ({
    amount: Number(word.slice(0, -1)),
    unit: word.endsWith('h') ? 'h' : 'd',
  }));
}

/** The weekly meeting and the reminder settings of each release. */
export function createMeetingRepository(db: Database) {
  const meeting = objectRows(
    db.prepare(
      `SELECT weekday, local_time AS time, time_zone AS zone, channel, agenda_hours AS agendaHours,
            notes_url AS notesUrl, since, updated_by AS updatedBy
     FROM meeting_settings WHERE release_id = ?`,
    ),
  );
  const upsertMeeting = db.prepare(
    `INSERT INTO meeting_settings (release_id, weekday, local_time, time_zone, channel, agenda_hours, notes_url, since, updated_by)
     VALUES (@releaseId, @weekday, @time, @zone, @channel, @agendaHours, @notesUrl, @since, @updatedBy)
     ON CONFLICT (release_id) DO UPDATE SET weekday = excluded.weekday, local_time = excluded.local_time,
       time_zone = excluded.time_zone, channel = excluded.channel, agenda_hours = excluded.agenda_hours,
       notes_url = excluded.notes_url, since = excluded.since, updated_by = excluded.updated_by`,
  );
  const reminders = db.prepare(
    `SELECT offsets, send_time AS sendTime, quiet_start AS quietStart, quiet_end AS quietEnd, since,
            updated_by AS updatedBy
     FROM reminder_settings WHERE release_id = ?`,
  );
  const upsertReminders = db.prepare(
    `INSERT INTO reminder_settings (release_id, offsets, send_time, quiet_start, quiet_end, since, updated_by)
     VALUES (@releaseId, @offsets, @sendTime, @quietStart, @quietEnd, @since, @updatedBy)
     ON CONFLICT (release_id) DO UPDATE SET offsets = excluded.offsets, send_time = excluded.send_time,
       quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, since = excluded.since,
       updated_by = excluded.updated_by`,
  );

  return {
    meeting: (releaseId: number) => (meeting.get(releaseId) as StoredMeetingSettings | undefined) ?? null,
    /** Creates or replaces the meeting settings of a release. */
    saveMeeting(releaseId: number, settings: StoredMeetingSettings): void {
      upsertMeeting.run({ releaseId, ...settings });
    },
    /** The stored reminder settings, or null when the release uses the defaults. */
    reminders(releaseId: number): StoredReminderSettings | null {
      const row = reminders.get(releaseId) as ReminderRow | undefined;
      return row ? { ...row, offsets: parseOffsets(row.offsets) } : null;
    },
    saveReminders(releaseId: number, settings: StoredReminderSettings): void {
      const offsets = JSON.stringify(settings.offsets.map((o) => `${o.amount}${o.unit}`));
      upsertReminders.run({ releaseId, ...settings, offsets });
    },
  };
}

-- Weekly release team meetings, deadline reminders, note-taker rotation, action items, and the
-- record of every scheduled job occurrence. Times are UTC ISO timestamps; dates (meeting_on,
-- from_on, to_on) are calendar dates in the release's (or the meeting's) time zone.

-- One weekly meeting per release. `since` is when these settings last changed: occurrences that
-- were already over then are never run nor reported as missed.
CREATE TABLE meeting_settings (
  release_id    INTEGER PRIMARY KEY REFERENCES releases(id),
  weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  local_time    TEXT NOT NULL,
  time_zone     TEXT NOT NULL,
  channel       TEXT NOT NULL,
  agenda_hours  INTEGER NOT NULL DEFAULT 24 CHECK (agenda_hours BETWEEN 1 AND 168),
  notes_url     TEXT,
  since         TEXT NOT NULL,
  updated_by    TEXT NOT NULL
);

-- Deadline reminders of a release; a release without a row uses the defaults from its creation.
CREATE TABLE reminder_settings (
  release_id   INTEGER PRIMARY KEY REFERENCES releases(id),
  -- JSON array of offsets before the deadline: "7d" (7 days before, at send_time), "12h".
  offsets      TEXT NOT NULL DEFAULT '["7d","1d","0d"]',
  send_time    TEXT NOT NULL DEFAULT '09:00',
  quiet_start  TEXT NOT NULL DEFAULT '20:00',
  quiet_end    TEXT NOT NULL DEFAULT '08:00',
  since        TEXT NOT NULL,
  updated_by   TEXT NOT NULL
);
-- Releases that exist before this migration start their reminders now, not at their creation:
-- otherwise every reminder since then would be reported as missed.
INSERT INTO reminder_settings (release_id, since, updated_by)
  SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration' FROM releases;

-- Each occurrence of each scheduled job, recorded in the transaction that queues its posts.
CREATE TABLE job_runs (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  release_id  INTEGER REFERENCES releases(id),
  kind        TEXT NOT NULL,
  due_at      TEXT NOT NULL,
  ran_at      TEXT NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('posted', 'nothing_to_say', 'skipped')),
  posts       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX job_runs_release ON job_runs (release_id);

CREATE TABLE action_items (
  id          INTEGER PRIMARY KEY,
  release_id  INTEGER NOT NULL REFERENCES releases(id),
  text        TEXT NOT NULL,
  -- A Slack user ID, or NULL when nobody owns it yet.
  owner       TEXT,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  done_by     TEXT,
  done_at     TEXT
);
CREATE INDEX action_items_release ON action_items (release_id, done_at);

-- Dates a person is away (inclusive), across releases: the note-taker rotation skips them.
CREATE TABLE away_periods (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES people(id),
  from_on     TEXT NOT NULL,
  to_on       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK (from_on <= to_on)
);
CREATE INDEX away_periods_person ON away_periods (person_id);

-- Who takes the notes of one meeting instead of the rotation's pick (from a swap).
CREATE TABLE note_taker_overrides (
  release_id  INTEGER NOT NULL REFERENCES releases(id),
  meeting_on  TEXT NOT NULL,
  github      TEXT NOT NULL COLLATE NOCASE,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (release_id, meeting_on)
);

-- The release manager's tools: phase checklists and phase transitions, patch releases with the
-- changes they include, and retrospective notes. Dates (on_date, target_on, released_on) are
-- calendar dates in the release's time zone; moments (*_at) are UTC ISO timestamps.

-- A checklist item ticked by hand. `item` is an id from config/phase-checklists.yml; `scope` is ''
-- or, for an item every distribution or working group ticks for itself, which one this tick is for.
-- Unticking deletes the row; the audit log keeps the history.
CREATE TABLE checklist_ticks (
  release_id  INTEGER NOT NULL REFERENCES releases(id),
  item        TEXT NOT NULL,
  scope       TEXT NOT NULL DEFAULT '',
  checked_by  TEXT NOT NULL,
  checked_at  TEXT NOT NULL,
  PRIMARY KEY (release_id, item, scope)
);

-- Every time the release manager moved a release to its next phase. `unmet` is a JSON array of
-- the criteria not met then ({ id, title }); `plan_revision` the re-plan the move made when it
-- came before the next phase's planned start (NULL when it needed none).
CREATE TABLE phase_transitions (
  id             INTEGER PRIMARY KEY,
  release_id     INTEGER NOT NULL REFERENCES releases(id),
  from_phase     TEXT NOT NULL,
  to_phase       TEXT NOT NULL,
  on_date        TEXT NOT NULL,
  days_early     INTEGER NOT NULL DEFAULT 0,
  reason         TEXT NOT NULL DEFAULT '',
  unmet          TEXT NOT NULL DEFAULT '[]',
  plan_revision  INTEGER,
  actor          TEXT NOT NULL,
  at             TEXT NOT NULL
);
CREATE INDEX phase_transitions_release ON phase_transitions (release_id, id);

-- A patch release of a minor release (v1.10.1 of v1.10.0), tracked on its own.
CREATE TABLE patch_releases (
  id           INTEGER PRIMARY KEY,
  release_id   INTEGER NOT NULL REFERENCES releases(id),
  version      TEXT NOT NULL UNIQUE,
  patch        INTEGER NOT NULL CHECK (patch > 0),
  target_on    TEXT,
  released_on  TEXT,
  opened_by    TEXT NOT NULL,
  opened_at    TEXT NOT NULL
);
CREATE INDEX patch_releases_release ON patch_releases (release_id, patch);

-- One issue or pull request a patch release includes, with the handbook's criterion it meets.
CREATE TABLE patch_changes (
  id         INTEGER PRIMARY KEY,
  patch_id   INTEGER NOT NULL REFERENCES patch_releases(id),
  owner      TEXT NOT NULL COLLATE NOCASE,
  repo       TEXT NOT NULL COLLATE NOCASE,
  number     INTEGER NOT NULL CHECK (number > 0),
  criterion  TEXT NOT NULL CHECK (criterion IN ('bug_fix', 'security_fix', 'documentation')),
  note       TEXT NOT NULL DEFAULT '',
  added_by   TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  UNIQUE (patch_id, owner, repo, number)
);

-- What went well and what to improve, written down when it happens, tagged with the phase then.
CREATE TABLE retro_notes (
  id          INTEGER PRIMARY KEY,
  release_id  INTEGER NOT NULL REFERENCES releases(id),
  phase       TEXT NOT NULL,
  note        TEXT NOT NULL,
  author      TEXT NOT NULL,
  at          TEXT NOT NULL
);
CREATE INDEX retro_notes_release ON retro_notes (release_id, id);

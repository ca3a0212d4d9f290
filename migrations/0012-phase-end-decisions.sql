-- What the release manager decided when a phase's planned end passed with required criteria
-- unmet: moved on anyway (with a reason) or extended the phase (a re-plan). One decision per end
-- of a phase: an extended phase ends again later, and that end is decided on its own.
CREATE TABLE phase_end_decisions (
  id             INTEGER PRIMARY KEY,
  release_id     INTEGER NOT NULL REFERENCES releases(id),
  phase          TEXT NOT NULL,
  ends_on        TEXT NOT NULL,
  decision       TEXT NOT NULL CHECK (decision IN ('moved_on', 'extended')),
  reason         TEXT NOT NULL DEFAULT '',
  unmet          TEXT NOT NULL DEFAULT '[]',
  plan_revision  INTEGER,
  actor          TEXT NOT NULL,
  at             TEXT NOT NULL,
  UNIQUE (release_id, phase, ends_on)
);

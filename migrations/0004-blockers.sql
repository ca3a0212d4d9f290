-- Issues and pull requests a working group reports as blocking (or at risk of blocking) a release,
-- what GitHub last said about them, and the release team's triage decision. Moments are UTC ISO
-- timestamps. GitHub names are case-insensitive, so owner and repo compare without case.
CREATE TABLE blockers (
  id                 INTEGER PRIMARY KEY,
  release_id         INTEGER NOT NULL REFERENCES releases(id),
  wg_id              INTEGER NOT NULL REFERENCES working_groups(id),
  owner              TEXT NOT NULL COLLATE NOCASE,
  repo               TEXT NOT NULL COLLATE NOCASE,
  number             INTEGER NOT NULL CHECK (number > 0),
  -- As GitHub last answered: title, state, labels and assignees (JSON arrays of names).
  title              TEXT NOT NULL,
  state              TEXT NOT NULL CHECK (state IN ('open', 'closed', 'merged')),
  is_pr              INTEGER NOT NULL DEFAULT 0,
  labels             TEXT NOT NULL DEFAULT '[]',
  assignees          TEXT NOT NULL DEFAULT '[]',
  url                TEXT NOT NULL,
  -- The reporter's claim that it blocks the release, until someone triages it.
  blocks_release     INTEGER NOT NULL DEFAULT 0,
  decision           TEXT NOT NULL DEFAULT 'none'
                     CHECK (decision IN ('none', 'at_risk', 'punted', 'release_blocking')),
  decision_reason    TEXT,
  decided_by         TEXT,
  decided_at         TEXT,
  submitted_by       TEXT NOT NULL,
  submitted_at       TEXT NOT NULL,
  note               TEXT NOT NULL DEFAULT '',
  github_updated_at  TEXT NOT NULL,
  last_synced_at     TEXT NOT NULL,
  UNIQUE (release_id, owner, repo, number)
);
CREATE INDEX blockers_release_wg ON blockers (release_id, wg_id, id);
CREATE INDEX blockers_synced ON blockers (last_synced_at, id);

-- Where the GitHub sync stands. A pass walks the tracked issues by id in batches; `cursor` is the
-- last id refreshed in the pass under way (0: the next sync starts a new pass), so a sync that
-- stopped after two batches continues with the third. `next_attempt_at` holds the sync back after
-- a rate limit (until GitHub's reset) or a failure (growing backoff).
CREATE TABLE blocker_sync (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  cursor             INTEGER NOT NULL DEFAULT 0,
  pass_started_at    TEXT,
  pass_completed_at  TEXT,
  next_attempt_at    TEXT,
  failures           INTEGER NOT NULL DEFAULT 0,
  last_error         TEXT
);
INSERT INTO blocker_sync (id) VALUES (1);

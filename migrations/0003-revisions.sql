-- Git revisions working groups hand to the release team: one row per repository per submission.
-- A submission covers one working group and one or more of its repositories.
CREATE TABLE revision_submissions (
  id            INTEGER PRIMARY KEY,
  release_id    INTEGER NOT NULL REFERENCES releases(id),
  wg_id         INTEGER NOT NULL REFERENCES working_groups(id),
  submitted_by  TEXT NOT NULL,
  submitted_at  TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE revisions (
  id                   INTEGER PRIMARY KEY,
  submission_id        INTEGER NOT NULL REFERENCES revision_submissions(id),
  release_id           INTEGER NOT NULL REFERENCES releases(id),
  wg_id                INTEGER NOT NULL REFERENCES working_groups(id),
  repo                 TEXT NOT NULL,
  -- The revision as the person typed it, and what GitHub resolved it to.
  revision             TEXT NOT NULL,
  kind                 TEXT CHECK (kind IN ('tag', 'branch', 'commit')),
  commit_sha           TEXT,
  version              TEXT,
  status               TEXT NOT NULL CHECK (status IN
                         ('pending_validation', 'accepted', 'needs_exception', 'denied', 'rejected')),
  -- Submitted from the first day of Feature Freeze on: the bug-fix-only rules apply.
  freeze               INTEGER NOT NULL DEFAULT 0,
  -- JSON arrays/objects: warnings shown to the submitter; why it was held or rejected, the
  -- commits and pull requests since the previous revision, the GitHub release's URL.
  warnings             TEXT NOT NULL DEFAULT '[]',
  review               TEXT NOT NULL DEFAULT '{}',
  validation_attempts  INTEGER NOT NULL DEFAULT 0,
  next_validation_at   TEXT,
  last_error           TEXT,
  decided_by           TEXT,
  decided_at           TEXT,
  decision_reason      TEXT,
  updated_at           TEXT NOT NULL
);
CREATE INDEX revisions_release_repo ON revisions (release_id, repo, id);
CREATE INDEX revisions_pending ON revisions (status, next_validation_at);

-- The release branch, RC tags and final tag kfrelease found in the manifests repository, and the
-- distribution representatives' sign-offs on the RCs. Moments are UTC ISO timestamps.

-- One row per release and artifact, written the first time a check finds it and kept from then on.
-- `milestone` is the plan's key (release_branch, rc.0 .. rc.N, release); RCs the plan does not
-- list (rc.4) are kept too. `name` is the branch or tag as found, `normalized` the spelling the
-- plan uses (v1.10.0-rc.2 for a tag found as 1.10.0-rc.2), `note` says what was odd about it.
CREATE TABLE release_artifacts (
  id             INTEGER PRIMARY KEY,
  release_id     INTEGER NOT NULL REFERENCES releases(id),
  milestone      TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('branch', 'tag')),
  rc             INTEGER,
  name           TEXT NOT NULL,
  normalized     TEXT NOT NULL,
  -- For a branch: its head when first seen.
  commit_sha     TEXT NOT NULL,
  commit_date    TEXT,
  first_seen_at  TEXT NOT NULL,
  note           TEXT,
  UNIQUE (release_id, milestone)
);

-- The last time each release's manifests repository was checked, and how it went.
CREATE TABLE artifact_checks (
  release_id     INTEGER PRIMARY KEY REFERENCES releases(id),
  repo           TEXT NOT NULL,
  checked_at     TEXT NOT NULL,
  succeeded_at   TEXT,
  -- Null when the last check succeeded.
  last_error     TEXT
);

-- Every sign-off ever given: nothing is overwritten or deleted. A distribution's standing is its
-- latest sign-off on the newest RC found; one on an older RC is history ("re-test on rc.N").
CREATE TABLE distribution_signoffs (
  id                  INTEGER PRIMARY KEY,
  release_id          INTEGER NOT NULL REFERENCES releases(id),
  distribution        TEXT NOT NULL,
  -- The RC tested: its milestone key (rc.2), number and tag name as kfrelease writes it.
  rc_key              TEXT NOT NULL,
  rc                  INTEGER NOT NULL,
  rc_tag              TEXT NOT NULL,
  result              TEXT NOT NULL CHECK (result IN ('thumbs_up', 'blocked')),
  -- JSON array of owner/repo#number.
  blocking_issues     TEXT NOT NULL DEFAULT '[]',
  kubernetes_version  TEXT NOT NULL,
  evidence_url        TEXT,
  notes               TEXT NOT NULL DEFAULT '',
  signed_by           TEXT NOT NULL,
  signed_at           TEXT NOT NULL
);
CREATE INDEX distribution_signoffs_release ON distribution_signoffs (release_id, distribution, id);

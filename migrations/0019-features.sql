-- The features each working group means to land in a release (the handbook: "Working Groups
-- should be tracking features for the release, as well as the documentation status of each
-- feature"), from Development to the announcement. Moments are UTC ISO timestamps.
CREATE TABLE features (
  id              INTEGER PRIMARY KEY,
  release_id      INTEGER NOT NULL REFERENCES releases(id),
  wg_id           INTEGER NOT NULL REFERENCES working_groups(id),
  title           TEXT NOT NULL,
  -- The GitHub issue or pull request that tracks it, and what GitHub last said about it.
  owner           TEXT NOT NULL,
  repo            TEXT NOT NULL,
  number          INTEGER NOT NULL,
  url             TEXT NOT NULL,
  is_pull_request INTEGER NOT NULL CHECK (is_pull_request IN (0, 1)),
  github_title    TEXT NOT NULL,
  github_state    TEXT NOT NULL CHECK (github_state IN ('open', 'closed', 'merged')),
  -- JSON array of label names.
  labels          TEXT NOT NULL DEFAULT '[]',
  github_updated_at TEXT NOT NULL DEFAULT '',
  docs_needed     INTEGER NOT NULL DEFAULT 0 CHECK (docs_needed IN (0, 1)),
  -- The kubeflow.org pages to change, as typed (one a line).
  docs_pages      TEXT NOT NULL DEFAULT '',
  -- The docs item that follows its documentation (created or linked when docs are needed).
  docs_item_id    INTEGER REFERENCES docs_items(id),
  highlight       INTEGER NOT NULL DEFAULT 0 CHECK (highlight IN (0, 1)),
  state           TEXT NOT NULL DEFAULT 'tracked'
                  CHECK (state IN ('tracked', 'at_risk', 'landed', 'punted')),
  -- Why it was punted (required then).
  reason          TEXT NOT NULL DEFAULT '',
  state_by        TEXT,
  state_at        TEXT,
  -- Set when the release manager or the WG's liaison kept an at-risk feature in the release.
  kept_by         TEXT,
  kept_at         TEXT,
  landed_at       TEXT,
  -- Set once the Docs Lead was told it landed without its docs done: told once only.
  docs_flagged_at TEXT,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  synced_at       TEXT
);
-- One feature per issue or pull request and release (GitHub ignores case in names).
CREATE UNIQUE INDEX features_ref ON features (release_id, lower(owner), lower(repo), number);
CREATE INDEX features_release ON features (release_id, wg_id, id);

-- Per-release settings of the feature list: whether the public schedule shows landed features.
CREATE TABLE feature_settings (
  release_id     INTEGER PRIMARY KEY REFERENCES releases(id),
  public_landed  INTEGER NOT NULL DEFAULT 1 CHECK (public_landed IN (0, 1)),
  updated_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

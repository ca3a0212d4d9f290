-- The one release tracking issue on GitHub the handbook asks for, and the documentation work the
-- working groups and the Docs Lead record for a release.

-- One tracking issue per release. The row is written before the issue is created, with no number
-- yet, so two people running setup at once create one issue, not two.
CREATE TABLE tracking_issues (
  release_id    INTEGER PRIMARY KEY REFERENCES releases(id),
  repo          TEXT NOT NULL,
  issue_number  INTEGER,
  url           TEXT,
  -- SHA-256 of the body last written to GitHub: the body is only sent again when it changed.
  body_hash     TEXT,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  synced_at     TEXT
);

-- A feature that needs (or may need) a change to the kubeflow.org documentation.
CREATE TABLE docs_items (
  id          INTEGER PRIMARY KEY,
  release_id  INTEGER NOT NULL REFERENCES releases(id),
  wg_id       INTEGER NOT NULL REFERENCES working_groups(id),
  feature     TEXT NOT NULL,
  -- The pages affected, as the person wrote them (URLs or paths, one a line).
  pages       TEXT NOT NULL DEFAULT '',
  -- Slack user ID of whoever writes the change; NULL until someone takes it.
  owner       TEXT,
  status      TEXT NOT NULL DEFAULT 'needed'
              CHECK (status IN ('needed', 'in_progress', 'done', 'not_needed')),
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX docs_items_release ON docs_items (release_id, wg_id, id);

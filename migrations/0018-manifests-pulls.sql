-- The manifests sync pull requests kfrelease opened: one per release and component (the keys of
-- manifests_sync in config/kubeflow.yml), on branch kfrelease/<release>/<component> of the
-- manifests repository. `writing_since` claims the row while kfrelease writes the branch and the
-- pull request, so two requests never write at once; a claim older than ten minutes is stale.
CREATE TABLE manifests_pulls (
  release_id     INTEGER NOT NULL REFERENCES releases(id),
  component      TEXT NOT NULL,
  manifests_repo TEXT NOT NULL,
  branch         TEXT NOT NULL,
  -- The accepted revision the branch carries, and the upstream repository it is of.
  upstream_repo  TEXT,
  revision_id    INTEGER REFERENCES revisions(id),
  revision       TEXT,
  number         INTEGER,
  url            TEXT,
  state          TEXT CHECK (state IN ('open', 'closed', 'merged')),
  head_sha       TEXT,
  opened_by      TEXT,
  written_at     TEXT,
  synced_at      TEXT,
  writing_since  TEXT,
  PRIMARY KEY (release_id, component)
);

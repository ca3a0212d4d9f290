-- What each working group declared from Feature Freeze on: the version each of its components is
-- expected to ship as, and the range of each common dependency (config/dependencies.yml) it
-- supports. Every declaration is kept; a working group's latest one counts. Moments are UTC ISO
-- timestamps.
CREATE TABLE dependency_declarations (
  id                 INTEGER PRIMARY KEY,
  release_id         INTEGER NOT NULL REFERENCES releases(id),
  wg_id              INTEGER NOT NULL REFERENCES working_groups(id),
  -- JSON object: component name -> expected final version as typed (v1.10.0, 2.5.0).
  expected_versions  TEXT NOT NULL DEFAULT '{}',
  -- JSON object: dependency id -> supported range as typed (>=1.29 <1.32); a dependency the
  -- working group does not depend on is left out.
  ranges             TEXT NOT NULL DEFAULT '{}',
  declared_by        TEXT NOT NULL,
  declared_at        TEXT NOT NULL
);
CREATE INDEX dependency_declarations_release ON dependency_declarations (release_id, wg_id, id);

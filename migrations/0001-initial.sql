-- Releases, their plans (the first plan and every re-plan), people, team roles,
-- working groups with their repositories and components, and the audit log.
-- Dates of phases and milestones are calendar dates (YYYY-MM-DD) in the release's time zone;
-- moments (created_at, at) are UTC ISO timestamps.

CREATE TABLE releases (
  id            INTEGER PRIMARY KEY,
  version       TEXT NOT NULL UNIQUE,
  template      TEXT NOT NULL,
  time_zone     TEXT NOT NULL,
  start_date    TEXT NOT NULL,
  slack_channel TEXT,
  status        TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'released', 'cancelled')),
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL
);

-- Plan 1 is the first plan; every re-plan adds a whole new plan, so slip is always computable.
CREATE TABLE plans (
  id          INTEGER PRIMARY KEY,
  release_id  INTEGER NOT NULL REFERENCES releases(id),
  revision    INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  UNIQUE (release_id, revision)
);

CREATE TABLE plan_phases (
  plan_id    INTEGER NOT NULL REFERENCES plans(id),
  phase      TEXT NOT NULL,
  name       TEXT NOT NULL,
  position   INTEGER NOT NULL,
  starts_on  TEXT NOT NULL,
  ends_on    TEXT NOT NULL,
  PRIMARY KEY (plan_id, phase)
);

CREATE TABLE plan_milestones (
  plan_id    INTEGER NOT NULL REFERENCES plans(id),
  milestone  TEXT NOT NULL,
  name       TEXT NOT NULL,
  phase      TEXT NOT NULL,
  due_on     TEXT NOT NULL,
  optional   INTEGER NOT NULL DEFAULT 0,
  owner      TEXT NOT NULL,
  artifact   TEXT,
  PRIMARY KEY (plan_id, milestone)
);

CREATE TABLE people (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  github        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  slack_id      TEXT UNIQUE,
  organization  TEXT NOT NULL DEFAULT ''
);

-- Working groups come from config/kubeflow.yml; one that leaves the file is retired, not deleted,
-- so the history of earlier releases still names it.
CREATE TABLE working_groups (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
  retired  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE wg_repositories (
  wg_id  INTEGER NOT NULL REFERENCES working_groups(id),
  repo   TEXT NOT NULL,
  PRIMARY KEY (wg_id, repo)
);

CREATE TABLE wg_components (
  id     INTEGER PRIMARY KEY,
  wg_id  INTEGER NOT NULL REFERENCES working_groups(id),
  name   TEXT NOT NULL,
  repo   TEXT NOT NULL,
  kind   TEXT NOT NULL DEFAULT 'wg' CHECK (kind IN ('wg', 'common')),
  UNIQUE (wg_id, name)
);

CREATE TABLE team_roles (
  id            INTEGER PRIMARY KEY,
  release_id    INTEGER NOT NULL REFERENCES releases(id),
  person_id     INTEGER NOT NULL REFERENCES people(id),
  role          TEXT NOT NULL CHECK (role IN ('release_manager', 'team_member', 'product_manager',
                  'docs_lead', 'wg_docs_lead', 'wg_test_lead', 'distribution_rep')),
  wg_id         INTEGER REFERENCES working_groups(id),
  distribution  TEXT,
  shadow        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX team_roles_unique
  ON team_roles (release_id, person_id, role, COALESCE(wg_id, 0), COALESCE(distribution, ''), shadow);
CREATE INDEX team_roles_person ON team_roles (person_id);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  release_id  INTEGER REFERENCES releases(id),
  action      TEXT NOT NULL,
  details     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_release ON audit_log (release_id, id);

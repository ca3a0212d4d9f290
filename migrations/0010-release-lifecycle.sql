-- Releases as they really happen: closing and cancelling by hand, and what actually shipped when.
-- releases.status keeps its stored values: 'active' is a live release, 'released' a closed one
-- (the name predates closing by hand; the code calls it closed), 'cancelled' a cancelled one.
ALTER TABLE releases ADD COLUMN closed_at TEXT;
ALTER TABLE releases ADD COLUMN closed_by TEXT;
ALTER TABLE releases ADD COLUMN close_reason TEXT;

-- The day a milestone was actually done, next to the plan: found from its tag on the manifests
-- repository, or recorded by the release manager (release day with `release shipped`). One per
-- milestone; a date recorded by hand wins over one read from a tag.
CREATE TABLE milestone_actuals (
  release_id  INTEGER NOT NULL REFERENCES releases(id),
  milestone   TEXT NOT NULL,
  done_on     TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('tag', 'manual')),
  ref         TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (release_id, milestone)
);

-- Issue 18: the lists people ask for cost what they show, however many rows a release has.
--
-- How many tracked issues each working group has in each state, triage decision and reported
-- blocking claim, kept by triggers as the blockers change: `/kfrelease blockers`, status, App Home
-- and the phase checklist count from these few rows instead of walking every tracked issue.
-- Rows that fall to 0 stay; readers skip them.
CREATE TABLE blocker_tallies (
  release_id      INTEGER NOT NULL,
  wg_id           INTEGER NOT NULL,
  state           TEXT NOT NULL,
  decision        TEXT NOT NULL,
  blocks_release  INTEGER NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (release_id, wg_id, state, decision, blocks_release)
);

INSERT INTO blocker_tallies (release_id, wg_id, state, decision, blocks_release, n)
  SELECT release_id, wg_id, state, decision, blocks_release, COUNT(*) FROM blockers
  GROUP BY release_id, wg_id, state, decision, blocks_release;

CREATE TRIGGER blockers_tally_insert AFTER INSERT ON blockers BEGIN
  INSERT INTO blocker_tallies (release_id, wg_id, state, decision, blocks_release, n)
    VALUES (NEW.release_id, NEW.wg_id, NEW.state, NEW.decision, NEW.blocks_release, 1)
    ON CONFLICT (release_id, wg_id, state, decision, blocks_release) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER blockers_tally_delete AFTER DELETE ON blockers BEGIN
  UPDATE blocker_tallies SET n = n - 1
    WHERE release_id = OLD.release_id AND wg_id = OLD.wg_id AND state = OLD.state
      AND decision = OLD.decision AND blocks_release = OLD.blocks_release;
END;

CREATE TRIGGER blockers_tally_update
  AFTER UPDATE OF release_id, wg_id, state, decision, blocks_release ON blockers
  WHEN OLD.release_id IS NOT NEW.release_id OR OLD.wg_id IS NOT NEW.wg_id OR OLD.state IS NOT NEW.state
    OR OLD.decision IS NOT NEW.decision OR OLD.blocks_release IS NOT NEW.blocks_release
BEGIN
  UPDATE blocker_tallies SET n = n - 1
    WHERE release_id = OLD.release_id AND wg_id = OLD.wg_id AND state = OLD.state
      AND decision = OLD.decision AND blocks_release = OLD.blocks_release;
  INSERT INTO blocker_tallies (release_id, wg_id, state, decision, blocks_release, n)
    VALUES (NEW.release_id, NEW.wg_id, NEW.state, NEW.decision, NEW.blocks_release, 1)
    ON CONFLICT (release_id, wg_id, state, decision, blocks_release) DO UPDATE SET n = n + 1;
END;

-- A working group's tracked issues in the order `/kfrelease blockers` lists them: open ones by
-- triage rank (release-blocking 0, at risk 1, the rest 2), then closed (3) and punted (4), each
-- oldest first. The list reads the first rows of each part from here and stops.
CREATE INDEX blockers_list_order ON blockers (
  release_id,
  wg_id,
  (CASE WHEN state <> 'open' THEN 3 WHEN decision = 'punted' THEN 4
     WHEN decision = 'release_blocking' OR (decision = 'none' AND blocks_release = 1) THEN 0
     WHEN decision = 'at_risk' THEN 1 ELSE 2 END),
  submitted_at,
  id
);

-- The oldest refresh from GitHub of a working group's tracked issues, without reading them all.
CREATE INDEX blockers_release_synced ON blockers (release_id, wg_id, last_synced_at);

-- The decision log reads only the release manager's decisions out of everything the audit log
-- records for a release (each tracked issue and revision adds entries), a page at a time.
CREATE INDEX audit_log_release_action ON audit_log (release_id, action, id);

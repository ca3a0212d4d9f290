-- Every uncached /kfrelease status counts a release's open tracked issues per working group and
-- triage decision. Counted from the issues themselves, that costs time in proportion to how many
-- the release tracks. This table keeps the counts instead, kept right by triggers on every insert,
-- change and delete of a tracked issue, so status reads a few rows per working group whether the
-- release tracks fifty issues or fifty thousand.
CREATE TABLE blocker_counts (
  release_id      INTEGER NOT NULL,
  state           TEXT NOT NULL,
  wg_id           INTEGER NOT NULL,
  decision        TEXT NOT NULL,
  blocks_release  INTEGER NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (release_id, state, wg_id, decision, blocks_release)
);

INSERT INTO blocker_counts (release_id, state, wg_id, decision, blocks_release, n)
SELECT release_id, state, wg_id, decision, blocks_release, COUNT(*) FROM blockers
GROUP BY release_id, state, wg_id, decision, blocks_release;

CREATE TRIGGER blocker_counts_insert AFTER INSERT ON blockers
BEGIN
  INSERT INTO blocker_counts (release_id, state, wg_id, decision, blocks_release, n)
  VALUES (new.release_id, new.state, new.wg_id, new.decision, new.blocks_release, 1)
  ON CONFLICT (release_id, state, wg_id, decision, blocks_release) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER blocker_counts_delete AFTER DELETE ON blockers
BEGIN
  UPDATE blocker_counts SET n = n - 1
  WHERE release_id = old.release_id AND state = old.state AND wg_id = old.wg_id
    AND decision = old.decision AND blocks_release = old.blocks_release;
  DELETE FROM blocker_counts
  WHERE release_id = old.release_id AND state = old.state AND wg_id = old.wg_id
    AND decision = old.decision AND blocks_release = old.blocks_release AND n = 0;
END;

CREATE TRIGGER blocker_counts_update AFTER UPDATE OF release_id, state, wg_id, decision, blocks_release ON blockers
WHEN old.release_id IS NOT new.release_id OR old.state IS NOT new.state OR old.wg_id IS NOT new.wg_id
  OR old.decision IS NOT new.decision OR old.blocks_release IS NOT new.blocks_release
BEGIN
  UPDATE blocker_counts SET n = n - 1
  WHERE release_id = old.release_id AND state = old.state AND wg_id = old.wg_id
    AND decision = old.decision AND blocks_release = old.blocks_release;
  DELETE FROM blocker_counts
  WHERE release_id = old.release_id AND state = old.state AND wg_id = old.wg_id
    AND decision = old.decision AND blocks_release = old.blocks_release AND n = 0;
  INSERT INTO blocker_counts (release_id, state, wg_id, decision, blocks_release, n)
  VALUES (new.release_id, new.state, new.wg_id, new.decision, new.blocks_release, 1)
  ON CONFLICT (release_id, state, wg_id, decision, blocks_release) DO UPDATE SET n = n + 1;
END;

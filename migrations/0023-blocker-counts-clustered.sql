-- Issue 18: blocker_counts kept as one b-tree in the order of its key (WITHOUT ROWID). Every
-- status answer reads its release's few rows; as a rowid table with a separate key index, that
-- read went through the index and then the table, and after another connection's write SQLite
-- reads every one of those pages again. The triggers of 0021 name the table, so it keeps its name:
-- dropped, made again, and counted again from blockers as 0021 counted it.
DROP TABLE blocker_counts;

CREATE TABLE blocker_counts (
  release_id      INTEGER NOT NULL,
  state           TEXT NOT NULL,
  wg_id           INTEGER NOT NULL,
  decision        TEXT NOT NULL,
  blocks_release  INTEGER NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (release_id, state, wg_id, decision, blocks_release)
) WITHOUT ROWID;

INSERT INTO blocker_counts (release_id, state, wg_id, decision, blocks_release, n)
SELECT release_id, state, wg_id, decision, blocks_release, COUNT(*) FROM blockers
GROUP BY release_id, state, wg_id, decision, blocks_release;

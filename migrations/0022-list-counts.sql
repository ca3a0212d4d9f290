-- Issue 18: the lists people ask for cost what they show, however many rows a release has.
--
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

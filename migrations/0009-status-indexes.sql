-- Every /kfrelease status and phase checklist counts a release's open tracked issues by triage
-- decision and reads each component's latest and latest accepted revision. These indexes hold
-- every column those queries read, so SQLite answers them from the index alone instead of
-- visiting each of the release's rows.
CREATE INDEX blockers_release_open ON blockers (release_id, state, decision, blocks_release, wg_id);
CREATE INDEX revisions_release_latest ON revisions (release_id, wg_id, repo, status, id);

-- Components the release manager marked as not shipping in a release: no revision is owed for
-- them, and they are shown as not shipping rather than missing. Removing the mark deletes the row;
-- the audit log keeps who marked and unmarked what, and why.
CREATE TABLE component_skips (
  release_id    INTEGER NOT NULL REFERENCES releases(id),
  component_id  INTEGER NOT NULL REFERENCES wg_components(id) ON DELETE CASCADE,
  reason        TEXT NOT NULL,
  skipped_by    TEXT NOT NULL,
  skipped_at    TEXT NOT NULL,
  PRIMARY KEY (release_id, component_id)
);

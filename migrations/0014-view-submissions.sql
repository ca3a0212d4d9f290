-- Each form submission kfrelease acted on, by the view's ID and a digest of its hash (which changes
-- whenever the form does) and of what was filled in: the same submission again (a replay, a
-- double click, a retry by Slack) is answered as the first one was and changes nothing. Kept for a day.
CREATE TABLE view_submissions (
  view_id      TEXT NOT NULL,
  submission   TEXT NOT NULL,
  callback_id  TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  response     TEXT,
  at           TEXT NOT NULL,
  PRIMARY KEY (view_id, submission)
);
CREATE INDEX view_submissions_at ON view_submissions (at);

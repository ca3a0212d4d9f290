-- A failed outbox entry can be sent again by hand (`kfrelease outbox retry`, the Retry button of
-- the message that reports it). The sender gives up once `attempts` reaches its maximum, and looks
-- for the message in Slack before posting whenever an earlier attempt was made (`attempts` > 0).
-- So a retry sets `attempts` back to 1, not 0: the next attempt still looks in Slack first (an
-- attempt given up after a lost answer may in fact have posted), and the entry gets as many
-- attempts again as one whose first attempt failed. What the retry overwrites (the attempts, the
-- last error) is kept in the audit log ('outbox.retried'). Here: how often the entry was retried,
-- which also keys a new failure report apart from the earlier ones, and the last retry: when, and
-- by whom (a Slack user ID, or `cli:<name>`).
ALTER TABLE outbox ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN retried_at TEXT;
ALTER TABLE outbox ADD COLUMN retried_by TEXT;

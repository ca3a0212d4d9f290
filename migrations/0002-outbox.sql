-- Every message kfrelease posts goes through this table first, written in the same transaction
-- as the change it reports. A sender delivers it; `key` is also sent in the message's metadata,
-- so after a lost answer the sender can look in the channel's history instead of posting twice.
CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  key              TEXT NOT NULL UNIQUE,
  release_id       INTEGER REFERENCES releases(id),
  -- A channel ID (C..., G...) or a user ID (U..., W...) for a direct message.
  channel          TEXT NOT NULL,
  -- JSON: { text, blocks }.
  payload          TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  sent_at          TEXT,
  -- Where it landed: the conversation ID (a D... for direct messages) and the message ts.
  posted_channel   TEXT,
  message_ts       TEXT,
  last_error       TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

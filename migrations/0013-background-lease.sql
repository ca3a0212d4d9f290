-- Background work (the scheduler, the outbox sender, upkeep, revalidation) runs in one process at
-- a time: the one holding this lease. It renews the lease while it runs; another process takes it
-- over once it has expired (the holder died or hangs). Times are the machines' wall clock in
-- milliseconds since the epoch, never KFRELEASE_NOW.
CREATE TABLE background_lease (
  name          TEXT PRIMARY KEY,
  owner         TEXT NOT NULL,
  acquired_at   INTEGER NOT NULL,
  renewed_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL
);

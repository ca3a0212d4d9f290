-- An outbox entry may edit a message posted earlier instead of posting a new one: `replaces` is
-- the key of that message (an agenda that changed after it went out, say). The payload is the
-- message as it should read now; the sender updates the posted message in place.
ALTER TABLE outbox ADD COLUMN replaces TEXT;

-- Choosing the current release reads only the live ones (a handful) out of every release ever
-- made: this index keeps that lookup the same size however many past releases there are.
CREATE INDEX releases_status ON releases (status);

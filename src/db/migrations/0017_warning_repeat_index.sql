-- A warning that repeats an earlier one points at it. Without an index on that reference, deleting or
-- re-pointing a warning makes PostgreSQL scan the whole table for rows pointing at it (the foreign key
-- check); the statistics bench measured seconds per statement at a city's year. Few warnings are repeats,
-- so a partial index stays small.
CREATE INDEX warnings_repeat_of_idx ON warnings (repeat_of_id) WHERE repeat_of_id IS NOT NULL;

-- Open-warning counters per unit and grade, kept by statement-level triggers, so the live board of a
-- city with a large backlog sums a few hundred counter rows instead of counting every open warning.
-- Overdue here is the stored flag the sweeper sets; the board adds the few items past due since its
-- last run from a small partial index.

CREATE TABLE warning_open_counts (
  org_id     bigint NOT NULL REFERENCES orgs(id),
  level      text NOT NULL CHECK (level IN ('emergency','high','normal')),
  open_n     bigint NOT NULL DEFAULT 0,
  triage_n   bigint NOT NULL DEFAULT 0,
  overdue_n  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, level)
);

CREATE FUNCTION warning_open_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows are upserted in (org_id, level) order, so concurrent statements take the counter locks in the
  -- same order and cannot deadlock each other on them.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO warning_open_counts AS c (org_id, level, open_n, triage_n, overdue_n)
    SELECT assigned_org_id, level, count(*), count(*) FILTER (WHERE status = 'received'), count(*) FILTER (WHERE overdue)
    FROM new_rows WHERE status <> 'closed'
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (org_id, level) DO UPDATE SET open_n = c.open_n + excluded.open_n,
      triage_n = c.triage_n + excluded.triage_n, overdue_n = c.overdue_n + excluded.overdue_n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO warning_open_counts AS c (org_id, level, open_n, triage_n, overdue_n)
    SELECT org_id, level, sum(o), sum(t), sum(d) FROM (
      SELECT assigned_org_id AS org_id, level, 1 AS o, (status = 'received')::int AS t, overdue::int AS d
      FROM new_rows WHERE status <> 'closed'
      UNION ALL
      SELECT assigned_org_id, level, -1, -(status = 'received')::int, -(overdue::int)
      FROM old_rows WHERE status <> 'closed'
    ) delta
    GROUP BY 1, 2 HAVING sum(o) <> 0 OR sum(t) <> 0 OR sum(d) <> 0 ORDER BY 1, 2
    ON CONFLICT (org_id, level) DO UPDATE SET open_n = c.open_n + excluded.open_n,
      triage_n = c.triage_n + excluded.triage_n, overdue_n = c.overdue_n + excluded.overdue_n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO warning_open_counts AS c (org_id, level, open_n, triage_n, overdue_n)
    SELECT assigned_org_id, level, -count(*), -count(*) FILTER (WHERE status = 'received'), -count(*) FILTER (WHERE overdue)
    FROM old_rows WHERE status <> 'closed'
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (org_id, level) DO UPDATE SET open_n = c.open_n + excluded.open_n,
      triage_n = c.triage_n + excluded.triage_n, overdue_n = c.overdue_n + excluded.overdue_n;
  ELSE -- TRUNCATE
    DELETE FROM warning_open_counts;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER warning_open_counts_ins AFTER INSERT ON warnings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION warning_open_counts_apply();
CREATE TRIGGER warning_open_counts_upd AFTER UPDATE ON warnings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION warning_open_counts_apply();
CREATE TRIGGER warning_open_counts_del AFTER DELETE ON warnings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION warning_open_counts_apply();
CREATE TRIGGER warning_open_counts_trunc AFTER TRUNCATE ON warnings
  FOR EACH STATEMENT EXECUTE FUNCTION warning_open_counts_apply();

INSERT INTO warning_open_counts (org_id, level, open_n, triage_n, overdue_n)
SELECT assigned_org_id, level, count(*), count(*) FILTER (WHERE status = 'received'), count(*) FILTER (WHERE overdue)
FROM warnings WHERE status <> 'closed' GROUP BY 1, 2;

-- Open items whose deadline passed but which the sweeper has not flagged yet (seconds' worth).
CREATE INDEX warnings_unflagged_due_idx ON warnings (due_at) WHERE status <> 'closed' AND NOT overdue;

-- Case-involved cards per opener (bank branch / operator outlet) and China-time day, kept by statement-level
-- triggers, so the accountability ranking over a year sums a few thousand counter rows instead of grouping
-- every lead of the year. Counted as the ranking counts: leads from cases or the ministry, with a known
-- opener, not struck off (核减); `closed` are the verified ones, `punished` those with a punishable outcome.

CREATE TABLE lead_opener_days (
  day        date   NOT NULL,
  org_id     bigint NOT NULL REFERENCES orgs(id),
  leads      bigint NOT NULL DEFAULT 0,
  closed     bigint NOT NULL DEFAULT 0,
  punished   bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, org_id)
);

CREATE FUNCTION lead_opener_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows are upserted in (day, org_id) order, so concurrent statements take the counter locks in the
  -- same order and cannot deadlock each other on them.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO lead_opener_days AS c (day, org_id, leads, closed, punished)
    SELECT day, org_id, sum(n), sum(cl), sum(p) FROM (
      SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, opened_at_org_id AS org_id, 1 AS n,
             (status = 'closed')::int AS cl, coalesce(outcome IN ('criminal','administrative','punishment_proposal'), false)::int AS p
      FROM new_rows WHERE opened_at_org_id IS NOT NULL AND source IN ('case','ministry') AND (outcome IS NULL OR outcome <> 'struck_off')
    ) delta
    GROUP BY 1, 2 HAVING sum(n) <> 0 OR sum(cl) <> 0 OR sum(p) <> 0 ORDER BY 1, 2
    ON CONFLICT (day, org_id) DO UPDATE SET leads = c.leads + excluded.leads,
      closed = c.closed + excluded.closed, punished = c.punished + excluded.punished;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO lead_opener_days AS c (day, org_id, leads, closed, punished)
    SELECT day, org_id, sum(n), sum(cl), sum(p) FROM (
      SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, opened_at_org_id AS org_id, 1 AS n,
             (status = 'closed')::int AS cl, coalesce(outcome IN ('criminal','administrative','punishment_proposal'), false)::int AS p
      FROM new_rows WHERE opened_at_org_id IS NOT NULL AND source IN ('case','ministry') AND (outcome IS NULL OR outcome <> 'struck_off')
      UNION ALL
      SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, opened_at_org_id AS org_id, -1 AS n,
             -(status = 'closed')::int AS cl, -coalesce(outcome IN ('criminal','administrative','punishment_proposal'), false)::int AS p
      FROM old_rows WHERE opened_at_org_id IS NOT NULL AND source IN ('case','ministry') AND (outcome IS NULL OR outcome <> 'struck_off')
    ) delta
    GROUP BY 1, 2 HAVING sum(n) <> 0 OR sum(cl) <> 0 OR sum(p) <> 0 ORDER BY 1, 2
    ON CONFLICT (day, org_id) DO UPDATE SET leads = c.leads + excluded.leads,
      closed = c.closed + excluded.closed, punished = c.punished + excluded.punished;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO lead_opener_days AS c (day, org_id, leads, closed, punished)
    SELECT day, org_id, sum(n), sum(cl), sum(p) FROM (
      SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, opened_at_org_id AS org_id, -1 AS n,
             -(status = 'closed')::int AS cl, -coalesce(outcome IN ('criminal','administrative','punishment_proposal'), false)::int AS p
      FROM old_rows WHERE opened_at_org_id IS NOT NULL AND source IN ('case','ministry') AND (outcome IS NULL OR outcome <> 'struck_off')
    ) delta
    GROUP BY 1, 2 HAVING sum(n) <> 0 OR sum(cl) <> 0 OR sum(p) <> 0 ORDER BY 1, 2
    ON CONFLICT (day, org_id) DO UPDATE SET leads = c.leads + excluded.leads,
      closed = c.closed + excluded.closed, punished = c.punished + excluded.punished;
  ELSE -- TRUNCATE
    DELETE FROM lead_opener_days;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER lead_opener_days_ins AFTER INSERT ON card_leads
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_opener_days_apply();
CREATE TRIGGER lead_opener_days_upd AFTER UPDATE ON card_leads
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_opener_days_apply();
CREATE TRIGGER lead_opener_days_del AFTER DELETE ON card_leads
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_opener_days_apply();
CREATE TRIGGER lead_opener_days_trunc AFTER TRUNCATE ON card_leads
  FOR EACH STATEMENT EXECUTE FUNCTION lead_opener_days_apply();

INSERT INTO lead_opener_days (day, org_id, leads, closed, punished)
SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date, opened_at_org_id, count(*),
       count(*) FILTER (WHERE status = 'closed'), count(*) FILTER (WHERE outcome IN ('criminal','administrative','punishment_proposal'))
FROM card_leads
WHERE opened_at_org_id IS NOT NULL AND source IN ('case','ministry') AND (outcome IS NULL OR outcome <> 'struck_off')
GROUP BY 1, 2;

-- Statistics (统计研判): daily figures per unit kept by statement-level triggers, so the dashboard of a
-- city over a year sums counter rows instead of scanning every warning, case and payment. Each row is
-- (China-time day, unit, metric, value); the KPIs in src/modules/stats/kpis.ts are formulas over sums of
-- metrics (docs/kpis.md). Warnings count on the day they were received (their outcome too, as the warning
-- statistics always have); other records on the day of the event the metric names (reported, solved,
-- stopped, frozen, paid …); each for the unit that holds the record now.

-- Cases: when a case was solved and prosecuted, and how many suspects were caught and sent to prosecution.
ALTER TABLE cases ADD COLUMN solved_at timestamptz;
ALTER TABLE cases ADD COLUMN prosecuted_at timestamptz;
ALTER TABLE cases ADD COLUMN suspects_arrested integer NOT NULL DEFAULT 0 CHECK (suspects_arrested >= 0);
ALTER TABLE cases ADD COLUMN suspects_prosecuted integer NOT NULL DEFAULT 0 CHECK (suspects_prosecuted >= 0);
UPDATE cases c SET solved_at = e.at FROM (
  SELECT case_id, min(at) AS at FROM case_events WHERE to_status = 'solved' GROUP BY case_id) e
WHERE e.case_id = c.id AND c.status IN ('solved', 'prosecuted');
UPDATE cases c SET prosecuted_at = e.at FROM (
  SELECT case_id, min(at) AS at FROM case_events WHERE to_status = 'prosecuted' GROUP BY case_id) e
WHERE e.case_id = c.id AND c.status = 'prosecuted';

CREATE FUNCTION china_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((t AT TIME ZONE 'UTC') + interval '8 hours')::date $$;

-- Victims' age bands of the victim profile.
CREATE FUNCTION age_band(age integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN age IS NULL THEN 'unknown' WHEN age < 18 THEN '0-17' WHEN age < 26 THEN '18-25'
              WHEN age < 36 THEN '26-35' WHEN age < 46 THEN '36-45' WHEN age < 61 THEN '46-60' ELSE '61+' END $$;

CREATE TABLE stat_days (
  day     date    NOT NULL,
  org_id  bigint  NOT NULL REFERENCES orgs(id),
  metric  text    NOT NULL,
  n       numeric NOT NULL DEFAULT 0,
  PRIMARY KEY (day, org_id, metric)
);
-- The dashboard reads one metric (or a family, by prefix) over a span of days, for all units or a few.
CREATE INDEX stat_days_metric_idx ON stat_days (metric text_pattern_ops, day, org_id) INCLUDE (n);
CREATE INDEX stat_days_org_idx ON stat_days (org_id, metric, day) INCLUDE (n);

-- The same figures per month, kept from stat_days by its own trigger: a year of a city is a few thousand
-- month rows instead of hundreds of thousands of day rows; a period's partial months come from stat_days.
CREATE TABLE stat_months (
  month   date    NOT NULL CHECK (extract(day FROM month) = 1),
  org_id  bigint  NOT NULL REFERENCES orgs(id),
  metric  text    NOT NULL,
  n       numeric NOT NULL DEFAULT 0,
  PRIMARY KEY (month, org_id, metric)
);
CREATE INDEX stat_months_metric_idx ON stat_months (metric text_pattern_ops, month, org_id) INCLUDE (n);
CREATE INDEX stat_months_org_idx ON stat_months (org_id, metric, month) INCLUDE (n);

CREATE FUNCTION stat_months_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stat_months AS s (month, org_id, metric, n)
    SELECT date_trunc('month', day)::date, org_id, metric, sum(n) FROM new_rows GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (month, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stat_months AS s (month, org_id, metric, n)
    SELECT month, org_id, metric, sum(n) FROM (
      SELECT date_trunc('month', day)::date AS month, org_id, metric, n FROM new_rows
      UNION ALL
      SELECT date_trunc('month', day)::date, org_id, metric, -n FROM old_rows) d
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (month, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stat_months AS s (month, org_id, metric, n)
    SELECT date_trunc('month', day)::date, org_id, metric, -sum(n) FROM old_rows GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (month, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER stat_months_ins AFTER INSERT ON stat_days
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_months_apply();
CREATE TRIGGER stat_months_upd AFTER UPDATE ON stat_days
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_months_apply();
CREATE TRIGGER stat_months_del AFTER DELETE ON stat_days
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_months_apply();

CREATE FUNCTION stat_days_warnings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows are upserted in key order, so concurrent statements take the row locks in the same order.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows w
      CROSS JOIN LATERAL (VALUES
          (china_day(w.received_at), w.assigned_org_id, 'w.received', 1),
          (CASE WHEN w.status = 'closed' THEN china_day(w.received_at) END, w.assigned_org_id, 'w.closed', 1),
          (CASE WHEN w.status = 'closed' THEN china_day(w.received_at) END, w.assigned_org_id, 'w.outcome.' || w.outcome, 1),
          (CASE WHEN w.status = 'closed' AND w.closed_at <= w.due_at THEN china_day(w.received_at) END, w.assigned_org_id, 'w.closed_on_time', 1)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows w
      CROSS JOIN LATERAL (VALUES
          (china_day(w.received_at), w.assigned_org_id, 'w.received', 1),
          (CASE WHEN w.status = 'closed' THEN china_day(w.received_at) END, w.assigned_org_id, 'w.closed', 1),
          (CASE WHEN w.status = 'closed' THEN china_day(w.received_at) END, w.assigned_org_id, 'w.outcome.' || w.outcome, 1),
          (CASE WHEN w.status = 'closed' AND w.closed_at <= w.due_at THEN china_day(w.received_at) END, w.assigned_org_id, 'w.closed_on_time', 1)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows w
      CROSS JOIN LATERAL (VALUES
          (china_day(w.received_at), w.assigned_org_id, 'w.received', 1),
          (CASE WHEN w.status = 'closed' THEN china_day(w.received_at) END, w.assigned_org_id, 'w.closed', 1),
          (CASE WHEN w.status = 'closed' THEN china_day(w.received_at) END, w.assigned_org_id, 'w.outcome.' || w.outcome, 1),
          (CASE WHEN w.status = 'closed' AND w.closed_at <= w.due_at THEN china_day(w.received_at) END, w.assigned_org_id, 'w.closed_on_time', 1)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows w
      CROSS JOIN LATERAL (VALUES
          (china_day(w.received_at), w.assigned_org_id, 'w.received', 1),
          (CASE WHEN w.status = 'closed' THEN china_day(w.received_at) END, w.assigned_org_id, 'w.closed', 1),
          (CASE WHEN w.status = 'closed' THEN china_day(w.received_at) END, w.assigned_org_id, 'w.outcome.' || w.outcome, 1),
          (CASE WHEN w.status = 'closed' AND w.closed_at <= w.due_at THEN china_day(w.received_at) END, w.assigned_org_id, 'w.closed_on_time', 1)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER stat_days_warnings_ins AFTER INSERT ON warnings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_warnings();
CREATE TRIGGER stat_days_warnings_upd AFTER UPDATE ON warnings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_warnings();
CREATE TRIGGER stat_days_warnings_del AFTER DELETE ON warnings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_warnings();

CREATE FUNCTION stat_days_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows are upserted in key order, so concurrent statements take the row locks in the same order.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows c
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.reported', 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.loss', c.loss_amount),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.type.' || coalesce(c.fraud_type, 'unclassified'), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.age.' || age_band(c.victim_age), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.occupation.' || coalesce(nullif(btrim(c.victim_occupation), ''), 'unknown'), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.solved_at) END, c.org_id, 'c.solved', 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.solved_at) END, c.org_id, 'c.arrested', c.suspects_arrested),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.prosecuted_at) END, c.org_id, 'c.prosecuted', c.suspects_prosecuted)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    WITH moved AS (
      SELECT o.id, o.org_id AS old_org, nw.org_id AS new_org FROM old_rows o JOIN new_rows nw ON nw.id = o.id
      WHERE o.org_id IS DISTINCT FROM nw.org_id)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows c
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.reported', 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.loss', c.loss_amount),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.type.' || coalesce(c.fraud_type, 'unclassified'), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.age.' || age_band(c.victim_age), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.occupation.' || coalesce(nullif(btrim(c.victim_occupation), ''), 'unknown'), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.solved_at) END, c.org_id, 'c.solved', 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.solved_at) END, c.org_id, 'c.arrested', c.suspects_arrested),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.prosecuted_at) END, c.org_id, 'c.prosecuted', c.suspects_prosecuted)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows c
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.reported', 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.loss', c.loss_amount),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.type.' || coalesce(c.fraud_type, 'unclassified'), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.age.' || age_band(c.victim_age), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.occupation.' || coalesce(nullif(btrim(c.victim_occupation), ''), 'unknown'), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.solved_at) END, c.org_id, 'c.solved', 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.solved_at) END, c.org_id, 'c.arrested', c.suspects_arrested),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.prosecuted_at) END, c.org_id, 'c.prosecuted', c.suspects_prosecuted)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, side.org_id, v.metric, side.sign * v.n::numeric AS n
      FROM moved mv JOIN stop_payments s ON s.case_id = mv.id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN s.status <> 'proposed' THEN china_day(s.requested_at) END, 'm.stop_requested', s.amount),
          (CASE WHEN s.stopped_amount > 0 THEN china_day(s.responded_at) END, 'm.stopped', s.stopped_amount)
      ) AS v(day, metric, n)
      CROSS JOIN LATERAL (VALUES (mv.old_org, -1), (mv.new_org, 1)) AS side(org_id, sign)
      WHERE v.day IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, side.org_id, v.metric, side.sign * v.n::numeric AS n
      FROM moved mv JOIN freezes f ON f.case_id = mv.id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN f.frozen_amount > 0 THEN china_day(f.frozen_at) END, 'm.frozen', f.frozen_amount)
      ) AS v(day, metric, n)
      CROSS JOIN LATERAL (VALUES (mv.old_org, -1), (mv.new_org, 1)) AS side(org_id, sign)
      WHERE v.day IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, side.org_id, v.metric, side.sign * v.n::numeric AS n
      FROM moved mv JOIN return_shares s ON s.case_id = mv.id JOIN money_returns r ON r.id = s.return_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN r.status = 'paid' THEN china_day(r.paid_at) END, 'm.returned', s.amount)
      ) AS v(day, metric, n)
      CROSS JOIN LATERAL (VALUES (mv.old_org, -1), (mv.new_org, 1)) AS side(org_id, sign)
      WHERE v.day IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows c
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.reported', 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.loss', c.loss_amount),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.type.' || coalesce(c.fraud_type, 'unclassified'), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.age.' || age_band(c.victim_age), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.occupation.' || coalesce(nullif(btrim(c.victim_occupation), ''), 'unknown'), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.solved_at) END, c.org_id, 'c.solved', 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.solved_at) END, c.org_id, 'c.arrested', c.suspects_arrested),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.prosecuted_at) END, c.org_id, 'c.prosecuted', c.suspects_prosecuted)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER stat_days_cases_ins AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_cases();
CREATE TRIGGER stat_days_cases_upd AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_cases();
CREATE TRIGGER stat_days_cases_del AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_cases();

CREATE FUNCTION stat_days_stop_payments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows are upserted in key order, so concurrent statements take the row locks in the same order.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows s JOIN cases c ON c.id = s.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN s.status <> 'proposed' THEN china_day(s.requested_at) END, c.org_id, 'm.stop_requested', s.amount),
          (CASE WHEN s.stopped_amount > 0 THEN china_day(s.responded_at) END, c.org_id, 'm.stopped', s.stopped_amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows s JOIN cases c ON c.id = s.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN s.status <> 'proposed' THEN china_day(s.requested_at) END, c.org_id, 'm.stop_requested', s.amount),
          (CASE WHEN s.stopped_amount > 0 THEN china_day(s.responded_at) END, c.org_id, 'm.stopped', s.stopped_amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows s JOIN cases c ON c.id = s.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN s.status <> 'proposed' THEN china_day(s.requested_at) END, c.org_id, 'm.stop_requested', s.amount),
          (CASE WHEN s.stopped_amount > 0 THEN china_day(s.responded_at) END, c.org_id, 'm.stopped', s.stopped_amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows s JOIN cases c ON c.id = s.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN s.status <> 'proposed' THEN china_day(s.requested_at) END, c.org_id, 'm.stop_requested', s.amount),
          (CASE WHEN s.stopped_amount > 0 THEN china_day(s.responded_at) END, c.org_id, 'm.stopped', s.stopped_amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER stat_days_stop_payments_ins AFTER INSERT ON stop_payments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_stop_payments();
CREATE TRIGGER stat_days_stop_payments_upd AFTER UPDATE ON stop_payments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_stop_payments();
CREATE TRIGGER stat_days_stop_payments_del AFTER DELETE ON stop_payments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_stop_payments();

CREATE FUNCTION stat_days_freezes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows are upserted in key order, so concurrent statements take the row locks in the same order.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows f JOIN cases c ON c.id = f.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN f.frozen_amount > 0 THEN china_day(f.frozen_at) END, c.org_id, 'm.frozen', f.frozen_amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows f JOIN cases c ON c.id = f.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN f.frozen_amount > 0 THEN china_day(f.frozen_at) END, c.org_id, 'm.frozen', f.frozen_amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows f JOIN cases c ON c.id = f.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN f.frozen_amount > 0 THEN china_day(f.frozen_at) END, c.org_id, 'm.frozen', f.frozen_amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows f JOIN cases c ON c.id = f.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN f.frozen_amount > 0 THEN china_day(f.frozen_at) END, c.org_id, 'm.frozen', f.frozen_amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER stat_days_freezes_ins AFTER INSERT ON freezes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_freezes();
CREATE TRIGGER stat_days_freezes_upd AFTER UPDATE ON freezes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_freezes();
CREATE TRIGGER stat_days_freezes_del AFTER DELETE ON freezes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_freezes();

CREATE FUNCTION stat_days_money_returns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows are upserted in key order, so concurrent statements take the row locks in the same order.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows r JOIN return_shares s ON s.return_id = r.id JOIN cases c ON c.id = s.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN r.status = 'paid' THEN china_day(r.paid_at) END, c.org_id, 'm.returned', s.amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows r JOIN return_shares s ON s.return_id = r.id JOIN cases c ON c.id = s.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN r.status = 'paid' THEN china_day(r.paid_at) END, c.org_id, 'm.returned', s.amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows r JOIN return_shares s ON s.return_id = r.id JOIN cases c ON c.id = s.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN r.status = 'paid' THEN china_day(r.paid_at) END, c.org_id, 'm.returned', s.amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows r JOIN return_shares s ON s.return_id = r.id JOIN cases c ON c.id = s.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN r.status = 'paid' THEN china_day(r.paid_at) END, c.org_id, 'm.returned', s.amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER stat_days_money_returns_ins AFTER INSERT ON money_returns
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_money_returns();
CREATE TRIGGER stat_days_money_returns_upd AFTER UPDATE ON money_returns
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_money_returns();
CREATE TRIGGER stat_days_money_returns_del AFTER DELETE ON money_returns
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_money_returns();

CREATE FUNCTION stat_days_card_leads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows are upserted in key order, so concurrent statements take the row locks in the same order.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows l
      CROSS JOIN LATERAL (VALUES
          (china_day(l.created_at), l.org_id, 'l.created', 1),
          (china_day(l.closed_at), l.org_id, 'l.closed', 1),
          (CASE WHEN l.outcome IN ('criminal','administrative','punishment_proposal') THEN china_day(l.closed_at) END, l.org_id, 'l.punishable', 1),
          (CASE WHEN l.outcome = 'struck_off' THEN china_day(l.closed_at) END, l.org_id, 'l.struck_off', 1)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM new_rows l
      CROSS JOIN LATERAL (VALUES
          (china_day(l.created_at), l.org_id, 'l.created', 1),
          (china_day(l.closed_at), l.org_id, 'l.closed', 1),
          (CASE WHEN l.outcome IN ('criminal','administrative','punishment_proposal') THEN china_day(l.closed_at) END, l.org_id, 'l.punishable', 1),
          (CASE WHEN l.outcome = 'struck_off' THEN china_day(l.closed_at) END, l.org_id, 'l.struck_off', 1)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows l
      CROSS JOIN LATERAL (VALUES
          (china_day(l.created_at), l.org_id, 'l.created', 1),
          (china_day(l.closed_at), l.org_id, 'l.closed', 1),
          (CASE WHEN l.outcome IN ('criminal','administrative','punishment_proposal') THEN china_day(l.closed_at) END, l.org_id, 'l.punishable', 1),
          (CASE WHEN l.outcome = 'struck_off' THEN china_day(l.closed_at) END, l.org_id, 'l.struck_off', 1)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stat_days AS s (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, -v.n::numeric AS n
      FROM old_rows l
      CROSS JOIN LATERAL (VALUES
          (china_day(l.created_at), l.org_id, 'l.created', 1),
          (china_day(l.closed_at), l.org_id, 'l.closed', 1),
          (CASE WHEN l.outcome IN ('criminal','administrative','punishment_proposal') THEN china_day(l.closed_at) END, l.org_id, 'l.punishable', 1),
          (CASE WHEN l.outcome = 'struck_off' THEN china_day(l.closed_at) END, l.org_id, 'l.struck_off', 1)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) delta
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, org_id, metric) DO UPDATE SET n = s.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER stat_days_card_leads_ins AFTER INSERT ON card_leads
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_card_leads();
CREATE TRIGGER stat_days_card_leads_upd AFTER UPDATE ON card_leads
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_card_leads();
CREATE TRIGGER stat_days_card_leads_del AFTER DELETE ON card_leads
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_days_card_leads();

-- Recounts every figure from the records (the migration's backfill; bulk loads with triggers off call it).
CREATE FUNCTION stat_days_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Recounted from scratch, the month rollup too (with the row triggers' work skipped: TRUNCATE fires none).
  TRUNCATE stat_days, stat_months;
  INSERT INTO stat_days (day, org_id, metric, n)
    SELECT day, org_id, metric, sum(n) FROM (
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM warnings w
      CROSS JOIN LATERAL (VALUES
          (china_day(w.received_at), w.assigned_org_id, 'w.received', 1),
          (CASE WHEN w.status = 'closed' THEN china_day(w.received_at) END, w.assigned_org_id, 'w.closed', 1),
          (CASE WHEN w.status = 'closed' THEN china_day(w.received_at) END, w.assigned_org_id, 'w.outcome.' || w.outcome, 1),
          (CASE WHEN w.status = 'closed' AND w.closed_at <= w.due_at THEN china_day(w.received_at) END, w.assigned_org_id, 'w.closed_on_time', 1)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM cases c
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.reported', 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.loss', c.loss_amount),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.type.' || coalesce(c.fraud_type, 'unclassified'), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.age.' || age_band(c.victim_age), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.reported_at) END, c.org_id, 'c.occupation.' || coalesce(nullif(btrim(c.victim_occupation), ''), 'unknown'), 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.solved_at) END, c.org_id, 'c.solved', 1),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.solved_at) END, c.org_id, 'c.arrested', c.suspects_arrested),
          (CASE WHEN c.status <> 'withdrawn' THEN china_day(c.prosecuted_at) END, c.org_id, 'c.prosecuted', c.suspects_prosecuted)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM stop_payments s JOIN cases c ON c.id = s.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN s.status <> 'proposed' THEN china_day(s.requested_at) END, c.org_id, 'm.stop_requested', s.amount),
          (CASE WHEN s.stopped_amount > 0 THEN china_day(s.responded_at) END, c.org_id, 'm.stopped', s.stopped_amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM freezes f JOIN cases c ON c.id = f.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN f.frozen_amount > 0 THEN china_day(f.frozen_at) END, c.org_id, 'm.frozen', f.frozen_amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM money_returns r JOIN return_shares s ON s.return_id = r.id JOIN cases c ON c.id = s.case_id
      CROSS JOIN LATERAL (VALUES
          (CASE WHEN r.status = 'paid' THEN china_day(r.paid_at) END, c.org_id, 'm.returned', s.amount)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
      UNION ALL
      SELECT v.day, v.org_id, v.metric, v.n::numeric AS n
      FROM card_leads l
      CROSS JOIN LATERAL (VALUES
          (china_day(l.created_at), l.org_id, 'l.created', 1),
          (china_day(l.closed_at), l.org_id, 'l.closed', 1),
          (CASE WHEN l.outcome IN ('criminal','administrative','punishment_proposal') THEN china_day(l.closed_at) END, l.org_id, 'l.punishable', 1),
          (CASE WHEN l.outcome = 'struck_off' THEN china_day(l.closed_at) END, l.org_id, 'l.struck_off', 1)
      ) AS v(day, org_id, metric, n)
      WHERE v.day IS NOT NULL AND v.metric IS NOT NULL AND v.n IS NOT NULL AND v.n <> 0
    ) everything
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
END $$;

SELECT stat_days_rebuild();

-- Figures from outside the system, per unit and month: all criminal cases (for the share of fraud among
-- them), the population aged 16–60 and the national anti-fraud app's registrations (for the registration rate).
CREATE TABLE reference_figures (
  org_id      bigint NOT NULL REFERENCES orgs(id),
  month       date   NOT NULL CHECK (extract(day FROM month) = 1),
  key         text   NOT NULL CHECK (key IN ('criminal_cases','population_16_60','app_registered')),
  value       numeric NOT NULL CHECK (value >= 0),
  updated_at  timestamptz NOT NULL,
  updated_by  text,
  PRIMARY KEY (org_id, month, key)
);

-- Weekly and monthly statistics reports (周报/月报): the figures of a unit for a period, frozen when made,
-- with the Excel workbook as sent upward. Scheduled ones are made once per unit and period by the
-- `reports.schedule` job (the unique index makes a second worker or a restart harmless).

CREATE TABLE stat_reports (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('weekly','monthly','custom')),
  org_id      bigint NOT NULL REFERENCES orgs(id),
  first_day   date NOT NULL,
  last_day    date NOT NULL CHECK (last_day >= first_day),
  title       text NOT NULL,
  figures     jsonb NOT NULL,
  xlsx        bytea NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  text
);
CREATE UNIQUE INDEX stat_reports_scheduled_uq ON stat_reports (kind, org_id, first_day) WHERE kind <> 'custom';
CREATE INDEX stat_reports_org_idx ON stat_reports (org_id, first_day DESC);

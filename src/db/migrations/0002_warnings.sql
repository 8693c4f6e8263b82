-- 预警劝阻: warnings, their timeline, dissuasion attempts, routing rules, settings, notifications,
-- and the register of vulnerable (repeat) people.

CREATE TABLE settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text
);

CREATE TABLE routing_rules (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('keyword','region','phone_prefix')),
  pattern     text NOT NULL,
  org_id      bigint NOT NULL REFERENCES orgs(id),
  priority    integer NOT NULL DEFAULT 0,
  active      boolean NOT NULL DEFAULT true,
  note        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX routing_rules_unique_idx ON routing_rules (kind, pattern, org_id);

CREATE TABLE warnings (
  id                   bigserial PRIMARY KEY,
  source               text NOT NULL,
  external_id          text NOT NULL,
  level                text NOT NULL CHECK (level IN ('emergency','high','normal')),
  status               text NOT NULL CHECK (status IN ('received','dispatched','acknowledged','in_progress','closed')),
  victim_phone         text NOT NULL,
  victim_name          text,
  victim_id_number     text,
  address              text,
  region_code          text,
  fraud_type           text,
  counterparty         jsonb,
  note                 text,
  detected_at          timestamptz NOT NULL,
  received_at          timestamptz NOT NULL,
  due_at               timestamptz NOT NULL,
  assigned_org_id      bigint NOT NULL REFERENCES orgs(id),
  routed_via           text NOT NULL CHECK (routed_via IN ('keyword','region','phone_prefix','triage','manual')),
  acknowledged_at      timestamptz,
  first_attempt_at     timestamptz,
  closed_at            timestamptz,
  outcome              text CHECK (outcome IN ('dissuaded','defrauded','unreachable','refused','false_positive')),
  outcome_note         text,
  loss_amount          numeric(16,2),
  visit_required       boolean NOT NULL DEFAULT false,
  overdue              boolean NOT NULL DEFAULT false,
  escalation_level     integer NOT NULL DEFAULT 0,
  escalated_org_id     bigint REFERENCES orgs(id),
  next_escalation_at   timestamptz,
  repeat_of_id         bigint REFERENCES warnings(id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT warnings_source_external_uq UNIQUE (source, external_id)
);
-- Queues: open items of a unit by deadline.
CREATE INDEX warnings_queue_idx ON warnings (assigned_org_id, due_at) WHERE status <> 'closed';
-- Escalated items shown to the unit above.
CREATE INDEX warnings_escalated_idx ON warnings (escalated_org_id, due_at) WHERE status <> 'closed' AND escalated_org_id IS NOT NULL;
-- Scope-wide queues (county, city) ordered by deadline without sorting every open row.
CREATE INDEX warnings_open_due_idx ON warnings (due_at, id) WHERE status <> 'closed';
-- The sweeper: open items whose next escalation time has come.
CREATE INDEX warnings_sweep_idx ON warnings (next_escalation_at) WHERE status <> 'closed';
-- Statistics by unit and period; repeat detection by phone.
CREATE INDEX warnings_received_idx ON warnings (received_at, assigned_org_id);
CREATE INDEX warnings_closed_idx ON warnings (closed_at, assigned_org_id) WHERE closed_at IS NOT NULL;
CREATE INDEX warnings_phone_idx ON warnings (victim_phone, received_at DESC);

CREATE TABLE warning_events (
  id           bigserial PRIMARY KEY,
  warning_id   bigint NOT NULL REFERENCES warnings(id),
  at           timestamptz NOT NULL,
  kind         text NOT NULL,
  from_status  text,
  to_status    text,
  actor_type   text NOT NULL,
  actor_id     bigint,
  actor_name   text,
  org_id       bigint REFERENCES orgs(id),
  detail       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX warning_events_warning_idx ON warning_events (warning_id, id);

CREATE TABLE warning_attempts (
  id          bigserial PRIMARY KEY,
  warning_id  bigint NOT NULL REFERENCES warnings(id),
  channel     text NOT NULL CHECK (channel IN ('call','sms','visit','family')),
  at          timestamptz NOT NULL,
  result      text NOT NULL CHECK (result IN ('reached','unreachable','refused')),
  note        text,
  actor_type  text NOT NULL,
  actor_id    bigint,
  actor_name  text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX warning_attempts_warning_idx ON warning_attempts (warning_id, at);

CREATE TABLE vulnerable_people (
  phone            text PRIMARY KEY,
  name             text,
  org_id           bigint REFERENCES orgs(id),
  reason           text NOT NULL,
  warning_count    integer NOT NULL,
  first_seen_at    timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vulnerable_people_org_idx ON vulnerable_people (org_id);

CREATE TABLE notifications (
  id          bigserial PRIMARY KEY,
  org_id      bigint NOT NULL REFERENCES orgs(id),
  kind        text NOT NULL,
  title       text NOT NULL,
  target_type text,
  target_id   text,
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE INDEX notifications_org_idx ON notifications (org_id, created_at DESC);

INSERT INTO settings (key, value) VALUES
  ('warnings.deadlines', '{"emergency": 120, "high": 1440, "normal": 2880}'),
  ('warnings.repeatWindowDays', '30');

-- Files of warnings uploaded for import (CSV or Excel from the provincial platform), processed in
-- chunks so the screen can show progress; the file is kept for the record of what was imported.
CREATE TABLE warning_imports (
  id              bigserial PRIMARY KEY,
  file_name       text NOT NULL,
  content         bytea NOT NULL,
  columns         jsonb NOT NULL,
  total_rows      integer NOT NULL,
  processed_rows  integer NOT NULL DEFAULT 0,
  accepted        integer NOT NULL DEFAULT 0,
  duplicates      integer NOT NULL DEFAULT 0,
  rejected        integer NOT NULL DEFAULT 0,
  org_id          bigint NOT NULL REFERENCES orgs(id),
  created_by      text,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);

-- Cases (案件): victim reports with the transfers the victim made and the identifiers the fraudster used,
-- 三定一盯 assignment and a status workflow whose every transition is an event row.

CREATE SEQUENCE case_no_seq;

CREATE TABLE cases (
  id                  bigserial PRIMARY KEY,
  case_no             text NOT NULL UNIQUE,
  source              text NOT NULL,
  external_id         text,
  reported_at         timestamptz NOT NULL,
  received_at         timestamptz NOT NULL,
  region_code         text,
  org_id              bigint NOT NULL REFERENCES orgs(id),
  status              text NOT NULL CHECK (status IN ('accepted','filed','investigating','solved','prosecuted','withdrawn')),
  fraud_type          text,
  fraud_type_source   text NOT NULL CHECK (fraud_type_source IN ('given','classified','unclassified')),
  narrative           text NOT NULL,
  loss_amount         numeric(16,2) NOT NULL DEFAULT 0 CHECK (loss_amount >= 0),
  victim_name         text,
  victim_phone        text,
  victim_id_number    text,
  victim_age          integer CHECK (victim_age BETWEEN 0 AND 130),
  victim_occupation   text,
  warning_id          bigint UNIQUE REFERENCES warnings(id),
  investigator_id     bigint REFERENCES users(id),
  leader_id           bigint REFERENCES users(id),
  last_progress_at    timestamptz NOT NULL,
  -- 盯案: when the unit was last reminded of a case without progress.
  followup_notified_at timestamptz,
  closed_at           timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT cases_source_external_uq UNIQUE (source, external_id)
);
CREATE INDEX cases_org_idx ON cases (org_id, reported_at DESC);
CREATE INDEX cases_reported_idx ON cases (reported_at, org_id);
CREATE INDEX cases_open_progress_idx ON cases (last_progress_at) WHERE closed_at IS NULL;

CREATE TABLE case_transfers (
  id            bigserial PRIMARY KEY,
  case_id       bigint NOT NULL REFERENCES cases(id),
  from_account  text NOT NULL,
  from_bank     text NOT NULL,
  to_account    text NOT NULL,
  to_bank       text NOT NULL,
  to_name       text,
  amount        numeric(16,2) NOT NULL CHECK (amount > 0),
  at            timestamptz NOT NULL
);
CREATE INDEX case_transfers_case_idx ON case_transfers (case_id);
CREATE INDEX case_transfers_to_idx ON case_transfers (to_account);

-- Identifiers the fraudster used; the same value on two cases links them (串并案 leads).
CREATE TABLE case_identifiers (
  id       bigserial PRIMARY KEY,
  case_id  bigint NOT NULL REFERENCES cases(id),
  kind     text NOT NULL CHECK (kind IN ('phone','account','url','app','social','wallet','device')),
  value    text NOT NULL,
  UNIQUE (case_id, kind, value)
);
CREATE INDEX case_identifiers_value_idx ON case_identifiers (kind, value);

CREATE TABLE case_events (
  id           bigserial PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES cases(id),
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
CREATE INDEX case_events_case_idx ON case_events (case_id, id);

-- Serial cases (串并案): cases merged because the same gang is behind them. Membership only: every
-- original case keeps its own record, status and money.
CREATE TABLE serial_cases (
  id           bigserial PRIMARY KEY,
  serial_no    text NOT NULL UNIQUE,
  name         text NOT NULL,
  org_id       bigint NOT NULL REFERENCES orgs(id),
  created_at   timestamptz NOT NULL,
  created_by   text
);
CREATE TABLE serial_case_members (
  serial_id  bigint NOT NULL REFERENCES serial_cases(id),
  case_id    bigint NOT NULL REFERENCES cases(id),
  added_at   timestamptz NOT NULL,
  -- The identifiers that linked the case, as shown when it was merged.
  reason     jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (serial_id, case_id)
);
CREATE INDEX serial_case_members_case_idx ON serial_case_members (case_id);

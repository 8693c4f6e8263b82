-- 资金链监测 (transaction monitoring): banks stream transactions in, the risk engine decides, alerts go to the
-- bank's liaison queue and the center. Rule sets are versioned data with one live and at most one shadow
-- version; every transaction is kept once (by txId) with its decision; account state is snapshotted so a
-- restart loads it and replays only what came after.

CREATE TABLE risk_rule_sets (
  version       text PRIMARY KEY,
  config        jsonb NOT NULL,
  status        text NOT NULL CHECK (status IN ('draft','shadow','live','retired')),
  note          text,
  created_by    text,
  created_at    timestamptz NOT NULL,
  activated_at  timestamptz
);
CREATE UNIQUE INDEX risk_rule_sets_one_live ON risk_rule_sets (status) WHERE status = 'live';
CREATE UNIQUE INDEX risk_rule_sets_one_shadow ON risk_rule_sets (status) WHERE status = 'shadow';

CREATE TABLE risk_transactions (
  seq              bigserial NOT NULL,
  tx_id            text PRIMARY KEY,
  -- the institution that reported it
  org_id           bigint NOT NULL REFERENCES orgs(id),
  at               timestamptz NOT NULL,
  from_account     text NOT NULL,
  from_bank        text NOT NULL,
  to_account       text NOT NULL,
  to_bank          text NOT NULL,
  amount           numeric(16,2) NOT NULL CHECK (amount > 0),
  channel          text NOT NULL,
  decision         text NOT NULL DEFAULT 'allow' CHECK (decision IN ('allow','review','hold','block')),
  score            real NOT NULL DEFAULT 0,
  rules_version    text NOT NULL,
  shadow_decision  text CHECK (shadow_decision IN ('allow','review','hold','block')),
  received_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX risk_transactions_seq_idx ON risk_transactions (seq);
CREATE INDEX risk_transactions_from_idx ON risk_transactions (from_account, at);
CREATE INDEX risk_transactions_to_idx ON risk_transactions (to_account, at);

CREATE TABLE risk_alerts (
  id                bigserial PRIMARY KEY,
  org_id            bigint NOT NULL REFERENCES orgs(id),
  account           text NOT NULL,
  bank              text NOT NULL,
  tx_id             text NOT NULL,
  raised_at         timestamptz NOT NULL,
  decision          text NOT NULL CHECK (decision IN ('review','hold','block')),
  score             real NOT NULL,
  typology          text,
  reasons           jsonb NOT NULL,
  rules             text[] NOT NULL,
  rules_version     text NOT NULL,
  shadow            boolean NOT NULL DEFAULT false,
  status            text NOT NULL CHECK (status IN ('open','escalated','confirmed_mule','false_positive','stop_payment_requested')),
  outcome_note      text,
  decided_at        timestamptz,
  decided_by        text,
  case_id           bigint REFERENCES cases(id),
  stop_payment_id   bigint REFERENCES stop_payments(id),
  created_at        timestamptz NOT NULL
);
CREATE INDEX risk_alerts_queue_idx ON risk_alerts (org_id, shadow, status, raised_at DESC);
CREATE INDEX risk_alerts_raised_idx ON risk_alerts (shadow, raised_at DESC);
CREATE INDEX risk_alerts_account_idx ON risk_alerts (account, raised_at DESC);

CREATE TABLE risk_alert_events (
  id         bigserial PRIMARY KEY,
  alert_id   bigint NOT NULL REFERENCES risk_alerts(id),
  at         timestamptz NOT NULL,
  kind       text NOT NULL,
  from_status text,
  to_status  text,
  actor_type text NOT NULL,
  actor_id   bigint,
  actor_name text,
  org_id     bigint REFERENCES orgs(id),
  detail     jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX risk_alert_events_idx ON risk_alert_events (alert_id, id);

-- 避免误伤: an account the bank has checked is kept at allow until the entry expires or is revoked.
CREATE TABLE risk_allow_list (
  id          bigserial PRIMARY KEY,
  org_id      bigint NOT NULL REFERENCES orgs(id),
  account     text NOT NULL,
  reason      text NOT NULL,
  expires_at  timestamptz NOT NULL,
  created_by  text,
  created_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  revoked_by  text
);
CREATE INDEX risk_allow_list_account_idx ON risk_allow_list (account) WHERE revoked_at IS NULL;

-- The engine's per-account state, as of the transaction with sequence number `risk_engine_meta.snapshot_seq`.
CREATE TABLE risk_account_state (
  account   text PRIMARY KEY,
  state     jsonb NOT NULL,
  saved_at  timestamptz NOT NULL
);
CREATE TABLE risk_engine_meta (
  key    text PRIMARY KEY,
  value  jsonb NOT NULL
);

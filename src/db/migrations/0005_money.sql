-- Money (资金): emergency stop-payment requests to the banks holding receiving accounts, the onward flows
-- banks report (fund tracing), with every state change of a request stored as an event.

CREATE TABLE stop_payments (
  id               bigserial PRIMARY KEY,
  case_id          bigint NOT NULL REFERENCES cases(id),
  account          text NOT NULL,
  bank             text NOT NULL,
  -- The institution that must answer; NULL when the bank named is not a partner (the center follows up).
  bank_org_id      bigint REFERENCES orgs(id),
  account_name     text,
  amount           numeric(16,2) NOT NULL CHECK (amount > 0),
  hop              integer NOT NULL DEFAULT 1 CHECK (hop >= 1),
  -- The request whose answer revealed this account (next-hop requests).
  parent_id        bigint REFERENCES stop_payments(id),
  status           text NOT NULL CHECK (status IN ('proposed','pending','stopped','mismatch','no_balance','rejected','expired','released','withdrawn')),
  requested_at     timestamptz NOT NULL,
  responded_at     timestamptz,
  stopped_amount   numeric(16,2) CHECK (stopped_amount >= 0),
  balance          numeric(16,2) CHECK (balance >= 0),
  response_note    text,
  expires_at       timestamptz,
  renewals         integer NOT NULL DEFAULT 0 CHECK (renewals >= 0),
  expiry_warned_at timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT stop_payments_case_account_uq UNIQUE (case_id, account)
);
-- A bank's queue: its pending requests, oldest first.
CREATE INDEX stop_payments_bank_idx ON stop_payments (bank_org_id, status, requested_at);
-- The expiry sweeper: stops that lapse.
CREATE INDEX stop_payments_expiry_idx ON stop_payments (expires_at) WHERE status = 'stopped';
CREATE INDEX stop_payments_account_idx ON stop_payments (account);
CREATE INDEX stop_payments_case_idx ON stop_payments (case_id, id);

CREATE TABLE stop_payment_events (
  id               bigserial PRIMARY KEY,
  stop_payment_id  bigint NOT NULL REFERENCES stop_payments(id),
  at               timestamptz NOT NULL,
  kind             text NOT NULL,
  from_status      text,
  to_status        text,
  actor_type       text NOT NULL,
  actor_id         bigint,
  actor_name       text,
  org_id           bigint REFERENCES orgs(id),
  detail           jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX stop_payment_events_sp_idx ON stop_payment_events (stop_payment_id, id);

-- Money movements between accounts as reported by banks (流水), the store fund tracing walks.
CREATE TABLE fund_flows (
  id               bigserial PRIMARY KEY,
  from_account     text NOT NULL,
  to_account       text NOT NULL,
  to_bank          text,
  amount           numeric(16,2) NOT NULL CHECK (amount > 0),
  at               timestamptz NOT NULL,
  channel          text NOT NULL DEFAULT 'transfer' CHECK (channel IN ('transfer','cash_out','cash_in','card','wallet')),
  -- Where the record came from: a bank's answer to a request, or an imported statement.
  stop_payment_id  bigint REFERENCES stop_payments(id),
  case_id          bigint REFERENCES cases(id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
-- The same movement reported twice (two answers, a re-imported statement) is stored once.
CREATE UNIQUE INDEX fund_flows_identity_uq ON fund_flows (from_account, to_account, at, amount);
CREATE INDEX fund_flows_from_idx ON fund_flows (from_account, at);
CREATE INDEX fund_flows_to_idx ON fund_flows (to_account, at);

-- Freezes (冻结): formal, with a legal document; full or limited to an amount; 6 months unless set
-- otherwise, renewable with a new document, released early with one.
CREATE TABLE freezes (
  id               bigserial PRIMARY KEY,
  case_id          bigint NOT NULL REFERENCES cases(id),
  account          text NOT NULL,
  bank             text NOT NULL,
  bank_org_id      bigint REFERENCES orgs(id),
  stop_payment_id  bigint REFERENCES stop_payments(id),
  document_no      text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('full','limited')),
  limit_amount     numeric(16,2) CHECK (limit_amount > 0),
  months           integer NOT NULL CHECK (months BETWEEN 1 AND 12),
  status           text NOT NULL CHECK (status IN ('requested','frozen','rejected','released','expired')),
  requested_at     timestamptz NOT NULL,
  frozen_at        timestamptz,
  frozen_amount    numeric(16,2) CHECK (frozen_amount >= 0),
  returned_amount  numeric(16,2) NOT NULL DEFAULT 0 CHECK (returned_amount >= 0),
  expires_at       timestamptz,
  renewals         integer NOT NULL DEFAULT 0,
  expiry_warned_at timestamptz,
  response_note    text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'limited') = (limit_amount IS NOT NULL))
);
CREATE INDEX freezes_case_idx ON freezes (case_id, id);
CREATE INDEX freezes_bank_idx ON freezes (bank_org_id, status, requested_at);
CREATE INDEX freezes_expiry_idx ON freezes (expires_at) WHERE status = 'frozen';
-- One live freeze per account and case.
CREATE UNIQUE INDEX freezes_live_uq ON freezes (case_id, account) WHERE status IN ('requested','frozen');

CREATE TABLE freeze_events (
  id          bigserial PRIMARY KEY,
  freeze_id   bigint NOT NULL REFERENCES freezes(id),
  at          timestamptz NOT NULL,
  kind        text NOT NULL,
  from_status text,
  to_status   text,
  actor_type  text NOT NULL,
  actor_id    bigint,
  actor_name  text,
  org_id      bigint REFERENCES orgs(id),
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX freeze_events_freeze_idx ON freeze_events (freeze_id, id);

-- Returns (返还) of frozen money: to one victim (traced), or pro rata over the victims whose money is in
-- the account, after a notice period (30 days) in which others may claim; paid when the bank confirms.
CREATE TABLE money_returns (
  id               bigserial PRIMARY KEY,
  freeze_id        bigint NOT NULL REFERENCES freezes(id),
  method           text NOT NULL CHECK (method IN ('traced','pro_rata')),
  total_amount     numeric(16,2) NOT NULL CHECK (total_amount > 0),
  status           text NOT NULL CHECK (status IN ('noticed','approved','paid','cancelled')),
  notice_until     timestamptz,
  created_at       timestamptz NOT NULL,
  approved_at      timestamptz,
  paid_at          timestamptz,
  bank_reference   text,
  note             text,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX money_returns_freeze_idx ON money_returns (freeze_id);

CREATE TABLE return_shares (
  id         bigserial PRIMARY KEY,
  return_id  bigint NOT NULL REFERENCES money_returns(id),
  case_id    bigint NOT NULL REFERENCES cases(id),
  -- The victim's money traced into the account: the base of a pro-rata share.
  basis      numeric(16,2) NOT NULL CHECK (basis > 0),
  amount     numeric(16,2) NOT NULL CHECK (amount >= 0),
  UNIQUE (return_id, case_id)
);
CREATE INDEX return_shares_case_idx ON return_shares (case_id);

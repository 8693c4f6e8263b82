-- 断卡 (two cards): leads on bank accounts and phone cards used in fraud, verified on the ground by a
-- station; joint punishment (联合惩戒) of the persons behind them with written notice and appeal.

CREATE SEQUENCE lead_no_seq;

CREATE TABLE card_leads (
  id                 bigserial PRIMARY KEY,
  lead_no            text NOT NULL UNIQUE,
  source             text NOT NULL CHECK (source IN ('ministry','case','manual')),
  external_id        text,
  kind               text NOT NULL CHECK (kind IN ('bank_account','phone_card','payment_account')),
  identifier         text NOT NULL,
  holder_name        text,
  holder_id_number   text,
  holder_phone       text,
  -- Where the card was opened: the partner's branch/outlet when known, the name as reported otherwise.
  opened_at_org_id   bigint REFERENCES orgs(id),
  opened_at_name     text,
  case_id            bigint REFERENCES cases(id),
  org_id             bigint NOT NULL REFERENCES orgs(id),
  status             text NOT NULL CHECK (status IN ('assigned','verifying','closed')),
  due_at             timestamptz NOT NULL,
  outcome            text CHECK (outcome IN ('criminal','administrative','education','punishment_proposal','struck_off')),
  outcome_note       text,
  closed_at          timestamptz,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CONSTRAINT card_leads_source_external_uq UNIQUE (source, external_id),
  CONSTRAINT card_leads_outcome_closed CHECK ((status = 'closed') = (outcome IS NOT NULL))
);
CREATE INDEX card_leads_org_idx ON card_leads (org_id, status, due_at);
-- Open leads by deadline, per unit and city-wide: most leads are closed, and `status <> 'closed'` cannot
-- seek an index; these partial indexes hold only the open ones.
CREATE INDEX card_leads_open_org_due_idx ON card_leads (org_id, due_at, id) WHERE status <> 'closed';
CREATE INDEX card_leads_open_due_idx ON card_leads (due_at, id) WHERE status <> 'closed';
CREATE INDEX card_leads_holder_idx ON card_leads (holder_id_number);
CREATE INDEX card_leads_opened_idx ON card_leads (opened_at_org_id, created_at);
-- One lead per card found in cases.
CREATE UNIQUE INDEX card_leads_case_card_uq ON card_leads (kind, identifier) WHERE source = 'case';

CREATE TABLE lead_events (
  id           bigserial PRIMARY KEY,
  lead_id      bigint NOT NULL REFERENCES card_leads(id),
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
CREATE INDEX lead_events_lead_idx ON lead_events (lead_id, id);

-- 联合惩戒: proposed with the findings, approved by a leader, notified in writing, lifted at expiry or when
-- an appeal is upheld. Every step is an event.
CREATE SEQUENCE punishment_no_seq;

CREATE TABLE punishments (
  id                 bigserial PRIMARY KEY,
  notice_no          text NOT NULL UNIQUE,
  person_id_number   text NOT NULL,
  person_name        text NOT NULL,
  org_id             bigint NOT NULL REFERENCES orgs(id),
  findings           jsonb NOT NULL,
  grounds            text[] NOT NULL,
  lead_ids           bigint[] NOT NULL DEFAULT '{}',
  years              integer NOT NULL CHECK (years IN (2, 3)),
  measures           text[] NOT NULL,
  status             text NOT NULL CHECK (status IN ('proposed','active','rejected','lifted','expired')),
  proposed_at        timestamptz NOT NULL,
  approved_at        timestamptz,
  approved_by        bigint REFERENCES users(id),
  starts_at          timestamptz,
  ends_at            timestamptz,
  delivered_at       timestamptz,
  delivery_method    text,
  lifted_at          timestamptz,
  lift_reason        text,
  note               text,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX punishments_person_idx ON punishments (person_id_number);
CREATE INDEX punishments_org_idx ON punishments (org_id, status);
CREATE INDEX punishments_expiry_idx ON punishments (ends_at) WHERE status = 'active';

CREATE TABLE appeals (
  id                 bigserial PRIMARY KEY,
  punishment_id      bigint NOT NULL REFERENCES punishments(id),
  submitted_at       timestamptz NOT NULL,
  submitted_by       text NOT NULL CHECK (submitted_by IN ('staff','partner')),
  submitter_org_id   bigint REFERENCES orgs(id),
  grounds            text NOT NULL,
  status             text NOT NULL CHECK (status IN ('submitted','accepted','reviewing','upheld','rejected')),
  due_at             timestamptz NOT NULL,
  decided_at         timestamptz,
  answer             text,
  escalated_at       timestamptz,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX appeals_punishment_idx ON appeals (punishment_id);
CREATE INDEX appeals_open_due_idx ON appeals (due_at) WHERE status IN ('submitted','accepted','reviewing');
-- One open appeal per measure at a time.
CREATE UNIQUE INDEX appeals_one_open_uq ON appeals (punishment_id) WHERE status IN ('submitted','accepted','reviewing');

CREATE TABLE punishment_events (
  id             bigserial PRIMARY KEY,
  punishment_id  bigint NOT NULL REFERENCES punishments(id),
  at             timestamptz NOT NULL,
  kind           text NOT NULL,
  from_status    text,
  to_status      text,
  actor_type     text NOT NULL,
  actor_id       bigint,
  actor_name     text,
  org_id         bigint REFERENCES orgs(id),
  detail         jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX punishment_events_idx ON punishment_events (punishment_id, id);

-- 提示函: notices to member units, banks, operators and their branches/outlets, with a reply deadline.
CREATE SEQUENCE unit_notice_no_seq;
CREATE TABLE unit_notices (
  id            bigserial PRIMARY KEY,
  notice_no     text NOT NULL UNIQUE,
  to_org_id     bigint NOT NULL REFERENCES orgs(id),
  from_org_id   bigint NOT NULL REFERENCES orgs(id),
  kind          text NOT NULL CHECK (kind IN ('rectification','summons','suspension_proposal')),
  subject       text NOT NULL,
  body          text NOT NULL,
  issued_at     timestamptz NOT NULL,
  reply_due_at  timestamptz NOT NULL,
  reply_text    text,
  replied_at    timestamptz,
  replied_by    text,
  overdue_notified_at timestamptz,
  created_at    timestamptz NOT NULL
);
CREATE INDEX unit_notices_to_idx ON unit_notices (to_org_id, issued_at DESC);
CREATE INDEX unit_notices_open_due_idx ON unit_notices (reply_due_at) WHERE replied_at IS NULL;

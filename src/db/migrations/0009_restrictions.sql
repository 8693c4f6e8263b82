-- Restrictions a bank or payment institution (law art. 18) or a telecom operator (art. 11) placed on an
-- account or phone card, reported by the partner with the reason the person is told (art. 32), and the
-- appeals against them. The appeal steps and deadlines are those of the punishment appeals, so both live
-- in `appeals`: each row is against exactly one punishment or one restriction.

CREATE SEQUENCE restriction_no_seq;

CREATE TABLE restrictions (
  id                 bigserial PRIMARY KEY,
  restriction_no     text NOT NULL UNIQUE,
  -- The institution's unit that placed it (the institution itself, a branch or an outlet).
  org_id             bigint NOT NULL REFERENCES orgs(id),
  external_id        text,
  kind               text NOT NULL CHECK (kind IN ('bank_account','payment_account','phone_card')),
  identifier         text NOT NULL,
  holder_name        text,
  holder_id_number   text,
  measure            text NOT NULL CHECK (measure IN ('limit','suspend','close')),
  reason             text NOT NULL,
  restricted_at      timestamptz NOT NULL,
  status             text NOT NULL CHECK (status IN ('in_force','lifted')),
  lifted_at          timestamptz,
  lift_reason        text,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CONSTRAINT restrictions_external_uq UNIQUE (org_id, external_id),
  CONSTRAINT restrictions_lifted CHECK ((status = 'lifted') = (lifted_at IS NOT NULL))
);
CREATE INDEX restrictions_org_idx ON restrictions (org_id, restricted_at DESC);
CREATE INDEX restrictions_holder_idx ON restrictions (holder_id_number);

CREATE TABLE restriction_events (
  id              bigserial PRIMARY KEY,
  restriction_id  bigint NOT NULL REFERENCES restrictions(id),
  at              timestamptz NOT NULL,
  kind            text NOT NULL,
  from_status     text,
  to_status       text,
  actor_type      text NOT NULL,
  actor_id        bigint,
  actor_name      text,
  org_id          bigint REFERENCES orgs(id),
  detail          jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX restriction_events_idx ON restriction_events (restriction_id, id);

ALTER TABLE appeals ALTER COLUMN punishment_id DROP NOT NULL;
ALTER TABLE appeals ADD COLUMN restriction_id bigint REFERENCES restrictions(id);
ALTER TABLE appeals ADD CONSTRAINT appeals_one_subject CHECK ((punishment_id IS NULL) <> (restriction_id IS NULL));
CREATE INDEX appeals_restriction_idx ON appeals (restriction_id);
-- Deadlines per step: accepted (受理) within a few days of submission, answered within the appeal period.
ALTER TABLE appeals ADD COLUMN accept_due_at timestamptz;
ALTER TABLE appeals ADD COLUMN accept_escalated_at timestamptz;
CREATE INDEX appeals_unaccepted_idx ON appeals (accept_due_at) WHERE status = 'submitted';
CREATE UNIQUE INDEX appeals_one_open_restriction_uq ON appeals (restriction_id) WHERE status IN ('submitted','accepted','reviewing');

-- Summons and suspension proposals issued from the accountability ranking keep the figures they rest on.
ALTER TABLE unit_notices ADD COLUMN basis jsonb;

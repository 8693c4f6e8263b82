-- 宣 outreach: activities (where, for whom, how many reached, with what), directives (日常/精准宣防指令) to
-- units with a feedback deadline — precision ones proposed from the statistics where a fraud type rises —
-- and which people of the vulnerable register an activity reached.

CREATE SEQUENCE outreach_directive_no_seq;

CREATE TABLE outreach_directives (
  id             bigserial PRIMARY KEY,
  directive_no   text NOT NULL UNIQUE,
  kind           text NOT NULL CHECK (kind IN ('daily','precision')),
  from_org_id    bigint NOT NULL REFERENCES orgs(id),
  title          text NOT NULL,
  body           text NOT NULL,
  fraud_type     text,
  audience       text CHECK (audience IN ('elderly','students','workers','women','migrants','business','general')),
  -- For a precision directive proposed from the statistics: the figures it rests on.
  basis          jsonb,
  issued_at      timestamptz NOT NULL,
  due_at         timestamptz NOT NULL,
  created_by     text,
  created_at     timestamptz NOT NULL
);
CREATE INDEX outreach_directives_from_idx ON outreach_directives (from_org_id, issued_at DESC);

CREATE TABLE outreach_activities (
  id              bigserial PRIMARY KEY,
  org_id          bigint NOT NULL REFERENCES orgs(id),
  held_on         date NOT NULL,
  place           text NOT NULL,
  venue           text NOT NULL CHECK (venue IN ('community','village','school','company','market','online','other')),
  audience        text NOT NULL CHECK (audience IN ('elderly','students','workers','women','migrants','business','general')),
  people_reached  integer NOT NULL CHECK (people_reached >= 0),
  materials       jsonb NOT NULL DEFAULT '[]'::jsonb,
  fraud_types     text[] NOT NULL DEFAULT '{}',
  directive_id    bigint REFERENCES outreach_directives(id),
  note            text,
  created_by      text,
  created_at      timestamptz NOT NULL
);
CREATE INDEX outreach_activities_org_idx ON outreach_activities (org_id, held_on DESC);
CREATE INDEX outreach_activities_held_idx ON outreach_activities (held_on);

CREATE TABLE outreach_directive_targets (
  directive_id  bigint NOT NULL REFERENCES outreach_directives(id),
  org_id        bigint NOT NULL REFERENCES orgs(id),
  done_at       timestamptz,
  activity_id   bigint REFERENCES outreach_activities(id),
  note          text,
  overdue_notified_at timestamptz,
  PRIMARY KEY (directive_id, org_id)
);
CREATE INDEX outreach_targets_org_idx ON outreach_directive_targets (org_id) WHERE done_at IS NULL;

-- People of the vulnerable register an activity reached (by their phone, the register's key).
CREATE TABLE outreach_reached (
  activity_id  bigint NOT NULL REFERENCES outreach_activities(id),
  phone        text NOT NULL REFERENCES vulnerable_people(phone),
  PRIMARY KEY (activity_id, phone)
);
CREATE INDEX outreach_reached_phone_idx ON outreach_reached (phone);

-- 控: key persons, one file each (一人一档), and people stranded abroad with a return plan per person.
CREATE TABLE key_persons (
  id               bigserial PRIMARY KEY,
  id_number        text NOT NULL,
  name             text NOT NULL,
  phone            text,
  category         text NOT NULL CHECK (category IN ('fraud_record','two_card','stranded_abroad','returnee','illegal_crossing')),
  org_id           bigint NOT NULL REFERENCES orgs(id),
  officer_id       bigint REFERENCES users(id),
  measures         text[] NOT NULL DEFAULT '{}',
  status           text NOT NULL CHECK (status IN ('stranded','contacted','returning','returned','surrendered','under_control','released')),
  abroad_location  text,
  return_plan      text,
  family_contacts  jsonb NOT NULL DEFAULT '[]'::jsonb,
  listed_at        timestamptz NOT NULL,
  returned_at      timestamptz,
  control_until    timestamptz,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CONSTRAINT key_persons_person_category_uq UNIQUE (id_number, category)
);
CREATE INDEX key_persons_org_idx ON key_persons (org_id, category, status);

CREATE TABLE person_events (
  id           bigserial PRIMARY KEY,
  person_id    bigint NOT NULL REFERENCES key_persons(id),
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
CREATE INDEX person_events_person_idx ON person_events (person_id, id);

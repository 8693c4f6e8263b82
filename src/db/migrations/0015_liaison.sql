-- 联席办 (joint-meeting office): meetings of the member units whose decisions become tasks with an owner
-- unit and a deadline, the owners' replies, and the yearly responsibility letters (责任书) each unit signs.

CREATE SEQUENCE liaison_meeting_no_seq;

CREATE TABLE liaison_meetings (
  id            bigserial PRIMARY KEY,
  meeting_no    text NOT NULL UNIQUE,
  org_id        bigint NOT NULL REFERENCES orgs(id),
  held_at       timestamptz NOT NULL,
  title         text NOT NULL,
  attendee_ids  bigint[] NOT NULL DEFAULT '{}',
  minutes       text NOT NULL,
  created_by    text,
  created_at    timestamptz NOT NULL
);
CREATE INDEX liaison_meetings_org_idx ON liaison_meetings (org_id, held_at DESC);

CREATE TABLE liaison_tasks (
  id                   bigserial PRIMARY KEY,
  meeting_id           bigint REFERENCES liaison_meetings(id),
  from_org_id          bigint NOT NULL REFERENCES orgs(id),
  owner_org_id         bigint NOT NULL REFERENCES orgs(id),
  title                text NOT NULL,
  detail               text,
  due_at               timestamptz NOT NULL,
  reply_text           text,
  replied_at           timestamptz,
  replied_by           text,
  overdue_notified_at  timestamptz,
  created_at           timestamptz NOT NULL
);
CREATE INDEX liaison_tasks_owner_idx ON liaison_tasks (owner_org_id, due_at);
CREATE INDEX liaison_tasks_open_due_idx ON liaison_tasks (due_at) WHERE replied_at IS NULL;

CREATE TABLE responsibility_letters (
  id          bigserial PRIMARY KEY,
  org_id      bigint NOT NULL REFERENCES orgs(id),
  year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title       text NOT NULL,
  items       jsonb NOT NULL,
  signed_on   date,
  signed_by   text,
  created_by  text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  UNIQUE (org_id, year)
);

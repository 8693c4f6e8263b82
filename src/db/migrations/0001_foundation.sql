-- Foundation: organisations, users, sessions, partner API tokens, append-only audit log.

CREATE TABLE orgs (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('city','county','station','township','grid','bank','bank_branch','operator','outlet','member_unit')),
  parent_id   bigint REFERENCES orgs(id),
  region_code text,
  -- materialised path of ids ('/1/7/42/'): a subtree is one indexed prefix match
  path        text NOT NULL,
  depth       integer NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orgs_path_idx ON orgs (path text_pattern_ops);
CREATE INDEX orgs_parent_idx ON orgs (parent_id);
CREATE INDEX orgs_region_idx ON orgs (region_code);

CREATE TABLE users (
  id              bigserial PRIMARY KEY,
  username        text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  password_hash   text NOT NULL,
  role            text NOT NULL CHECK (role IN ('admin','center_analyst','center_leader','station_officer','grid_worker','bank_liaison','operator_liaison','member_contact','viewer')),
  org_id          bigint NOT NULL REFERENCES orgs(id),
  phone           text,
  active          boolean NOT NULL DEFAULT true,
  failed_logins   integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  last_login_at   timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_org_idx ON users (org_id);

CREATE TABLE sessions (
  id            text PRIMARY KEY,          -- sha256 of the cookie value; the value itself is never stored
  user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE api_tokens (
  id            bigserial PRIMARY KEY,
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,      -- sha256 of the token; shown once at creation
  prefix        text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin','center_analyst','center_leader','station_officer','grid_worker','bank_liaison','operator_liaison','member_contact','viewer')),
  org_id        bigint NOT NULL REFERENCES orgs(id),
  created_by    bigint REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  expires_at    timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_tokens_org_idx ON api_tokens (org_id);

CREATE TABLE audit_log (
  id           bigint PRIMARY KEY,         -- assigned in chain order under an advisory lock
  at           timestamptz NOT NULL,
  actor_type   text NOT NULL CHECK (actor_type IN ('user','token','system','anonymous')),
  actor_id     bigint,
  actor_name   text,
  action       text NOT NULL,
  target_type  text,
  target_id    text,
  org_id       bigint,
  ip           text,
  request_id   text,
  detail       jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_type, actor_id, at DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

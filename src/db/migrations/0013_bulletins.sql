-- 警情通报: warning bulletins on recent fraud for a unit and period, drafted by the system from the figures
-- and the case narratives (new methods), edited by an analyst and published to the units below.

CREATE TABLE stat_bulletins (
  id            bigserial PRIMARY KEY,
  org_id        bigint NOT NULL REFERENCES orgs(id),
  first_day     date NOT NULL,
  last_day      date NOT NULL CHECK (last_day >= first_day),
  title         text NOT NULL,
  body          text NOT NULL,
  status        text NOT NULL CHECK (status IN ('draft','published')),
  -- What the draft was made from: figures, rising types, new phrases, typical cases.
  basis         jsonb NOT NULL,
  created_at    timestamptz NOT NULL,
  created_by    text,
  updated_at    timestamptz NOT NULL,
  published_at  timestamptz,
  published_by  text,
  CONSTRAINT stat_bulletins_published CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX stat_bulletins_org_idx ON stat_bulletins (org_id, created_at DESC);

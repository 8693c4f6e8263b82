-- 控: the end of a returnee's control period is told to the file's unit once (persons.control_sweep), and the
-- file list is searched (exact ID number or phone, name prefix), filtered by officer and sorted by last change.

ALTER TABLE key_persons ADD COLUMN control_end_notified_at timestamptz;

-- The sweep's queue: people still under control whose period end has not been told yet.
CREATE INDEX key_persons_control_due_idx ON key_persons (control_until)
  WHERE status = 'under_control' AND control_end_notified_at IS NULL;

CREATE INDEX key_persons_updated_idx ON key_persons (updated_at DESC, id DESC);
CREATE INDEX key_persons_officer_idx ON key_persons (officer_id) WHERE officer_id IS NOT NULL;
CREATE INDEX key_persons_id_number_idx ON key_persons (id_number);
CREATE INDEX key_persons_phone_idx ON key_persons (phone) WHERE phone IS NOT NULL;
CREATE INDEX key_persons_name_idx ON key_persons (name text_pattern_ops);
-- 核减率 over a listing period.
CREATE INDEX key_persons_stranded_listed_idx ON key_persons (org_id, listed_at) WHERE category = 'stranded_abroad';

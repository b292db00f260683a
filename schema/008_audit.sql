-- The audit log (issue 10): every change outside case events, with who, when, before and after,
-- in its own hash chain. `subject` names the table and `key` the row; `before` and `after` are
-- the row as JSON (audit_row_* below), `before` NULL for an insert. `after_case_seq` is the
-- number of case events that existed when the change was written: it places the event in the
-- ledger (case events and audit events merged, lib/ent110/audit/ledger.cpp).
CREATE TABLE audit_event (
  seq            INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  actor          TEXT NOT NULL,
  unit           TEXT NOT NULL,
  action         TEXT NOT NULL,  -- the command, e.g. 'unit add', 'calendar load'; 'baseline'
  subject        TEXT NOT NULL CHECK (subject IN ('unit', 'user', 'enterprise', 'calendar_year',
                                                  'calendar_override', 'assessment_event')),
  key            TEXT NOT NULL,
  before         TEXT,
  after          TEXT,
  after_case_seq INTEGER NOT NULL CHECK (after_case_seq >= 0),
  prev_hash      TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash           TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX audit_event_by_at ON audit_event (at);
CREATE INDEX audit_event_by_subject ON audit_event (subject, key, seq);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;

-- Each audited row as the JSON an audit event stores. The program and `ent110 verify` read rows
-- only through these views, so that what was recorded and what is compared cannot drift apart.
-- A year of the official schedule carries its days: a day added behind the tool's back changes
-- its year.
CREATE VIEW audit_row_unit (key, row) AS
  SELECT code, json_object('code', code, 'name', name, 'kind', kind, 'leader', leader,
                           'contact', contact, 'phone', phone, 'created_at', created_at)
  FROM unit;
CREATE VIEW audit_row_user (key, row) AS
  SELECT login, json_object('login', login, 'unit', unit, 'role', role, 'created_at', created_at)
  FROM user;
CREATE VIEW audit_row_enterprise (key, row) AS
  SELECT id, json_object('id', id, 'name', name, 'credit_code', credit_code, 'county', county,
                         'above_scale', above_scale, 'key_enterprise', key_enterprise,
                         'contact', contact, 'phone', phone, 'created_at', created_at)
  FROM enterprise;
CREATE VIEW audit_row_calendar_year (key, row) AS
  SELECT y.year, json_object('year', y.year, 'file', y.file, 'notice', y.notice,
                             'title', y.title, 'issued', y.issued, 'url', y.url,
                             'amendments', y.amendments, 'revision', y.revision,
                             'days', json((SELECT json_group_array(json_array(d.date, d.kind,
                                                                              d.name, d.name_en))
                                           FROM (SELECT date, kind, name, name_en
                                                 FROM calendar_day WHERE year = y.year
                                                 ORDER BY date) AS d)))
  FROM calendar_year AS y;
CREATE VIEW audit_row_calendar_override (key, row) AS
  SELECT id, json_object('id', id, 'date', date, 'kind', kind, 'reason', reason, 'actor', actor,
                         'at', at, 'revision', revision)
  FROM calendar_override;
CREATE VIEW audit_row_assessment_event (key, row) AS
  SELECT id, json_object('id', id, 'kind', kind, 'unit', unit, 'year', year, 'date', date,
                         'value', value, 'note', note, 'actor', actor, 'at', at)
  FROM assessment_event;

-- Rows that exist before this migration get one 'baseline' event each, by the actor 'migration'
-- at the row's own creation time, so that verify can replay them like any later change.
-- ent110_chain_hash is the chain's hash (lib/ent110/store/chain_hash.cpp), registered by the
-- migrator; its fields are those of lib/ent110/audit/audit_log.cpp's audit_hash.
CREATE TEMP TABLE audit_baseline (
  n       INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  subject TEXT NOT NULL,
  key     TEXT NOT NULL,
  row     TEXT NOT NULL
);
INSERT INTO temp.audit_baseline (at, subject, key, row)
  SELECT u.created_at, 'unit', v.key, v.row
  FROM audit_row_unit AS v JOIN unit AS u ON u.code = v.key ORDER BY u.created_at, v.key;
INSERT INTO temp.audit_baseline (at, subject, key, row)
  SELECT u.created_at, 'user', v.key, v.row
  FROM audit_row_user AS v JOIN user AS u ON u.login = v.key ORDER BY u.created_at, v.key;
INSERT INTO temp.audit_baseline (at, subject, key, row)
  SELECT e.created_at, 'enterprise', v.key, v.row
  FROM audit_row_enterprise AS v JOIN enterprise AS e ON e.id = v.key ORDER BY e.id;
INSERT INTO temp.audit_baseline (at, subject, key, row)
  SELECT r.at, 'calendar_year', v.key, v.row
  FROM audit_row_calendar_year AS v JOIN calendar_year AS y ON y.year = v.key
  JOIN calendar_revision AS r ON r.revision = y.revision ORDER BY y.year;
INSERT INTO temp.audit_baseline (at, subject, key, row)
  SELECT o.at, 'calendar_override', v.key, v.row
  FROM audit_row_calendar_override AS v JOIN calendar_override AS o ON o.id = v.key ORDER BY o.id;
INSERT INTO temp.audit_baseline (at, subject, key, row)
  SELECT a.at, 'assessment_event', v.key, v.row
  FROM audit_row_assessment_event AS v JOIN assessment_event AS a ON a.id = v.key ORDER BY a.id;

INSERT INTO audit_event (seq, at, actor, unit, action, subject, key, before, after,
                         after_case_seq, prev_hash, hash)
  WITH RECURSIVE
    cases (n) AS (SELECT coalesce(max(seq), 0) FROM case_event),
    chain (n, prev_hash, hash) AS (
      SELECT 0, NULL, '0000000000000000000000000000000000000000000000000000000000000000'
      UNION ALL
      SELECT b.n, c.hash,
             ent110_chain_hash(c.hash, b.n, b.at, 'migration', '', 'baseline', b.subject, b.key,
                               NULL, b.row, (SELECT n FROM cases))
      FROM chain AS c JOIN temp.audit_baseline AS b ON b.n = c.n + 1)
  SELECT b.n, b.at, 'migration', '', 'baseline', b.subject, b.key, NULL, b.row,
         (SELECT n FROM cases), c.prev_hash, c.hash
  FROM chain AS c JOIN temp.audit_baseline AS b ON b.n = c.n;

DROP TABLE temp.audit_baseline;

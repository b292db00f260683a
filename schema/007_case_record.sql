-- The accountability record (issue 10). Case events gain the time they were recorded beside the
-- time they happened (late entry of paper records), and the actions that correct the record in
-- the open: a co-unit's contribution, a correction naming the event it corrects, and the
-- withdrawal of a referral that a later-recorded fact proved wrong. Clocks gain the co-units'
-- `assist` clock. SQLite cannot change a CHECK in place, so both tables are rebuilt.

DROP TRIGGER case_event_no_update;
DROP TRIGGER case_event_no_delete;
CREATE TABLE case_event_new (
  seq         INTEGER PRIMARY KEY,  -- the global chain's order
  case_id     TEXT NOT NULL REFERENCES case_file (id),
  case_seq    INTEGER NOT NULL,     -- 1, 2, … within the case
  at          TEXT NOT NULL,        -- when it happened (--at)
  action      TEXT NOT NULL CHECK (action IN ('intake', 'reject', 'forward', 'redo', 'reply',
                'approve', 'return', 'explain', 'escalate-government', 'escalate-joint-meeting',
                'escalate-inspection', 'dispute', 'evaluate', 'contribute', 'correct',
                'withdraw')),
  actor       TEXT NOT NULL,
  unit        TEXT NOT NULL,
  detail      TEXT NOT NULL DEFAULT '',
  text        TEXT NOT NULL DEFAULT '',
  prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash        TEXT NOT NULL CHECK (length(hash) = 64),
  recorded_at TEXT,                 -- when it was recorded; NULL for events older than this column
  UNIQUE (case_id, case_seq)
) STRICT;
INSERT INTO case_event_new (seq, case_id, case_seq, at, action, actor, unit, detail, text,
                            prev_hash, hash)
  SELECT seq, case_id, case_seq, at, action, actor, unit, detail, text, prev_hash, hash
  FROM case_event;
DROP TABLE case_event;
ALTER TABLE case_event_new RENAME TO case_event;
CREATE INDEX case_event_by_at ON case_event (at);
CREATE INDEX case_event_by_action ON case_event (action, at, unit, case_id, detail);
CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;
CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;

CREATE TABLE case_clock_new (
  id           INTEGER PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES case_file (id),
  name         TEXT NOT NULL CHECK (name IN ('forward', 'reply', 'explain', 'government',
                                             'review', 'resubmit', 'assist')),
  unit         TEXT NOT NULL,  -- who owes the action: the office, the lead unit or a co-unit
  round        INTEGER NOT NULL DEFAULT 0,
  started_at   TEXT NOT NULL,
  started      TEXT NOT NULL CHECK (started GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  working_days INTEGER CHECK (working_days IS NULL OR working_days >= 1),
  due          TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  stopped      TEXT,
  outcome      TEXT NOT NULL CHECK (outcome IN ('running', 'paused', 'met', 'missed', 'cancelled')),
  provisional  INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
  referred_at  TEXT  -- when a late, unexplained unit was referred to inspection (Art. 7)
) STRICT;
INSERT INTO case_clock_new SELECT id, case_id, name, unit, round, started_at, started,
  working_days, due, stopped, outcome, provisional, referred_at FROM case_clock;
DROP TABLE case_clock;
ALTER TABLE case_clock_new RENAME TO case_clock;
CREATE INDEX case_clock_by_case ON case_clock (case_id, id);
CREATE INDEX case_clock_running_by_due ON case_clock (due, name) WHERE outcome = 'running';
CREATE INDEX case_clock_running_by_unit ON case_clock (unit, due) WHERE outcome = 'running';
CREATE INDEX case_clock_provisional ON case_clock (due) WHERE provisional = 1;
CREATE INDEX case_clock_by_due ON case_clock (name, due, unit, outcome, stopped, case_id);
CREATE INDEX case_clock_late_by_stopped ON case_clock (name, stopped, due, unit)
  WHERE stopped IS NOT NULL AND outcome <> 'met';

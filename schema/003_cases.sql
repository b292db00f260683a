-- Cases, their clocks and their events (issue 4). Instants are UTC text, dates 'YYYY-MM-DD'
-- (local, the configured zone). Every list and show query is served by an index below.

CREATE TABLE case_file (
  id             TEXT PRIMARY KEY,  -- 'YYYY-NNNNNN'
  year           INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),  -- local year of receipt
  number         INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999999),
  enterprise     INTEGER NOT NULL REFERENCES enterprise (id),
  type           TEXT NOT NULL CHECK (type IN ('consult', 'coordinate')),
  major          INTEGER NOT NULL DEFAULT 0 CHECK (major IN (0, 1)),
  channel        TEXT NOT NULL CHECK (channel IN ('web', 'hotline', 'visit', 'other')),
  title          TEXT NOT NULL CHECK (length(title) > 0),
  body           TEXT NOT NULL,
  received_at    TEXT NOT NULL,
  received_month TEXT NOT NULL,  -- 'YYYY-MM' of the local date of receipt, for `list --month`
  state          TEXT NOT NULL CHECK (state IN ('received', 'rejected', 'forwarded', 'submitted',
                   'returned', 'explained', 'escalated', 'answered', 'evaluated', 'disputed')),
  unit           TEXT REFERENCES unit (code),  -- the lead unit (主办), NULL before forwarding
  round          INTEGER NOT NULL DEFAULT 0,   -- times handled again (重办, Art. 9)
  reject_reason  TEXT CHECK (reject_reason IN ('unlawful', 'unclear')),
  -- The result a coordinate unit last submitted for review (Art. 6).
  result_text    TEXT,
  result_unit    TEXT,
  result_by      TEXT,
  result_at      TEXT,
  -- The published answer and who published it (谁发布、谁负责, Art. 14, 16).
  answer_text    TEXT,
  answer_unit    TEXT,
  answer_by      TEXT,
  answer_at      TEXT,
  answer_edited  INTEGER NOT NULL DEFAULT 0 CHECK (answer_edited IN (0, 1)),
  rating         TEXT CHECK (rating IN ('satisfied', 'basic', 'dissatisfied')),  -- Art. 9
  rating_comment TEXT,
  UNIQUE (year, number)
) STRICT;
CREATE INDEX case_by_number ON case_file (number);
CREATE INDEX case_by_state ON case_file (state);
CREATE INDEX case_by_unit ON case_file (unit, state);
CREATE INDEX case_by_month ON case_file (received_month, type);
CREATE INDEX case_by_enterprise ON case_file (enterprise);
CREATE INDEX case_major ON case_file (received_month) WHERE major = 1;

-- Co-units (协办) of the current assignment.
CREATE TABLE case_co_unit (
  case_id TEXT NOT NULL REFERENCES case_file (id),
  unit    TEXT NOT NULL REFERENCES unit (code),
  PRIMARY KEY (case_id, unit)
) STRICT;
CREATE INDEX case_co_unit_by_unit ON case_co_unit (unit);

-- The clocks of spec/rules.md. `working_days` is NULL for a fixed `forward --due` date; the
-- calendar's recompute (lib/ent110/calendar/deadline_tables.cpp) rewrites `due` and
-- `provisional` of running clocks when a year's official schedule is loaded.
CREATE TABLE case_clock (
  id           INTEGER PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES case_file (id),
  name         TEXT NOT NULL CHECK (name IN ('forward', 'reply', 'explain', 'government',
                                             'review', 'resubmit')),
  unit         TEXT NOT NULL,  -- who owes the action
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
CREATE INDEX case_clock_by_case ON case_clock (case_id, id);
CREATE INDEX case_clock_running_by_due ON case_clock (due, name) WHERE outcome = 'running';
CREATE INDEX case_clock_running_by_unit ON case_clock (unit, due) WHERE outcome = 'running';
CREATE INDEX case_clock_provisional ON case_clock (due) WHERE provisional = 1;

-- One row per action, appended and never edited. `hash` is SHA-256 over the event's content and
-- `prev_hash` (the previous event of the global chain), so that edits behind the tool's back
-- show (`ent110 verify`).
CREATE TABLE case_event (
  seq       INTEGER PRIMARY KEY,  -- the global chain's order
  case_id   TEXT NOT NULL REFERENCES case_file (id),
  case_seq  INTEGER NOT NULL,     -- 1, 2, … within the case
  at        TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('intake', 'reject', 'forward', 'redo', 'reply',
              'approve', 'return', 'explain', 'escalate-government', 'escalate-joint-meeting',
              'escalate-inspection', 'dispute', 'evaluate')),
  actor     TEXT NOT NULL,
  unit      TEXT NOT NULL,
  detail    TEXT NOT NULL DEFAULT '',
  text      TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash      TEXT NOT NULL CHECK (length(hash) = 64),
  UNIQUE (case_id, case_seq)
) STRICT;
CREATE INDEX case_event_by_at ON case_event (at);

CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;
CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;

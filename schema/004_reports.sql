-- Reports and the year-end assessment (issue 6).

-- Year-end assessment inputs that ent110 cannot observe (Art. 11, 12), recorded by the office with
-- `ent110 assess`: appended and never edited. The latest policy score of a unit and year is the
-- one the assessment uses; the findings of a year add up.
CREATE TABLE assessment_event (
  id    INTEGER PRIMARY KEY,
  kind  TEXT NOT NULL CHECK (kind IN ('policy', 'finding')),
  unit  TEXT NOT NULL REFERENCES unit (code),
  year  INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
  -- the day of a finding, in its year; a policy score is for the whole year
  date  TEXT CHECK ((kind = 'policy' AND date IS NULL) OR
                    (kind = 'finding' AND date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                     AND CAST(substr(date, 1, 4) AS INTEGER) = year)),
  -- policy: the score, 0–100; finding: the points deducted from the supervision score
  value REAL NOT NULL CHECK ((kind = 'policy' AND value BETWEEN 0 AND 100) OR
                             (kind = 'finding' AND value > 0 AND value <= 100)),
  note  TEXT NOT NULL CHECK (length(note) > 0),
  actor TEXT NOT NULL,
  at    TEXT NOT NULL
) STRICT;
CREATE INDEX assessment_event_by_year ON assessment_event (year, unit, kind);

-- Covering indexes for the reports' GROUP BY queries, so that a month's figures read only that
-- month's index entries, never the tables, whatever the number of cases (lib/ent110/report).
-- Actions of a month: forwards by target unit (detail), rejections by reason, ratings, referrals.
CREATE INDEX case_event_by_action ON case_event (action, at, unit, case_id, detail);
-- On-time rates: clocks due in a month, by name and unit, with what decides on time.
CREATE INDEX case_clock_by_due ON case_clock (name, due, unit, outcome, stopped, case_id);
-- Overdue at a past month's end: clocks stopped after it.
CREATE INDEX case_clock_by_stopped ON case_clock (stopped, name, due, unit) WHERE stopped IS NOT NULL;
-- Intake by channel; type and major are served by case_by_month and case_major (003).
CREATE INDEX case_by_month_channel ON case_file (received_month, channel);
-- Type and lead unit of a case named by an event or a clock, without reading the case row.
CREATE INDEX case_type_unit ON case_file (id, type, unit);

-- The working-day calendar (issue 3). Dates are 'YYYY-MM-DD', instants UTC text.
-- A day is judged in layers: the latest local override, else the official schedule, else the
-- weekend rule (Saturday and Sunday off). Only the first two layers are stored.

-- Every load of holiday files and every override is one revision; the calendar's revision is
-- the largest number here.
CREATE TABLE calendar_revision (
  revision INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  actor    TEXT NOT NULL,
  what     TEXT NOT NULL CHECK (what IN ('load', 'override')),
  detail   TEXT NOT NULL  -- the files loaded, or the override's date and kind
) STRICT;

-- One row per year whose official schedule (holidays/YYYY.toml) is loaded, with its provenance.
CREATE TABLE calendar_year (
  year       INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 9999),
  file       TEXT NOT NULL,  -- the file as named when loaded, e.g. 'holidays/2025.toml'
  notice     TEXT NOT NULL,  -- e.g. '国办发明电〔2024〕12号'
  title      TEXT NOT NULL,
  issued     TEXT NOT NULL CHECK (issued GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  url        TEXT NOT NULL,
  amendments TEXT NOT NULL DEFAULT '',  -- later notices that changed the year, '; '-separated
  revision   INTEGER NOT NULL REFERENCES calendar_revision (revision)
) STRICT;

-- The official schedule's non-default days: days off and made-up working days (调休). A weekend
-- day inside a block of days off is stored as 'holiday'. `year` is the schedule that states the
-- day (a New Year block may reach into the previous December).
CREATE TABLE calendar_day (
  date    TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind    TEXT NOT NULL CHECK (kind IN ('holiday', 'adjusted-workday')),
  name    TEXT NOT NULL,  -- the festival, as the notice names it
  name_en TEXT NOT NULL,
  year    INTEGER NOT NULL REFERENCES calendar_year (year) ON DELETE CASCADE
) STRICT;
CREATE INDEX calendar_day_by_year ON calendar_day (year);

-- Local overrides (`calendar set`), appended and never edited: the latest row of a date rules.
-- 'official' removes an earlier override of that date.
CREATE TABLE calendar_override (
  id       INTEGER PRIMARY KEY,
  date     TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind     TEXT NOT NULL CHECK (kind IN ('local-off', 'local-work', 'official')),
  reason   TEXT NOT NULL CHECK (length(reason) > 0),
  actor    TEXT NOT NULL,
  at       TEXT NOT NULL,
  revision INTEGER NOT NULL REFERENCES calendar_revision (revision)
) STRICT;
CREATE INDEX calendar_override_by_date ON calendar_override (date, id);

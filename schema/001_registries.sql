-- Units, users and enterprises (issue 2). Instants are UTC text 'YYYY-MM-DDTHH:MM:SSZ'.
CREATE TABLE unit (
  code       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('department', 'county', 'district', 'area', 'zone',
                                           'office', 'government', 'inspection', 'supervision')),
  leader     TEXT,  -- 分管领导, the leader in charge (Art. 5)
  contact    TEXT,  -- 具体责任人员, the responsible person (Art. 5)
  phone      TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE user (
  login      TEXT PRIMARY KEY,
  unit       TEXT NOT NULL REFERENCES unit (code),
  role       TEXT NOT NULL CHECK (role IN ('office', 'unit', 'viewer')),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX user_by_unit ON user (unit);

CREATE TABLE enterprise (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  credit_code    TEXT UNIQUE CHECK (credit_code IS NULL OR length(credit_code) = 18),
  county         TEXT REFERENCES unit (code),
  above_scale    INTEGER NOT NULL DEFAULT 0 CHECK (above_scale IN (0, 1)),
  key_enterprise INTEGER NOT NULL DEFAULT 0 CHECK (key_enterprise IN (0, 1)),
  contact        TEXT,
  phone          TEXT,
  created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX enterprise_by_county ON enterprise (county);

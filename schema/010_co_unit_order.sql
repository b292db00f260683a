-- Co-units keep the order the office named them in (`forward --with A,B`): the replay and
-- `verify` compare that order. SQLite kept it in the rowid, which PostgreSQL does not have, so
-- it becomes a column of its own on both engines.
ALTER TABLE case_co_unit ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
-- @sqlite
UPDATE case_co_unit SET position = rowid;
-- @end

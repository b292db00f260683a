-- The search index is tokenized once per case and transaction, not at every row written (issue
-- 15): 013's triggers rewrote a case's whole FTS5 row, re-tokenizing it, at its intake and again
-- at each event with a text, and FTS5 flushed its pending data after each statement. The
-- triggers still see every write, from ent110 or any other tool, but only note which cases
-- changed; ent110 rebuilds their index rows just before each commit, and `search` first rebuilds
-- those that another tool's writes left noted (lib/ent110/store/search_index.cpp). The index
-- itself is unchanged, so an existing one stays as it is.
-- @sqlite
CREATE TABLE case_search_pending (rowid INTEGER PRIMARY KEY) STRICT;
DROP TRIGGER case_search_intake;
DROP TRIGGER case_search_answer;
DROP TRIGGER case_search_event;
CREATE TRIGGER case_search_intake AFTER INSERT ON case_file
BEGIN
  INSERT OR IGNORE INTO case_search_pending (rowid) VALUES (new.rowid);
END;
CREATE TRIGGER case_search_answer AFTER UPDATE OF title, body, answer_text ON case_file
  WHEN new.title IS NOT old.title OR new.body IS NOT old.body
       OR new.answer_text IS NOT old.answer_text
BEGIN
  INSERT OR IGNORE INTO case_search_pending (rowid) VALUES (new.rowid);
END;
CREATE TRIGGER case_search_event AFTER INSERT ON case_event WHEN new.text <> ''
BEGIN
  INSERT OR IGNORE INTO case_search_pending (rowid)
    SELECT rowid FROM case_file WHERE id = new.case_id;
END;
-- @end
-- PostgreSQL's pg_trgm indexes (013) are kept by PostgreSQL itself.

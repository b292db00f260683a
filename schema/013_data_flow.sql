-- Knowledge and data flow (issue 14): where a case came from (the id the sending system gave it,
-- unique per channel), whether it is a commercial secret (商业秘密, never published), which case
-- a duplicate follows (并单), the events that merge, unmerge and follow, and the search index.
ALTER TABLE case_file ADD COLUMN source_id TEXT;
ALTER TABLE case_file ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0
  CHECK (confidential IN (0, 1));
-- Derived from the case's merge/unmerge events by the replay, like its state. Checked at commit:
-- `copy` moves cases in id order, and a case may follow one received after it.
ALTER TABLE case_file ADD COLUMN merged_into TEXT REFERENCES case_file (id)
  DEFERRABLE INITIALLY DEFERRED;
CREATE UNIQUE INDEX case_by_source ON case_file (channel, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX case_by_primary ON case_file (merged_into) WHERE merged_into IS NOT NULL;

-- @sqlite
DROP TRIGGER case_event_no_update;
DROP TRIGGER case_event_no_delete;
CREATE TABLE case_event_013 (
  seq         INTEGER PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES case_file (id),
  case_seq    INTEGER NOT NULL,
  at          TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('intake', 'reject', 'forward', 'redo', 'reply',
                'approve', 'return', 'explain', 'escalate-government', 'escalate-joint-meeting',
                'escalate-inspection', 'dispute', 'evaluate', 'contribute', 'correct',
                'withdraw', 'merge', 'unmerge', 'follow')),
  actor       TEXT NOT NULL,
  unit        TEXT NOT NULL,
  detail      TEXT NOT NULL DEFAULT '',
  text        TEXT NOT NULL DEFAULT '',
  prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash        TEXT NOT NULL CHECK (length(hash) = 64),
  recorded_at TEXT,
  UNIQUE (case_id, case_seq)
) STRICT;
INSERT INTO case_event_013 SELECT * FROM case_event ORDER BY seq;
DROP TABLE case_event;
ALTER TABLE case_event_013 RENAME TO case_event;
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

-- The search index: SQLite's trigram tokenizer finds any substring of 3 or more characters,
-- which is what Chinese (written without spaces) needs. Triggers keep it in step with every
-- write, corrections included: titles and bodies are fixed at intake, the published answer
-- changes with the case, and every event's text (reasons, explanations, notes) is appended.
CREATE VIRTUAL TABLE case_search USING fts5(case_id UNINDEXED, title, body, answer, notes,
                                            tokenize = 'trigram');
INSERT INTO case_search (rowid, case_id, title, body, answer, notes)
  SELECT f.rowid, f.id, f.title, f.body, coalesce(f.answer_text, ''),
         coalesce((SELECT group_concat(e.text, ' ') FROM case_event AS e
                   WHERE e.case_id = f.id AND e.text <> ''), '')
  FROM case_file AS f;
CREATE TRIGGER case_search_intake AFTER INSERT ON case_file
BEGIN
  INSERT INTO case_search (rowid, case_id, title, body, answer, notes)
    VALUES (new.rowid, new.id, new.title, new.body, coalesce(new.answer_text, ''), '');
END;
CREATE TRIGGER case_search_answer AFTER UPDATE OF answer_text ON case_file
  WHEN new.answer_text IS NOT old.answer_text
BEGIN
  UPDATE case_search SET answer = coalesce(new.answer_text, '') WHERE rowid = new.rowid;
END;
CREATE TRIGGER case_search_event AFTER INSERT ON case_event WHEN new.text <> ''
BEGIN
  UPDATE case_search SET notes = CASE WHEN notes = '' THEN new.text ELSE notes || ' ' || new.text END
  WHERE rowid = (SELECT rowid FROM case_file WHERE id = new.case_id);
END;
-- @end
-- @postgresql
ALTER TABLE case_event DROP CONSTRAINT case_event_action_check;
ALTER TABLE case_event ADD CONSTRAINT case_event_action_check
  CHECK (action IN ('intake', 'reject', 'forward', 'redo', 'reply', 'approve', 'return',
                    'explain', 'escalate-government', 'escalate-joint-meeting',
                    'escalate-inspection', 'dispute', 'evaluate', 'contribute', 'correct',
                    'withdraw', 'merge', 'unmerge', 'follow'));
-- pg_trgm's GIN indexes serve ILIKE '%term%' for terms of 3 or more characters, as FTS5's
-- trigram tokenizer does on SQLite. The extension is trusted: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX case_search_title ON case_file USING gin (title gin_trgm_ops);
CREATE INDEX case_search_body ON case_file USING gin (body gin_trgm_ops);
CREATE INDEX case_search_answer ON case_file USING gin (answer_text gin_trgm_ops);
CREATE INDEX case_search_event ON case_event USING gin (text gin_trgm_ops);
-- @end

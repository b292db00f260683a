-- Marks the file as an ent110 database (issue 11): PRAGMA application_id = "E110" in ASCII
-- (0x45313130), in the SQLite header where file(1) and ent110 can see it. ent110 opens only files
-- that carry it, or that predate it (application_id 0 with ent110's tables); any other SQLite
-- file is refused unchanged, and only `ent110 init` turns an empty one into a database.
PRAGMA application_id = 1160851760;

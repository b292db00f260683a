-- The morning triage follows up answers the enterprise has not rated for a few weeks only
-- (triage.unrated_within_days); this index finds the recent ones without reading every answered
-- case the office ever closed (lib/ent110/triage/triage.cpp).
CREATE INDEX case_answered_by_date ON case_file (answer_at) WHERE state = 'answered';

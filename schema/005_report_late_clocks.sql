-- The overdue section of a past month's report looks for unit clocks due by the month's end and
-- stopped only after it. Such a clock was stopped after its due date, so it was never 'met':
-- indexing only the clocks that were not met, by name first, keeps that lookup to the late ones
-- instead of every clock stopped since the month's end (lib/ent110/report/monthly.cpp).
DROP INDEX case_clock_by_stopped;
CREATE INDEX case_clock_late_by_stopped ON case_clock (name, stopped, due, unit)
  WHERE stopped IS NOT NULL AND outcome <> 'met';

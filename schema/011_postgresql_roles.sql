-- Who may do what on PostgreSQL (issue 12). Each person connects as their own login role, a
-- member of ent110_office (the office's staff: registers, calendar, assessment inputs and cases),
-- ent110_unit (the units' staff: cases only) or ent110_viewer (reads only); `ent110 user add`
-- grants the membership.
-- Only the database owner, who runs `ent110 init`, changes the schema. No role may UPDATE, DELETE
-- or TRUNCATE an event: none is granted, and the baseline's triggers refuse it even to the owner.
-- SQLite has no roles (whoever can write the file can do anything): nothing here applies to it.
-- @postgresql
DO $$
DECLARE
  group_role text;
BEGIN
  -- Roles belong to the whole server: another ent110 database there may have made them, even
  -- at this moment.
  FOREACH group_role IN ARRAY ARRAY['ent110_office', 'ent110_unit', 'ent110_viewer'] LOOP
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_role) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO ent110_office, ent110_unit, ent110_viewer',
                 current_schema());
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO ent110_office, ent110_unit, '
                 'ent110_viewer', current_schema());
  EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO ent110_office, ent110_unit',
                 current_schema());
END $$;
GRANT INSERT, UPDATE ON case_file TO ent110_office, ent110_unit;
GRANT INSERT, UPDATE, DELETE ON case_clock, case_co_unit TO ent110_office, ent110_unit;
GRANT INSERT ON case_event TO ent110_office, ent110_unit;
GRANT INSERT, UPDATE ON unit, "user", enterprise TO ent110_office;
GRANT INSERT, UPDATE, DELETE ON calendar_revision, calendar_year, calendar_day, calendar_override
  TO ent110_office;
GRANT INSERT ON assessment_event, audit_event TO ent110_office;
-- Any login may open the database (its schema version) and learn whether ent110 knows it, so that
-- one never registered is told so (exit 3) rather than refused a table.
GRANT SELECT ON ent110_schema, "user" TO PUBLIC;

-- `ent110 user add` by an office user makes the person's login role and its membership. Making
-- roles takes CREATEROLE, which the office's staff do not have and should not: this function
-- runs with the rights of the database owner who ran the migration (who needs CREATEROLE), and
-- only ent110_office may call it. It can only grant one of ent110's own groups.
CREATE FUNCTION ent110_grant_login(login text, group_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF group_role NOT IN ('ent110_office', 'ent110_unit', 'ent110_viewer') THEN
    RAISE EXCEPTION 'not an ent110 group: %', group_role USING ERRCODE = 'invalid_parameter_value';
  END IF;
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
      EXECUTE format('CREATE ROLE %I LOGIN', login);
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
  END;
  EXECUTE format('GRANT %I TO %I', group_role, login);
END $$;
REVOKE ALL ON FUNCTION ent110_grant_login(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ent110_grant_login(text, text) TO ent110_office;
-- @end

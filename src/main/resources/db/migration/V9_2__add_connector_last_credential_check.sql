-- When a connector's credentials were last checked against its system, and whether they passed:
-- written by the test route and by a create or update whose check passed; shown on the dashboard.
ALTER TABLE connectors
    ADD COLUMN credentials_checked_at timestamptz,
    ADD COLUMN credentials_check_passed boolean;

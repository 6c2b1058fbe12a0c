-- Runs after every migrate (Flyway callback), so on every start.
--
-- Statistics for every table PostgreSQL has never analyzed. Autovacuum analyzes a table only after
-- 50 rows (plus 10 %) have changed, so the small catalog tables the migrations seed (systems,
-- authentication types and implementations, endpoints...) never got statistics, and the planner
-- guessed their sizes. With a guess of 20 systems where there are 3, the connector list sorted
-- every one of a company's connectors instead of reading its first page in order from an index:
-- measured with pgbench against the list's page query, 9,500 pages/s before and 14,700 after
-- (docs/performance.md, "Fifth pass"). A table analyzed once is left to autovacuum from then on.
DO $$
DECLARE
    never_analyzed regclass;
BEGIN
    FOR never_analyzed IN
        SELECT relid FROM pg_stat_user_tables
         WHERE last_analyze IS NULL AND last_autoanalyze IS NULL
           AND schemaname = current_schema()
    LOOP
        EXECUTE format('ANALYZE %s', never_analyzed);
    END LOOP;
END
$$;

-- Event rollups: several passes where one would do, and sorts nobody reads.

-- Two passes over analytics.events that one CASE WHEN + GROUP BY does (SQL-010).
SELECT 'click' AS kind, COUNT(*) AS n FROM analytics.events WHERE kind = 'click' AND event_date = DATE '2024-05-01'
UNION ALL
SELECT 'view', COUNT(*) FROM analytics.events WHERE kind = 'view' AND event_date = DATE '2024-05-01';

-- A sorted CTE (SQL-008) and a DISTINCT over 400 GB (SQL-007).
WITH recent AS (
  SELECT user_id, event_date FROM analytics.events WHERE event_date >= DATE '2024-05-01' ORDER BY event_date
)
SELECT DISTINCT user_id FROM recent;

-- A clustered table read without any filter (SQL-001).
SELECT user_id FROM analytics.sessions;

-- A table the table list does not describe (an SQL-015 note), and the near miss of SQL-002: the key is filtered.
SELECT event_id FROM analytics.events e JOIN staging.event_labels l ON l.event_id = e.event_id
 WHERE e.event_date BETWEEN DATE '2024-05-01' AND DATE '2024-05-07';

-- Jinja in a .sql file: not analysed, with the hint to pass the dbt manifest instead (SQL-012).
SELECT * FROM {{ ref('stg_orders') }};

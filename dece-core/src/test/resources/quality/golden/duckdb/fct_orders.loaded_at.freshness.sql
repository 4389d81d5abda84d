-- check: fct_orders.loaded_at.freshness
-- kind: freshness (Freshness)
-- dialect: duckdb
-- passes when: violations = 0
SELECT CASE WHEN MAX("loaded_at") IS NULL OR MAX("loaded_at") < CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 360 MINUTE THEN 1 ELSE 0 END AS violations,
       COUNT(*) AS total_rows,
       date_diff('second', MAX("loaded_at"), CAST(CURRENT_TIMESTAMP AS TIMESTAMP)) / 3600.0 AS observed
FROM "fct_orders";

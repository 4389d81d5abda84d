-- check: fct_orders.loaded_at.freshness
-- kind: freshness (Freshness)
-- dialect: snowflake
-- passes when: violations = 0
SELECT CASE WHEN MAX("LOADED_AT") IS NULL OR MAX("LOADED_AT") < DATEADD(minute, -360, CURRENT_TIMESTAMP()) THEN 1 ELSE 0 END AS violations,
       COUNT(*) AS total_rows,
       DATEDIFF(second, MAX("LOADED_AT"), CURRENT_TIMESTAMP()) / 3600.0 AS observed
FROM "FCT_ORDERS";

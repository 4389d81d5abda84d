-- check: fct_orders.loaded_at.freshness
-- kind: freshness (Freshness)
-- dialect: postgres
-- passes when: violations = 0
SELECT CASE WHEN MAX("loaded_at") IS NULL OR MAX("loaded_at") < CURRENT_TIMESTAMP - INTERVAL '360 minutes' THEN 1 ELSE 0 END AS violations,
       COUNT(*) AS total_rows,
       EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - MAX("loaded_at"))) / 3600.0 AS observed
FROM "fct_orders";

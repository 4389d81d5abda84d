-- check: fct_orders.loaded_at.freshness
-- kind: freshness (Freshness)
-- dialect: bigquery
-- passes when: violations = 0
SELECT CASE WHEN MAX(`loaded_at`) IS NULL OR MAX(`loaded_at`) < TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 360 MINUTE) THEN 1 ELSE 0 END AS violations,
       COUNT(*) AS total_rows,
       TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), MAX(`loaded_at`), SECOND) / 3600.0 AS observed
FROM `fct_orders`;

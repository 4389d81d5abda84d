-- check: fct_orders.email.length
-- kind: length (Validity)
-- dialect: duckdb
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN "email" IS NOT NULL AND (LENGTH(CAST("email" AS VARCHAR)) > 6) THEN 1 ELSE 0 END), 0) AS violations,
       COUNT(*) AS total_rows,
       CAST(NULL AS BIGINT) AS observed
FROM "fct_orders";

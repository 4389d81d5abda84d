-- check: fct_orders.email.regex
-- kind: regex (Validity)
-- dialect: duckdb
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN "email" IS NOT NULL AND NOT regexp_matches(CAST("email" AS VARCHAR), '^[^@ ]+@[^@ ]+$') THEN 1 ELSE 0 END), 0) AS violations,
       COUNT(*) AS total_rows,
       CAST(NULL AS BIGINT) AS observed
FROM "fct_orders";

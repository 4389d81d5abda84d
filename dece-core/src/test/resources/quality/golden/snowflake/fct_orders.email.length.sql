-- check: fct_orders.email.length
-- kind: length (Validity)
-- dialect: snowflake
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN "EMAIL" IS NOT NULL AND (LENGTH(CAST("EMAIL" AS VARCHAR)) > 6) THEN 1 ELSE 0 END), 0) AS violations,
       COUNT(*) AS total_rows,
       CAST(NULL AS BIGINT) AS observed
FROM "FCT_ORDERS";

-- check: fct_orders.amount.range
-- kind: range (Validity)
-- dialect: snowflake
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN "AMOUNT" < 0 OR "AMOUNT" > 1000 THEN 1 ELSE 0 END), 0) AS violations,
       COUNT(*) AS total_rows,
       CAST(NULL AS BIGINT) AS observed
FROM "FCT_ORDERS";

-- check: fct_orders.amount.range
-- kind: range (Validity)
-- dialect: postgres
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN "amount" < 0 OR "amount" > 1000 THEN 1 ELSE 0 END), 0) AS violations,
       COUNT(*) AS total_rows,
       CAST(NULL AS BIGINT) AS observed
FROM "fct_orders";

-- check: fct_orders.order_id.not_null
-- kind: not_null (Completeness)
-- dialect: postgres
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN "order_id" IS NULL THEN 1 ELSE 0 END), 0) AS violations,
       COUNT(*) AS total_rows,
       CAST(NULL AS BIGINT) AS observed
FROM "fct_orders";

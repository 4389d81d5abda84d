-- check: fct_orders.order_id.not_null
-- kind: not_null (Completeness)
-- dialect: snowflake
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN "ORDER_ID" IS NULL THEN 1 ELSE 0 END), 0) AS violations,
       COUNT(*) AS total_rows,
       CAST(NULL AS BIGINT) AS observed
FROM "FCT_ORDERS";

-- check: fct_orders.customer_id.referential
-- kind: referential (Consistency)
-- dialect: postgres
-- passes when: violations = 0
SELECT COUNT(*) AS violations,
       (SELECT COUNT(*) FROM "fct_orders") AS total_rows,
       COUNT(DISTINCT f."customer_id") AS observed
FROM "fct_orders" f
LEFT JOIN "dim_customers" d ON f."customer_id" = d."customer_id"
WHERE f."customer_id" IS NOT NULL AND d."customer_id" IS NULL;

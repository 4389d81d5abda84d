-- check: fct_orders.customer_id.referential
-- kind: referential (Consistency)
-- dialect: snowflake
-- passes when: violations = 0
SELECT COUNT(*) AS violations,
       (SELECT COUNT(*) FROM "FCT_ORDERS") AS total_rows,
       COUNT(DISTINCT f."CUSTOMER_ID") AS observed
FROM "FCT_ORDERS" f
LEFT JOIN "DIM_CUSTOMERS" d ON f."CUSTOMER_ID" = d."CUSTOMER_ID"
WHERE f."CUSTOMER_ID" IS NOT NULL AND d."CUSTOMER_ID" IS NULL;

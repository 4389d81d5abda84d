-- check: fct_orders.custom
-- kind: custom (Validity)
-- dialect: snowflake
-- passes when: the query's value = 0
SELECT COUNT(*) FROM "FCT_ORDERS" WHERE amount = 0;

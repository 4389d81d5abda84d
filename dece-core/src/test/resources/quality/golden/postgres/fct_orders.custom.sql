-- check: fct_orders.custom
-- kind: custom (Validity)
-- dialect: postgres
-- passes when: the query's value = 0
SELECT COUNT(*) FROM "fct_orders" WHERE amount = 0;

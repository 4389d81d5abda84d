-- check: fct_orders.volume
-- kind: volume (Completeness)
-- dialect: postgres
-- passes when: violations = 0
SELECT CASE WHEN COUNT(*) BETWEEN 4 AND 100 THEN 0 ELSE 1 END AS violations,
       COUNT(*) AS total_rows,
       COUNT(*) AS observed
FROM "fct_orders";

-- check: fct_orders.order_id.unique
-- kind: unique (Uniqueness)
-- dialect: postgres
-- passes when: violations = 0
SELECT COALESCE(SUM(dupes.dupe_count), 0) AS violations,
       (SELECT COUNT(*) FROM "fct_orders") AS total_rows,
       COUNT(*) AS observed
FROM (SELECT "order_id", COUNT(*) AS dupe_count
      FROM "fct_orders"
      WHERE "order_id" IS NOT NULL
      GROUP BY "order_id"
      HAVING COUNT(*) > 1) dupes;

-- check: fct_orders.order_id.unique
-- kind: unique (Uniqueness)
-- dialect: snowflake
-- passes when: violations = 0
SELECT COALESCE(SUM(dupes.dupe_count), 0) AS violations,
       (SELECT COUNT(*) FROM "FCT_ORDERS") AS total_rows,
       COUNT(*) AS observed
FROM (SELECT "ORDER_ID", COUNT(*) AS dupe_count
      FROM "FCT_ORDERS"
      WHERE "ORDER_ID" IS NOT NULL
      GROUP BY "ORDER_ID"
      HAVING COUNT(*) > 1) dupes;

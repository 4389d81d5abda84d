-- check: fct_orders.status.distribution
-- kind: distribution (Validity)
-- dialect: snowflake
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN shares.pct > 60 THEN shares.cnt ELSE 0 END), 0) AS violations,
       COALESCE(SUM(shares.cnt), 0) AS total_rows,
       MAX(shares.pct) AS observed
FROM (SELECT "STATUS", COUNT(*) AS cnt,
             100.0 * COUNT(*) / SUM(COUNT(*)) OVER () AS pct
      FROM "FCT_ORDERS"
      GROUP BY "STATUS") shares;

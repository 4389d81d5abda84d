-- check: fct_orders.status.distribution
-- kind: distribution (Validity)
-- dialect: postgres
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN shares.pct > 60 THEN shares.cnt ELSE 0 END), 0) AS violations,
       COALESCE(SUM(shares.cnt), 0) AS total_rows,
       MAX(shares.pct) AS observed
FROM (SELECT "status", COUNT(*) AS cnt,
             100.0 * COUNT(*) / SUM(COUNT(*)) OVER () AS pct
      FROM "fct_orders"
      GROUP BY "status") shares;

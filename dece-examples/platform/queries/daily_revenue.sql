-- Daily revenue report: the dashboard's queries, as written by the analytics team.

-- A full scan of a 3 TB table: no filter on order_date (SQL-003), and SELECT * on a columnar store (SQL-005).
SELECT *
  FROM analytics.orders
 WHERE status = 'paid';

-- The partition key is wrapped in a function, so no partition is pruned (SQL-002).
SELECT COUNT(*) AS events
  FROM analytics.events
 WHERE DATE_TRUNC('month', event_date) = DATE '2024-05-01';

-- Revenue by region: the join handles every order before the aggregation (SQL-004).
SELECT c.region, SUM(o.amount) AS revenue, COUNT(*) AS orders
  FROM analytics.orders o
  JOIN analytics.dim_customer c ON c.customer_id = o.customer_id
 WHERE o.order_date >= DATE '2024-05-01'
 GROUP BY c.region
 ORDER BY revenue DESC;

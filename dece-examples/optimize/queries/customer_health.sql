-- Customer health: correlated subqueries, string filters and a NOT IN trap.

-- Runs the subquery once per customer on engines that do not decorrelate it (SQL-006).
SELECT c.customer_id,
       (SELECT MAX(o.order_date) FROM analytics.orders o
         WHERE o.customer_id = c.customer_id AND o.order_date >= DATE '2024-01-01') AS last_order
  FROM analytics.dim_customer c;

-- LOWER() on the column in WHERE (SQL-009).
SELECT customer_id FROM analytics.dim_customer WHERE LOWER(email) LIKE '%@example.com';

-- refunds.order_id is nullable: one NULL and this returns no rows at all (SQL-011).
SELECT o.order_id
  FROM analytics.orders o
 WHERE o.order_date = DATE '2024-05-01'
   AND o.order_id NOT IN (SELECT r.order_id FROM analytics.refunds r);

-- The near miss: NOT EXISTS is right whatever the nullability.
SELECT o.order_id
  FROM analytics.orders o
 WHERE o.order_date = DATE '2024-05-01'
   AND NOT EXISTS (SELECT 1 FROM analytics.refunds r WHERE r.order_id = o.order_id);

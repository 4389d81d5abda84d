-- The bundled example data for orders.contract.yaml: a small fct_orders with a few seeded quality problems,
-- its customer dimension and the source system's orders for reconciliation. Loaded into an in-memory DuckDB.
CREATE TABLE dim_customers (customer_id BIGINT, name VARCHAR);
INSERT INTO dim_customers VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Edsger'), (4, 'Barbara');
CREATE TABLE src_orders (order_id BIGINT, amount DECIMAL(12,2));
INSERT INTO src_orders VALUES (1, 120.00), (2, 35.50), (3, 990.00), (4, 12.25), (5, 77.00), (6, 410.00), (7, 58.10), (8, 230.00), (9, 16.40), (10, 64.00);
CREATE TABLE fct_orders (order_id BIGINT, customer_id BIGINT, customer_email VARCHAR, order_amount DECIMAL(12,2), order_status VARCHAR, loaded_at TIMESTAMP);
INSERT INTO fct_orders VALUES
  (1, 1, 'ada@example.com', 120.00, 'delivered', CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR),
  (2, 2, 'grace@example.com', 35.50, 'shipped', CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR),
  (3, 3, 'edsger@example', 990.00, 'confirmed', CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR),
  (4, 4, 'barbara@example.com', 12.25, 'pending', CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR),
  (5, 9, NULL, 77.00, 'delivered', CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR),
  (6, 1, 'ada@example.com', 410.00, 'delivered', CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR),
  (7, 2, 'grace@example.com', 58.10, 'returned', CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR),
  (8, 3, 'edsger@example.com', 230.00, 'shipped', CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR),
  (9, 4, 'barbara@example.com', 16.40, 'delivered', CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR),
  (10, 1, 'ada@example.com', 64.00, 'delivered', CAST(CURRENT_TIMESTAMP AS TIMESTAMP) - INTERVAL 1 HOUR);

CREATE TABLE dim_customers (customer_id BIGINT);
INSERT INTO dim_customers VALUES (1), (2), (3);
CREATE TABLE src_orders (amount DECIMAL(12,2));
INSERT INTO src_orders VALUES (10.00), (20.00), (30.00), (40.00);
CREATE TABLE fct_orders (order_id BIGINT, customer_id BIGINT, email VARCHAR, amount DECIMAL(12,2), status VARCHAR, loaded_at TIMESTAMP);
INSERT INTO fct_orders VALUES
  (1, 1, 'a@x.io', 10.00, 'new', LOCALTIMESTAMP - INTERVAL '1 hour'),
  (2, 2, 'b@x.io', 20.00, 'paid', LOCALTIMESTAMP - INTERVAL '1 hour'),
  (3, 3, 'c@x.io', 30.00, 'it''s', LOCALTIMESTAMP - INTERVAL '1 hour'),
  (4, NULL, NULL, 40.00, 'paid', LOCALTIMESTAMP - INTERVAL '1 hour');

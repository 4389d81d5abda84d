CREATE TABLE orders (order_id BIGINT, shop VARCHAR);
INSERT INTO orders VALUES (1, 'eu'), (1, 'us'), (2, 'eu');
CREATE TABLE order_lines (line_no INTEGER, order_id BIGINT, shop VARCHAR, amount DECIMAL(12,2));
INSERT INTO order_lines VALUES (1, 1, 'eu', 10.00), (2, 1, 'eu', 5.00), (1, 2, 'eu', 7.00), (3, 1, 'us', 1.00);

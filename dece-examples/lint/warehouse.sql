-- A small warehouse schema to lint: bin/dece lint dece-examples/lint/warehouse.sql
CREATE TABLE stg_stripe_payments (
    payment_id     VARCHAR(64) PRIMARY KEY,
    order_id       VARCHAR(64) NOT NULL,
    amount_usd     NUMERIC(18, 2),
    created        TIMESTAMP,
    _loaded_at     TIMESTAMP WITH TIME ZONE
);

CREATE TABLE fact_orders (
    order_id       BIGINT,
    customer_id    BIGINT NOT NULL,
    OrderStatus    VARCHAR(20),
    order_amt      NUMERIC(18, 2),
    line_item_cnt  INTEGER,
    shipped_at     DATE,
    active         BOOLEAN,
    loaded_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_fact_orders PRIMARY KEY (order_id)
);

CREATE TABLE dim_customers (
    customer_id    BIGINT PRIMARY KEY,
    is_vip         BOOLEAN,
    signup_date    DATE,
    updated_at     TIMESTAMPTZ
);

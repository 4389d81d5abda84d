-- SCD Type 2 load for dim_product from stg_shop__products (duckdb)
-- Type 2 (new version on change): product_price
-- Type 1 (overwritten in the current version): product_name
-- Step 1 closes changed rows and inserts new keys; step 2 inserts the new version of every closed row.
-- CURRENT_TIMESTAMP is the transaction's start time: one load timestamp for both steps.
BEGIN TRANSACTION;

-- Step 1: close the current version of changed rows; overwrite Type 1 attributes; insert new keys
MERGE INTO "dim_product" AS target
USING (
    SELECT "product_id", "name", "price"
    FROM "stg_shop__products"
) AS source
ON target."product_id" = source."product_id"
AND target."is_current" = TRUE
WHEN MATCHED AND (
    target."product_price" IS DISTINCT FROM source."price"
) THEN UPDATE SET
    "is_current" = FALSE,
    "valid_to" = CURRENT_TIMESTAMP
WHEN MATCHED AND (
    target."product_name" IS DISTINCT FROM source."name"
) THEN UPDATE SET
    "product_name" = source."name"
WHEN NOT MATCHED THEN INSERT (
    "product_id", "product_name", "product_price", "valid_from", "valid_to", "is_current"
) VALUES (
    source."product_id", source."name", source."price", CURRENT_TIMESTAMP, TIMESTAMPTZ '9999-12-31 00:00:00+00', TRUE
);

-- Step 2: insert the new version of every changed row (its current version was closed in step 1)
INSERT INTO "dim_product" (
    "product_id", "product_name", "product_price", "valid_from", "valid_to", "is_current"
)
SELECT s."product_id", s."name", s."price", CURRENT_TIMESTAMP, TIMESTAMPTZ '9999-12-31 00:00:00+00', TRUE
FROM "stg_shop__products" AS s
WHERE NOT EXISTS (
    SELECT 1 FROM "dim_product" AS d
    WHERE d."product_id" = s."product_id"
    AND d."is_current" = TRUE
);

COMMIT;

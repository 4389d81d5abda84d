-- SCD Type 2 load for dim_product from stg_shop__products (snowflake)
-- Type 2 (new version on change): product_price
-- Type 1 (overwritten in the current version): product_name
-- Step 1 closes changed rows and inserts new keys; step 2 inserts the new version of every closed row.
SET load_ts = CURRENT_TIMESTAMP()::TIMESTAMP_TZ;
BEGIN;

-- Step 1: close the current version of changed rows; overwrite Type 1 attributes; insert new keys
MERGE INTO "DIM_PRODUCT" AS target
USING (
    SELECT "PRODUCT_ID", "NAME", "PRICE"
    FROM "STG_SHOP__PRODUCTS"
) AS source
ON target."PRODUCT_ID" = source."PRODUCT_ID"
AND target."IS_CURRENT" = TRUE
WHEN MATCHED AND (
    target."PRODUCT_PRICE" IS DISTINCT FROM source."PRICE"
) THEN UPDATE SET
    "IS_CURRENT" = FALSE,
    "VALID_TO" = $load_ts
WHEN MATCHED AND (
    target."PRODUCT_NAME" IS DISTINCT FROM source."NAME"
) THEN UPDATE SET
    "PRODUCT_NAME" = source."NAME"
WHEN NOT MATCHED THEN INSERT (
    "PRODUCT_ID", "PRODUCT_NAME", "PRODUCT_PRICE", "VALID_FROM", "VALID_TO", "IS_CURRENT"
) VALUES (
    source."PRODUCT_ID", source."NAME", source."PRICE", $load_ts, '9999-12-31 00:00:00 +0000'::TIMESTAMP_TZ, TRUE
);

-- Step 2: insert the new version of every changed row (its current version was closed in step 1)
INSERT INTO "DIM_PRODUCT" (
    "PRODUCT_ID", "PRODUCT_NAME", "PRODUCT_PRICE", "VALID_FROM", "VALID_TO", "IS_CURRENT"
)
SELECT s."PRODUCT_ID", s."NAME", s."PRICE", $load_ts, '9999-12-31 00:00:00 +0000'::TIMESTAMP_TZ, TRUE
FROM "STG_SHOP__PRODUCTS" AS s
WHERE NOT EXISTS (
    SELECT 1 FROM "DIM_PRODUCT" AS d
    WHERE d."PRODUCT_ID" = s."PRODUCT_ID"
    AND d."IS_CURRENT" = TRUE
);

COMMIT;

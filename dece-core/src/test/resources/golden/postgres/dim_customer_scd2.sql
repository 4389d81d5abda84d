-- SCD Type 2 load for dim_customer from stg_crm__customers (postgres)
-- Type 2 (new version on change): customer_status
-- Type 1 (overwritten in the current version): customer_name, country, city
-- Step 1 closes changed rows and inserts new keys; step 2 inserts the new version of every closed row.
-- CURRENT_TIMESTAMP is the transaction's start time: one load timestamp for both steps.
BEGIN;

-- Step 1: close the current version of changed rows; overwrite Type 1 attributes; insert new keys
MERGE INTO "dim_customer" AS target
USING (
    SELECT "customer_id", "name", "status", "country", "city"
    FROM "stg_crm__customers"
) AS source
ON target."customer_id" = source."customer_id"
AND target."is_current" = TRUE
WHEN MATCHED AND (
    target."customer_status" IS DISTINCT FROM source."status"
) THEN UPDATE SET
    "is_current" = FALSE,
    "valid_to" = CURRENT_TIMESTAMP
WHEN MATCHED AND (
    target."customer_name" IS DISTINCT FROM source."name" OR
    target."country" IS DISTINCT FROM source."country" OR
    target."city" IS DISTINCT FROM source."city"
) THEN UPDATE SET
    "customer_name" = source."name",
    "country" = source."country",
    "city" = source."city"
WHEN NOT MATCHED THEN INSERT (
    "customer_id", "customer_name", "customer_status", "country", "city", "valid_from", "valid_to", "is_current"
) VALUES (
    source."customer_id", source."name", source."status", source."country", source."city", CURRENT_TIMESTAMP, TIMESTAMPTZ '9999-12-31 00:00:00+00', TRUE
);

-- Step 2: insert the new version of every changed row (its current version was closed in step 1)
INSERT INTO "dim_customer" (
    "customer_id", "customer_name", "customer_status", "country", "city", "valid_from", "valid_to", "is_current"
)
SELECT s."customer_id", s."name", s."status", s."country", s."city", CURRENT_TIMESTAMP, TIMESTAMPTZ '9999-12-31 00:00:00+00', TRUE
FROM "stg_crm__customers" AS s
WHERE NOT EXISTS (
    SELECT 1 FROM "dim_customer" AS d
    WHERE d."customer_id" = s."customer_id"
    AND d."is_current" = TRUE
);

COMMIT;

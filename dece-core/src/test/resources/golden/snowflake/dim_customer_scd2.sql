-- SCD Type 2 load for dim_customer from stg_crm__customers (snowflake)
-- Type 2 (new version on change): customer_status
-- Type 1 (overwritten in the current version): customer_name, country, city
-- Step 1 closes changed rows and inserts new keys; step 2 inserts the new version of every closed row.
SET load_ts = CURRENT_TIMESTAMP()::TIMESTAMP_TZ;
BEGIN;

-- Step 1: close the current version of changed rows; overwrite Type 1 attributes; insert new keys
MERGE INTO "DIM_CUSTOMER" AS target
USING (
    SELECT "CUSTOMER_ID", "NAME", "STATUS", "COUNTRY", "CITY"
    FROM "STG_CRM__CUSTOMERS"
) AS source
ON target."CUSTOMER_ID" = source."CUSTOMER_ID"
AND target."IS_CURRENT" = TRUE
WHEN MATCHED AND (
    target."CUSTOMER_STATUS" IS DISTINCT FROM source."STATUS"
) THEN UPDATE SET
    "IS_CURRENT" = FALSE,
    "VALID_TO" = $load_ts
WHEN MATCHED AND (
    target."CUSTOMER_NAME" IS DISTINCT FROM source."NAME" OR
    target."COUNTRY" IS DISTINCT FROM source."COUNTRY" OR
    target."CITY" IS DISTINCT FROM source."CITY"
) THEN UPDATE SET
    "CUSTOMER_NAME" = source."NAME",
    "COUNTRY" = source."COUNTRY",
    "CITY" = source."CITY"
WHEN NOT MATCHED THEN INSERT (
    "CUSTOMER_ID", "CUSTOMER_NAME", "CUSTOMER_STATUS", "COUNTRY", "CITY", "VALID_FROM", "VALID_TO", "IS_CURRENT"
) VALUES (
    source."CUSTOMER_ID", source."NAME", source."STATUS", source."COUNTRY", source."CITY", $load_ts, '9999-12-31 00:00:00 +0000'::TIMESTAMP_TZ, TRUE
);

-- Step 2: insert the new version of every changed row (its current version was closed in step 1)
INSERT INTO "DIM_CUSTOMER" (
    "CUSTOMER_ID", "CUSTOMER_NAME", "CUSTOMER_STATUS", "COUNTRY", "CITY", "VALID_FROM", "VALID_TO", "IS_CURRENT"
)
SELECT s."CUSTOMER_ID", s."NAME", s."STATUS", s."COUNTRY", s."CITY", $load_ts, '9999-12-31 00:00:00 +0000'::TIMESTAMP_TZ, TRUE
FROM "STG_CRM__CUSTOMERS" AS s
WHERE NOT EXISTS (
    SELECT 1 FROM "DIM_CUSTOMER" AS d
    WHERE d."CUSTOMER_ID" = s."CUSTOMER_ID"
    AND d."IS_CURRENT" = TRUE
);

COMMIT;

-- check: fct_orders.status.enum
-- kind: enum (Validity)
-- dialect: snowflake
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN "STATUS" IS NOT NULL AND CAST("STATUS" AS VARCHAR) NOT IN ('new', 'paid', 'it''s') THEN 1 ELSE 0 END), 0) AS violations,
       COUNT(*) AS total_rows,
       CAST(NULL AS BIGINT) AS observed
FROM "FCT_ORDERS";

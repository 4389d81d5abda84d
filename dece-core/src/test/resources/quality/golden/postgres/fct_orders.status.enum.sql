-- check: fct_orders.status.enum
-- kind: enum (Validity)
-- dialect: postgres
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN "status" IS NOT NULL AND CAST("status" AS TEXT) NOT IN ('new', 'paid', 'it''s') THEN 1 ELSE 0 END), 0) AS violations,
       COUNT(*) AS total_rows,
       CAST(NULL AS BIGINT) AS observed
FROM "fct_orders";

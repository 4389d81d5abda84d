-- check: fct_orders.email.regex
-- kind: regex (Validity)
-- dialect: postgres
-- passes when: violations = 0
SELECT COALESCE(SUM(CASE WHEN "email" IS NOT NULL AND CAST("email" AS TEXT) !~ '^[^@ ]+@[^@ ]+$' THEN 1 ELSE 0 END), 0) AS violations,
       COUNT(*) AS total_rows,
       CAST(NULL AS BIGINT) AS observed
FROM "fct_orders";

-- check: fct_orders.amount.reconciliation
-- kind: reconciliation (Accuracy)
-- dialect: postgres
-- passes when: violations = 0
SELECT CASE WHEN source.total IS NULL AND target.total IS NULL THEN 0
            WHEN source.total IS NULL OR target.total IS NULL THEN 1
            WHEN source.total = target.total THEN 0
            WHEN source.total = 0 THEN 1
            WHEN ABS(source.total - target.total) < 0.01 * ABS(source.total) THEN 0
            ELSE 1 END AS violations,
       CAST(NULL AS BIGINT) AS total_rows,
       CASE WHEN source.total IS NULL OR source.total = 0 THEN NULL
            ELSE 100.0 * ABS(source.total - target.total) / ABS(source.total) END AS observed
FROM (SELECT SUM("amount") AS total FROM "src_orders") source
CROSS JOIN (SELECT SUM("amount") AS total FROM "fct_orders") target;

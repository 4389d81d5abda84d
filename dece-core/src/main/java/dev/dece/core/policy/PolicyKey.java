package dev.dece.core.policy;

import java.util.Locale;

/**
 * Every threshold a rule uses, with the methodology's value as its default. Rules read them from the
 * {@link Policy} fact ({@code $p.value(PolicyKey.SPARK_BEST_ABOVE_GB_PER_DAY)}), never from literals, so a team
 * can tune DECE with a policy file and no rebuild. Keys marked "DECE default" fill a gap where the
 * methodology names a condition ("tight budget", "small team") without a number.
 */
public enum PolicyKey {
    // Phase 1: architecture pattern and technology selection
    DATA_MESH_MIN_TEAMS(5, "teams", "Data mesh fits above this many data teams (>5 teams); below it, do not use", "Phase 11 > Data Mesh Principles"),
    DATA_MESH_MIN_ENGINEERS(20, "engineers", "Data mesh is over-engineering below this many engineers in total", "Phase 11 > Data Mesh Principles"),
    AIRFLOW_MIN_TASKS(5, "tasks", "Airflow is overkill for pipelines with fewer tasks than this", "Phase 1 > Orchestration"),
    CRON_MAX_PIPELINES(3, "pipelines", "Cron + scripts fits fewer pipelines than this", "Phase 1 > Orchestration"),
    SMALL_TEAM_MAX_ENGINEERS(3, "engineers", "A team this size or smaller is a small team (DECE default; the methodology says 'small team')", "Phase 1 > Technology Selection Guide"),
    SPARK_BEST_ABOVE_GB_PER_DAY(100, "GB/day", "Spark is best above this daily volume", "Phase 1 > Processing"),
    SPARK_OVERKILL_BELOW_GB_PER_DAY(10, "GB/day", "Spark is overkill below this daily volume", "Phase 1 > Processing"),
    DUCKDB_MAX_GB_PER_DAY(100, "GB/day", "DuckDB fits below this daily volume", "Phase 1 > Processing"),
    POLARS_MAX_GB_PER_DAY(50, "GB/day", "Polars fits below this daily volume", "Phase 1 > Processing"),
    PANDAS_BEST_BELOW_GB_PER_DAY(1, "GB/day", "Pandas fits below this daily volume", "Phase 1 > Processing"),
    PANDAS_AVOID_ABOVE_GB_PER_DAY(5, "GB/day", "Pandas is to be avoided above this daily volume", "Phase 1 > Processing"),
    POSTGRES_BEST_BELOW_GB(500, "GB retained", "PostgreSQL fits light analytics below this retained volume", "Phase 1 > Storage"),
    POSTGRES_AVOID_ABOVE_GB(1000, "GB retained", "PostgreSQL is to be avoided for analytics above this retained volume (>1 TB)", "Phase 1 > Storage"),
    TIGHT_BUDGET_USD(2000, "USD/month", "A monthly budget below this is a tight budget (DECE default)", "Phase 1 > Storage"),
    SMALL_DATA_BELOW_GB_PER_DAY(10, "GB/day", "Below this daily volume the data is small (Databricks 'small data'; DECE default, same as Spark's overkill line)", "Phase 1 > Storage"),
    GROWTH_NEAR_MONTHS(12, "months", "First growth horizon reported", "Phase 1 > Technology Selection Guide"),
    GROWTH_FAR_MONTHS(36, "months", "Second growth horizon reported", "Phase 1 > Technology Selection Guide"),
    GROWTH_SEARCH_MONTHS(60, "months", "Tool boundaries crossed this far ahead are reported: P2 within the first growth horizon, P3 after it (DECE default)", "Phase 1 > Technology Selection Guide"),

    // Phase 2 and 6: modeling methodology and governance
    INMON_MIN_SUBJECT_AREAS(3, "subject areas", "An enterprise 3NF warehouse (Inmon) pays off from this many subject areas, counted as distinct source owner domains (DECE default; the methodology says 'enterprise data warehouse')", "Phase 2 > Modeling Methodology Decision"),
    DATA_VAULT_MIN_SOURCES(2, "sources", "Data Vault's 'multiple sources' starts at this many sources (used with auditability needs)", "Phase 2 > Modeling Methodology Decision"),
    DATA_VAULT_MIN_SOURCE_DOMAINS(3, "owner domains", "Sources owned by this many distinct domains change independently enough for Data Vault's agile warehousing (DECE default)", "Phase 2 > Modeling Methodology Decision"),
    OBT_MAX_SOURCES(2, "sources", "One Big Table fits 'few joins': at most this many sources pre-joined into one table (DECE default)", "Phase 2 > Modeling Methodology Decision"),
    ACTIVITY_SCHEMA_MIN_STREAM_PERCENT(50, "% of sources", "Activity Schema fits when at least this share of the sources are event streams (DECE default for 'event analytics')", "Phase 2 > Modeling Methodology Decision"),
    SOX_MIN_RETENTION_MONTHS(84, "months", "SOX financial and audit records are kept at least this long (DECE default: 7 years, SEC Rule 2-06 under SOX section 802; the methodology gives no figure)", "Phase 6 > Data Classification"),

    // Phase 3 and 5: pipelines, loads, partitioning, Spark
    FULL_EXTRACTION_MAX_ROWS(1_000_000, "rows", "Full extraction is only viable below this many rows", "Phase 3 > Extraction Strategy Decision Tree"),
    TRUNCATE_RELOAD_MAX_ROWS(1_000_000, "rows", "Truncate-reload fits tables below this many rows", "Phase 3 > Load Strategy Decision"),
    PARTITION_MIN_MB(100, "MB", "Smallest target partition size (compressed)", "Phase 5 > Partitioning Strategy"),
    PARTITION_MAX_MB(1024, "MB", "Largest target partition size (compressed)", "Phase 5 > Partitioning Strategy"),
    MAX_PARTITIONS_PER_TABLE(10_000, "partitions", "A table should have fewer partitions than this", "Phase 5 > Partitioning Strategy"),
    BROADCAST_MAX_MB(100, "MB", "Broadcast a join side smaller than this", "Phase 5 > Spark Optimization Guide"),
    SMALL_FILE_MB(1, "MB", "Files below this size are small files to compact", "Edge Cases > Data Lake Anti-Patterns"),
    PREAGGREGATE_MIN_GB(10, "GB", "A join whose aggregated side is at least this large is a large join to pre-aggregate before joining (DECE default; the checklist says 'large joins')", "Phase 5 > SQL Optimization Checklist"),
    LARGE_RESULT_ROWS(1_000_000, "rows", "DISTINCT over a table (or a measured result) of at least this many rows is DISTINCT on a large result (DECE default: the methodology's 1M-row line)", "Phase 5 > SQL Optimization Checklist"),
    LARGE_RESULT_GB(10, "GB", "DISTINCT over a table of at least this size is DISTINCT on a large result (DECE default)", "Phase 5 > SQL Optimization Checklist"),
    SKEW_FACTOR(5, "x median", "A stage whose slowest task (or largest task input) is at least this many times its median is skewed (DECE default: Spark's skewedPartitionFactor)", "Phase 5 > Spark Optimization Guide"),
    SKEW_MIN_TASK_SECONDS(60, "seconds", "Skew by task time counts only when the slowest task runs at least this long (DECE default: a straggler under a minute costs little)", "Phase 5 > Spark Optimization Guide"),
    SKEW_MIN_MB(256, "MB", "Skew by task input counts only when the largest task reads at least this much (DECE default: Spark's skewedPartitionThresholdInBytes)", "Phase 5 > Spark Optimization Guide"),
    TARGET_FILE_MIN_MB(100, "MB", "Smallest target size of a written file (compressed)", "Phase 5 > Partitioning Strategy"),
    TARGET_FILE_MAX_MB(1024, "MB", "Largest target size of a written file (compressed)", "Phase 5 > Partitioning Strategy"),
    SMALL_FILE_COUNT(1000, "files", "A write of at least this many files below small_file_mb is the small-files anti-pattern ('thousands of <1MB files'; DECE default)", "Edge Cases > Data Lake Anti-Patterns"),
    SHUFFLE_PARTITIONS_MIN_PER_CORE(2, "x cores", "spark.sql.shuffle.partitions should be at least this many times the cluster's cores", "Phase 5 > Spark Optimization Guide"),
    SHUFFLE_PARTITIONS_MAX_PER_CORE(3, "x cores", "spark.sql.shuffle.partitions should be at most this many times the cluster's cores", "Phase 5 > Spark Optimization Guide"),
    SPILL_MIN_MB(1024, "MB", "A stage that spills at least this much to disk has a memory problem worth fixing (DECE default)", "Phase 5 > Spark Optimization Guide"),
    LATE_FILTER_MAX_KEPT_PERCENT(10, "% of rows", "A filter after a shuffle or join that keeps at most this share of its rows should run before it (DECE default)", "Phase 5 > Spark Optimization Guide"),
    SMALL_WRITES_MIN_COUNT(10, "writes", "This many writes to one path in one application, each below target_file_min_mb, are many small writes (DECE default)", "Phase 5 > Spark Optimization Guide"),
    SLA_WARNING_PERCENT(80, "% of SLA", "Runtime above this share of the SLA is a P3 warning", "Phase 7 > Alert Severity"),

    // Phase 4: quality and contracts
    P1_RECORDS_AFFECTED_PERCENT(5, "% of records", "More than this share of records affected is P1", "Phase 4 > Quality Severity Levels"),
    P2_RECORDS_AFFECTED_PERCENT(1, "% of records", "Below this share of records affected is P2", "Phase 4 > Quality Severity Levels"),
    RECONCILIATION_MAX_VARIANCE_PERCENT(1, "% of source total", "Cross-system sum variance must stay below this", "Phase 4 > Quality Check Templates"),
    DISTRIBUTION_MAX_VALUE_PERCENT(50, "% of rows", "Alert when one value holds more than this share (DECE default for {max_pct})", "Phase 4 > Quality Check Templates"),
    BREAKING_CHANGE_NOTICE_DAYS(30, "days", "Notice period of the notify-30-days breaking-change policy", "Phase 4 > Data Contract Template"),
    QUALITY_WIDE_IMPACT_CONSUMERS(3, "consumers", "A failed check on a contract read by this many consumers or more has downstream impact and is P1 (DECE default; P2 is 'no downstream impact')", "Phase 4 > Quality Severity Levels"),
    RENAME_MIN_NAME_SIMILARITY(0.5, "0..1", "Two same-typed columns, one removed and one added, are a rename when their names are at least this similar (DECE default)", "Phase 10 > Schema Change Management"),

    // Phase 7 and 9: monitoring and cost
    SUCCESS_RATE_ALERT_PERCENT(95, "%", "Alert when the pipeline success rate falls below this", "Phase 7 > Pipeline Health Dashboard"),
    SUCCESS_RATE_TARGET_PERCENT(99, "%", "Pipeline success rate target; below it, above the alert line, is a P3 degradation", "Phase 7 > Pipeline Health Dashboard"),
    VOLUME_VARIANCE_ALERT_PERCENT(50, "%", "Alert when the day's rows differ from the 7-day average by more than this", "Phase 7 > Pipeline Health Dashboard"),
    VOLUME_VARIANCE_TARGET_PERCENT(20, "%", "Volume variance target; above it, below the alert line, is a P3 degradation", "Phase 7 > Pipeline Health Dashboard"),
    QUALITY_PASS_RATE_ALERT_PERCENT(95, "%", "Alert when the quality check pass rate falls below this", "Phase 7 > Pipeline Health Dashboard"),
    QUALITY_PASS_RATE_TARGET_PERCENT(100, "%", "Quality check pass rate target; below it, above the alert line, is minor quality drift (P3)", "Phase 7 > Pipeline Health Dashboard"),
    FAILED_RUNS_ALERT(0, "failed runs", "Alert when a pipeline has more failed runs than this in the recent window (last 24 h)", "Phase 7 > Pipeline Health Dashboard"),
    BACKFILL_QUEUE_ALERT(5, "requests", "Alert when more backfill requests than this are pending for a pipeline", "Phase 7 > Pipeline Health Dashboard"),
    BACKFILL_QUEUE_TARGET(0, "requests", "Backfill queue target; more pending requests than this, up to the alert line, is a P3 degradation", "Phase 7 > Pipeline Health Dashboard"),
    BUDGET_TARGET_PERCENT(100, "% of budget", "Infrastructure cost target; above it, up to the alert line, is a P3 warning", "Phase 7 > Pipeline Health Dashboard"),
    DASHBOARD_WINDOW_DAYS(7, "days", "Window of the success rate, average runtime, quality pass rate and the volume baseline (the methodology's 'over 7 days' and avg_7d_rows)", "Phase 7 > Pipeline Health Dashboard"),
    RECENT_WINDOW_HOURS(24, "hours", "The 'last 24h' of the failed pipeline count and the 'today' of the volume variance, ending at --as-of", "Phase 7 > Pipeline Health Dashboard"),
    ALERT_P0_RESPONSE_MINUTES(15, "minutes", "Response time of a P0 alert (revenue/compliance impacting)", "Phase 7 > Alert Severity"),
    ALERT_P1_RESPONSE_MINUTES(60, "minutes", "Response time of a P1 alert (business-critical dashboard stale)", "Phase 7 > Alert Severity"),
    ALERT_P2_RESPONSE_MINUTES(240, "minutes", "Response time of a P2 alert (non-critical pipeline failed)", "Phase 7 > Alert Severity"),
    TRIAGE_REPEATED_FAILURES(3, "failed runs", "A transient failure (connection timeout, timeout) that fails this many runs in a row is no longer retried but treated as infrastructure (DECE default)", "Phase 10 > Pipeline Failure Triage"),
    SINGLE_PIPELINE_SPEND_PERCENT(30, "% of spend", "One pipeline above this share of total spend is a cost red flag", "Phase 9 > Cost Red Flags"),
    BUDGET_ALERT_PERCENT(110, "% of budget", "Alert when infrastructure cost passes this share of the budget", "Phase 7 > Pipeline Health Dashboard"),
    LARGE_TABLE_TB(1, "TB", "Full scans on tables above this size are a cost red flag", "Phase 9 > Cost Red Flags"),

    // Phase 6 and 8: catalog and backfill
    CATALOG_MIN_SCORE(61, "points", "A catalog entry's quality.last_score below this is 'functional but fragile' or worse (Quality Scoring Rubric: 61-80 is solid)", "Phase 11 > Quality Scoring Rubric (0-100)"),
    BACKFILL_CHUNK_PARTITIONS(7, "partitions", "A backfill runs this many partitions per chunk, most recent chunk first (DECE default)", "Phase 8 > Backfill Protocol"),

    // Phase 9: cost
    COST_WINDOW_DAYS(30, "days", "The window, ending at --as-of, over which usage is judged: 'tables with 0 queries in 30 days', hours running, full scans, repeated queries", "Phase 9 > Cost Red Flags"),
    COST_PER_ROW_RISE_PERCENT(5, "% per month", "A month-over-month rise of cost per row above this counts as increasing (DECE default: the methodology says 'increasing'; the margin keeps rounding out)", "Phase 9 > Cost Red Flags"),
    COST_PER_ROW_RISING_MONTHS(1, "months", "Cost per row rising for at least this many months in a row is a red flag", "Phase 9 > Cost Red Flags"),
    ALWAYS_ON_PERCENT(95, "% of hours", "A dev or staging compute resource active in at least this share of the window's hours runs 24/7 (DECE default)", "Phase 9 > Cost Red Flags"),
    FULL_SCAN_PERCENT(90, "% of the table", "A run that reads at least this share of a table's bytes scans it in full (DECE default)", "Phase 9 > Cost Red Flags"),
    COST_PER_ROW_PEER_FACTOR(10, "x peers' median", "A cost per row at least this many times the other pipelines' median is far above its peers (DECE default)", "Phase 9 > Cost Allocation Template"),
    IDLE_HOURS_PERCENT(25, "% of active hours", "A warehouse billed for hours in which no query ran, at least this share of its active hours, is oversized or never suspends (DECE default)", "Phase 9 > Cloud Cost Reduction Strategies"),
    STEADY_STATE_PERCENT(90, "% of hours", "A production compute resource at on-demand prices active in at least this share of the window's hours is steady-state (DECE default)", "Phase 9 > Cloud Cost Reduction Strategies"),
    COLD_MAX_QUERIES(4, "reads", "A hot-tier table read at most this many times in the window (but at least once) is cold enough for a lifecycle tier (DECE default: weekly or less)", "Phase 9 > Cloud Cost Reduction Strategies"),
    REPEATED_QUERY_MIN_RUNS(10, "runs", "One statement run at least this many times in the window, never from a cache, is worth caching (DECE default)", "Phase 9 > Cloud Cost Reduction Strategies"),
    LOW_SAVINGS_PERCENT(1, "% of spend", "An opportunity saving less than this share of the month's spend saves little (DECE default)", "Phase 9 > Cost Allocation Template"),

    // Phase 11: the Quality Scoring Rubric of dece audit
    AUDIT_RELIABLE_SUCCESS_PERCENT(99.5, "%", "Pipeline Reliability scores 20 at this success rate or more with auto-retry ('99.5%+ success rate with auto-retry')", "Phase 11 > Quality Scoring Rubric (0-100)"),
    AUDIT_FREQUENT_FAILURES_BELOW_PERCENT(95, "%", "Below this success rate failures are frequent and Pipeline Reliability scores 0 (DECE default: the Pipeline Health Dashboard's alert line)", "Phase 11 > Quality Scoring Rubric (0-100)"),
    AUDIT_COVERAGE_PERCENT(80, "% of pipelines or datasets", "A scope meets a rubric criterion (checks, contracts, retries, alerts, catalog entries, test layers, ROI) when at least this share of its pipelines or datasets meets it (DECE default)", "Phase 11 > Quality Scoring Rubric (0-100)"),
    AUDIT_WELL_UNDER_SLA_PERCENT(50, "% of the SLA", "A pipeline whose average runtime is at most this share of its SLA runs well under it (DECE default)", "Phase 11 > Quality Scoring Rubric (0-100)"),
    AUDIT_SLA_BREACHING_MAX_PERCENT(10, "% of pipelines", "Above this share of timed pipelines running over their SLA on average, the scope regularly breaches SLA and Performance scores 0 (DECE default)", "Phase 11 > Quality Scoring Rubric (0-100)"),
    AUDIT_DESCRIBED_PERCENT(50, "% of datasets", "Documentation scores 5 (basic) without a README when at least this share of datasets carries a description (DECE default)", "Phase 11 > Quality Scoring Rubric (0-100)"),
    AUDIT_BAND_CRITICAL_MAX(40, "points", "Totals up to this are 'critical gaps'", "Phase 11 > Quality Scoring Rubric (0-100)"),
    AUDIT_BAND_FRAGILE_MAX(60, "points", "Totals above the critical band and up to this are 'functional but fragile'", "Phase 11 > Quality Scoring Rubric (0-100)"),
    AUDIT_BAND_SOLID_MAX(80, "points", "Totals above the fragile band and up to this are 'solid'; above it, 'excellent'", "Phase 11 > Quality Scoring Rubric (0-100)");

    private final double defaultValue;
    private final String unit;
    private final String description;
    private final String section;

    PolicyKey(double defaultValue, String unit, String description, String section) {
        this.defaultValue = defaultValue;
        this.unit = unit;
        this.description = description;
        this.section = section;
    }

    /** The key as written in a policy file, e.g. {@code spark_best_above_gb_per_day}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double defaultValue() { return defaultValue; }
    public String unit() { return unit; }
    public String description() { return description; }
    public String section() { return section; }
}

package dev.dece.core.audit;

import java.util.List;

/**
 * The Quality Scoring Rubric (0-100) of the methodology (Phase 11): seven dimensions with their weights and anchors,
 * the four bands of the scoring guide, and for each level what would raise it most (the next criterion of
 * docs/audit.md). The levels themselves are voted by the AUD rules; this table only names and explains them.
 */
final class Rubric {
    private Rubric() {}

    record Dimension(String key, String label, int weight, String anchors, List<int[]> ladder, List<String> raise) {
        /** What would raise a score of {@code level} most: the criterion of the next level up. */
        String raise(int level) {
            for (int i = 0; i < ladder.size(); i++) {
                if (ladder.get(i)[0] > level) return raise.get(i);
            }
            return "full marks: keep it there";
        }
    }

    private static int[] l(int v) {
        return new int[] {v};
    }

    static final List<Dimension> DIMENSIONS = List.of(
            new Dimension("reliability", "Pipeline Reliability", 20,
                    "0=frequent failures, 10=some failures with manual recovery, 20=99.5%+ success rate with auto-retry",
                    List.of(l(10), l(15), l(20)),
                    List.of("bring the success rate above the frequent-failures line (triage the failed runs)",
                            "reach the reliable success rate (AUD-001's line)",
                            "configure auto-retry (error_handling.max_retries) on the pipelines that have none")),
            new Dimension("quality", "Data Quality", 20,
                    "0=no checks, 10=basic null/unique checks, 20=comprehensive quality framework with contracts",
                    List.of(l(10), l(15), l(20)),
                    List.of("add not_null/unique checks on the keys of the unchecked pipelines and datasets",
                            "add freshness, volume and validity checks beyond null/unique",
                            "put the checked datasets under data contracts (dece quality)")),
            new Dimension("performance", "Performance", 15,
                    "0=regularly breaches SLA, 8=meets SLA, 15=well under SLA with optimization",
                    List.of(l(8), l(15)),
                    List.of("bring the pipelines over their SLA back under it",
                            "run well under SLA and clear the P0/P1 findings of dece optimize")),
            new Dimension("documentation", "Documentation", 10,
                    "0=none, 5=basic README, 10=full catalog entries with lineage and business definitions",
                    List.of(l(5), l(10)),
                    List.of("write a README or describe the datasets",
                            "write catalog entries with owner, lineage (sources) and a business definition (dece catalog drafts them)")),
            new Dimension("monitoring", "Monitoring", 15,
                    "0=no alerts, 8=failure alerts only, 15=proactive monitoring with dashboards and anomaly detection",
                    List.of(l(8), l(15)),
                    List.of("route every pipeline's failures to an alert channel",
                            "feed run logs to the Pipeline Health Dashboard with volume anomaly detection (dece monitor)")),
            new Dimension("testing", "Testing", 10,
                    "0=no tests, 5=basic smoke tests, 10=full test pyramid (unit+integration+contract+E2E)",
                    List.of(l(5), l(10)),
                    List.of("give every pipeline at least its quality gates",
                            "complete the pyramid: dbt unit tests, a source schema gate, contract tests and a golden-dataset E2E test")),
            new Dimension("cost", "Cost Efficiency", 10,
                    "0=no cost tracking, 5=tracked, 10=optimized with ROI justification per pipeline",
                    List.of(l(5), l(10)),
                    List.of("track costs: a Cost Allocation Template per month or a billing export",
                            "state each pipeline's business value and justify its ROI (dece cost)")));

    /** The dimensions a dataset is scored on; its maximum is their weights' sum. */
    static final List<String> DATASET_DIMENSIONS = List.of("quality", "documentation", "testing");

    static Dimension dimension(String key) {
        for (Dimension d : DIMENSIONS) if (d.key().equals(key)) return d;
        throw new IllegalArgumentException(key);
    }

    record Band(String name, String advice) {}

    /** The band of {@code total} with the policy's band maxima. */
    static Band band(int total, double critical, double fragile, double solid) {
        if (total <= critical) return new Band("critical gaps", "prioritize pipeline reliability and data quality");
        if (total <= fragile) return new Band("functional but fragile", "add monitoring, testing, documentation");
        if (total <= solid) return new Band("solid", "optimize performance, cost, governance");
        return new Band("excellent", "maintain, innovate, mentor");
    }
}

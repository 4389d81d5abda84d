package dev.dece.core.audit;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.dbt.Manifest;
import dev.dece.core.drl.AuditMeasure;
import dev.dece.core.drl.CatalogEntry;
import dev.dece.core.drl.Check;
import dev.dece.core.drl.CheckKind;
import dev.dece.core.drl.ContractTable;
import dev.dece.core.drl.Format;
import dev.dece.core.drl.Pipeline;
import dev.dece.core.policy.Policy;
import dev.dece.core.policy.PolicyKey;
import dev.dece.core.report.CheckOutcome;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the audit measures, per scope (the platform, each pipeline, each dataset), from the facts the commands' readers
 * bound and the findings and checks their reports hold: the figures the rubric's rules judge ({@link AuditMeasure}),
 * and the test pyramid of each pipeline. A figure the inputs cannot give is left out, never estimated.
 */
final class Measures {

    static final String PLATFORM = "platform";

    /** One dataset: a dbt model, a contract's table or a catalog entry, joined by its name without schema. */
    static final class Dataset {
        final String name;
        String file;
        int line;
        String path;
        boolean basic, advanced, contract, described, catalog, unit, e2e, anyTest;
        final List<String> evidence = new ArrayList<>();

        Dataset(String name, String file, int line, String path) {
            this.name = name;
            this.file = file;
            this.line = line;
            this.path = path;
        }
    }

    /** One layer of one pipeline's test pyramid (Phase 8 > Pipeline Test Pyramid). */
    record Layer(String pipeline, String layer, boolean present, String evidence, String when, String schedule, String check) {}

    static final List<String> LAYERS = List.of("unit", "integration", "contract", "data_quality", "e2e", "performance");
    static final Map<String, String> WHEN = Map.of("unit", "Every PR", "integration", "Daily + PR", "contract", "Every pipeline run",
            "data_quality", "Every pipeline run", "e2e", "Weekly + release", "performance", "Weekly");

    final Map<String, Dataset> datasets = new TreeMap<>();
    final List<AuditMeasure> out = new ArrayList<>();
    final List<Layer> pyramid = new ArrayList<>();

    static Measures of(Platform p, Policy policy) {
        Measures m = new Measures();
        m.datasets(p);
        m.measure(p, policy);
        m.anchor(p);
        return m;
    }

    static String key(String name) {
        String n = name == null ? "" : name.strip();
        int dot = n.lastIndexOf('.');
        return (dot >= 0 ? n.substring(dot + 1) : n).toLowerCase(Locale.ROOT);
    }

    private Dataset dataset(String name, String file, int line, String path) {
        return datasets.computeIfAbsent(key(name), k -> new Dataset(k, file, line, path));
    }

    private void datasets(Platform p) {
        for (Manifest mf : p.manifests) {
            for (Manifest.DbtNode n : mf.nodes()) {
                if (!"model".equals(n.resourceType())) continue;
                if (mf.projectName() != null && n.packageName() != null && !mf.projectName().equals(n.packageName())) continue;
                Dataset d = dataset(n.name(), mf.file(), n.line(), n.path());
                for (Manifest.DbtTest t : mf.testsOf(n.uniqueId())) {
                    d.anyTest = true;
                    String tn = t.name();
                    if (tn.equals("not_null") || tn.equals("unique") || tn.endsWith("unique_combination_of_columns")) d.basic = true;
                    else d.advanced = true;
                    if (tn.contains("equality")) d.e2e = true;
                }
                if (!mf.unitTestsOf(n.uniqueId()).isEmpty()) d.unit = true;
                if (n.description() != null && !n.description().isBlank()) d.described = true;
                d.evidence.add(mf.file() + ": " + mf.testsOf(n.uniqueId()).size() + " dbt tests, " + mf.unitTestsOf(n.uniqueId()).size() + " unit tests");
            }
        }
        for (BoundContract c : p.contracts) {
            List<ContractTable> tables = c.tables();
            for (ContractTable t : tables) {
                Dataset d = dataset(t.name(), t.node().file(), t.node().line(), t.node().path());
                d.contract = true;
                d.evidence.add(t.node().file() + ": contract " + (c.contract().name() == null ? "" : c.contract().name()));
            }
            for (Check ch : c.checks()) {
                String table = ch.table() != null ? ch.table() : tables.isEmpty() ? c.contract().name() : tables.get(0).name();
                if (table == null) continue;
                Dataset d = dataset(table, ch.node().file(), ch.node().line(), ch.node().path());
                d.anyTest = true;
                if (ch.kind() == CheckKind.NOT_NULL || ch.kind() == CheckKind.UNIQUE) d.basic = true;
                else d.advanced = true;
            }
        }
        for (CatalogEntry e : p.entries) {
            Dataset d = dataset(e.name(), e.node().file(), e.node().line(), e.node().path());
            boolean desc = e.description() != null && !e.description().isBlank();
            if (desc) d.described = true;
            if (desc && e.ownerTeam() != null && !e.sources().isEmpty()) d.catalog = true;
            d.evidence.add(e.node().file() + ":" + e.node().line() + ": catalog entry" + (d.catalog ? " with lineage and a business definition" : ""));
        }
    }

    private static boolean mentions(List<String> gates, String... words) {
        for (String g : gates) {
            String l = g.toLowerCase(Locale.ROOT);
            for (String w : words) if (l.contains(w)) return true;
        }
        return false;
    }

    private void measure(Platform p, Policy policy) {
        Report monitor = p.report("monitor");
        Report cost = p.report("cost");
        Report optimize = p.report("optimize");
        Map<String, Map<String, CheckOutcome>> rows = new TreeMap<>();
        if (monitor != null) {
            for (CheckOutcome c : monitor.checks()) rows.computeIfAbsent(c.subject(), k -> new TreeMap<>()).put(c.kind(), c);
        }
        Set<String> roiGaps = new TreeSet<>();
        if (cost != null) {
            for (Finding f : cost.findings()) {
                if ((f.ruleId().equals("COST-009") || f.ruleId().equals("COST-010")) && f.subject() != null) roiGaps.add(key(f.subject()));
            }
        }
        double wellUnder = policy.value(PolicyKey.AUDIT_WELL_UNDER_SLA_PERCENT);
        String root = p.root;

        // per pipeline, then the platform as the share of its pipelines
        Share retry = new Share(), alerts = new Share(), dashboards = new Share(), anomaly = new Share(), breaching = new Share(),
                under = new Share(), roi = new Share();
        Map<String, Share> layers = new TreeMap<>();
        for (String l : LAYERS) layers.put(l, new Share());
        Share anyLayer = new Share(), fourLayers = new Share();
        long runs = 0, succeeded = 0;
        int optimizeHigh = 0;
        if (optimize != null) for (Finding f : optimize.active()) if (f.severity().atLeast(Severity.P1)) optimizeHigh++;

        for (Pipeline pl : p.pipelines) {
            String scope = "pipeline:" + pl.name();
            String file = pl.node().file();
            int line = pl.node().line();
            String path = pl.node().path();
            Map<String, CheckOutcome> r = rows.getOrDefault(pl.name(), Map.of());
            Dataset ds = datasets.get(key(pl.name()));
            List<String> pre = pl.gates() == null ? List.of() : pl.gates().preLoad();
            List<String> post = pl.gates() == null ? List.of() : pl.gates().postLoad();
            List<String> gates = new ArrayList<>(pre);
            gates.addAll(post);

            // reliability
            CheckOutcome sr = r.get("success_rate");
            if (sr != null && num(sr, "runs") > 0) {
                long n = (long) num(sr, "runs"), ok = (long) num(sr, "succeeded");
                runs += n;
                succeeded += ok;
                add(scope, "reliability", "success_rate_percent", 100.0 * ok / n, ok + " of " + n + " runs succeeded (dece monitor)", file, line, path);
            }
            boolean retries = pl.errors() != null && pl.errors().maxRetries() != null && pl.errors().maxRetries() > 0;
            add(scope, "reliability", "auto_retry_percent", retries ? 100 : 0,
                    retries ? "error_handling.max_retries " + pl.errors().maxRetries() : "no error_handling.max_retries", file, line, path + ".error_handling");
            retry.add(retries);

            // quality
            boolean basic = mentions(gates, "null", "unique", "duplicate", "primary key") || (ds != null && ds.basic);
            boolean advanced = mentions(gates, "fresh", "row_count", "volume", "range", "accepted", "referential", "schema", "reconcil")
                    || (ds != null && ds.advanced);
            boolean contract = ds != null && ds.contract;
            add(scope, "quality", "basic_checks_percent", basic ? 100 : 0, basic ? "null/unique checks in quality_gates or on its dataset" : "no null/unique check", file, line, path + ".quality_gates");
            add(scope, "quality", "advanced_checks_percent", advanced ? 100 : 0, advanced ? "freshness/volume/validity checks" : "no check beyond null/unique", file, line, path + ".quality_gates");
            add(scope, "quality", "contract_percent", contract ? 100 : 0, contract ? "a data contract for " + pl.name() : "no data contract named " + pl.name(), file, line, path);

            // performance
            CheckOutcome rt = r.get("avg_runtime");
            Double pct = rt == null ? null : numOrNull(rt, "percent_of_sla");
            if (pct != null) {
                boolean over = pct > 100, well = pct <= wellUnder;
                breaching.add(over);
                under.add(well);
                add(scope, "performance", "sla_breaching_percent", over ? 100 : 0, "average runtime " + Format.number(pct) + " % of sla_minutes (dece monitor)", file, line, path + ".sla_minutes");
                add(scope, "performance", "well_under_sla_percent", well ? 100 : 0, "average runtime " + Format.number(pct) + " % of sla_minutes", file, line, path + ".sla_minutes");
                int high = 0;
                if (optimize != null) for (Finding f : optimize.active()) if (f.severity().atLeast(Severity.P1) && pl.name().equals(f.subject())) high++;
                add(scope, "performance", "optimization_findings", high, high + " P0/P1 findings of dece optimize about it", file, line, path);
            }

            // documentation: its dataset's
            if (ds != null) {
                add(scope, "documentation", "described_percent", ds.described ? 100 : 0, ds.described ? "its dataset has a description" : "its dataset has no description", ds.file, ds.line, ds.path);
                add(scope, "documentation", "catalog_percent", ds.catalog ? 100 : 0, ds.catalog ? "catalog entry with lineage and a business definition" : "no complete catalog entry", ds.file, ds.line, ds.path);
            }

            // monitoring
            boolean alerted = pl.errors() != null && !pl.errors().alertChannels().isEmpty();
            boolean dash = !r.isEmpty();
            CheckOutcome vv = r.get("volume_variance");
            boolean anom = vv != null && vv.status() != CheckOutcome.Status.ERROR;
            alerts.add(alerted);
            dashboards.add(dash);
            anomaly.add(anom);
            add(scope, "monitoring", "failure_alerts_percent", alerted ? 100 : 0, alerted ? "error_handling.alert_channels " + pl.errors().alertChannels() : "no error_handling.alert_channels", file, line, path + ".error_handling");
            add(scope, "monitoring", "dashboard_percent", dash ? 100 : 0, dash ? r.size() + " Pipeline Health Dashboard rows from its run logs" : "no run log of it in the folder", file, line, path);
            add(scope, "monitoring", "anomaly_detection_percent", anom ? 100 : 0, anom ? "volume variance measured against its baseline" : "no volume baseline measured", file, line, path);

            // testing: the pyramid
            double perDay = pl.schedule() == null ? 0 : pl.schedule().runsPerDay();
            String sched = pl.schedule() == null ? "no schedule" : pl.schedule().expression() + " (" + Format.number(perDay) + " runs/day)";
            boolean unit = ds != null && ds.unit;
            boolean integration = mentions(pre, "schema", "connect", "source");
            boolean contractRun = contract && mentions(gates, "contract", "schema");
            boolean quality = !gates.isEmpty() || (ds != null && ds.anyTest);
            boolean e2e = ds != null && ds.e2e;
            boolean perf = pct != null;
            layer(pl.name(), "unit", unit, unit ? "dbt unit tests on its model" : "no dbt unit test on a model named " + pl.name(), sched, unit ? "run in CI, not by the schedule" : "-");
            layer(pl.name(), "integration", integration, integration ? "pre_load gate checks the source schema/connectivity" : "no pre_load schema or connectivity gate", sched,
                    !integration ? "-" : perDay >= 1 ? "ok: the gate runs with every run, at least daily" : "runs less often than daily");
            layer(pl.name(), "contract", contract, contract ? "data contract for " + pl.name() : "no contract", sched,
                    !contract ? "-" : contractRun ? "ok: a gate checks the contract every run" : "no gate checks the contract on every run");
            layer(pl.name(), "data_quality", quality, quality ? gates.size() + " quality gates" + (ds != null && ds.anyTest ? " and tests on its dataset" : "") : "no quality gate or test", sched,
                    !quality ? "-" : !gates.isEmpty() ? "ok: the gates run every run" : "tests exist but no gate runs them every run");
            layer(pl.name(), "e2e", e2e, e2e ? "dbt equality test against a golden dataset" : "no golden dataset comparison", sched,
                    !e2e ? "-" : perDay * 7 >= 1 ? "ok: runs at least weekly" : "runs less often than weekly");
            layer(pl.name(), "performance", perf, perf ? "runtime measured against sla_minutes over its run history (dece monitor)" : "no runtime history", sched,
                    perf ? "ok: measured on every audit of its logs" : "-");
            boolean[] has = {unit, integration, contract, quality, e2e, perf};
            boolean any = false;
            for (int i = 0; i < has.length; i++) {
                layers.get(LAYERS.get(i)).add(has[i]);
                any |= has[i];
            }
            anyLayer.add(any);
            for (String l : List.of("unit", "integration", "contract", "e2e")) {
                boolean b = has[LAYERS.indexOf(l)];
                add(scope, "testing", l + "_layer_percent", b ? 100 : 0, b ? "layer present" : "layer missing", file, line, path);
            }
            add(scope, "testing", "any_layer_percent", any ? 100 : 0, any ? "at least one layer of the pyramid" : "no test of any layer", file, line, path);

            // cost
            if (p.costTracked) {
                boolean gap = roiGaps.contains(key(pl.name()));
                roi.add(!gap);
                add(scope, "cost", "cost_tracked", 1, "a Cost Allocation Template or billing export is in the folder", file, line, path);
                add(scope, "cost", "roi_percent", gap ? 0 : 100, gap ? "COST-009/COST-010: no business value or ROI not justified" : "no ROI finding of dece cost", file, line, path);
            }
        }

        // pipelines the cost review names without a business value or a justified ROI count against the share too
        Set<String> specNames = new TreeSet<>();
        for (Pipeline pl : p.pipelines) specNames.add(key(pl.name()));
        for (String gap : roiGaps) if (!specNames.contains(gap)) roi.add(false);

        // the platform
        if (runs > 0) add(PLATFORM, "reliability", "success_rate_percent", 100.0 * succeeded / runs, succeeded + " of " + runs + " runs succeeded", root, 0, "");
        share(PLATFORM, "reliability", "auto_retry_percent", retry, "pipelines with error_handling.max_retries", root);
        List<Dataset> units = new ArrayList<>(datasets.values());
        if (!p.pipelines.isEmpty() || !units.isEmpty()) {
            Share b = new Share(), a = new Share(), c = new Share(), d = new Share(), cat = new Share();
            Set<String> seenPipelines = new TreeSet<>();
            for (AuditMeasure m : out) {
                if (!m.scope().startsWith("pipeline:")) continue;
                seenPipelines.add(m.scope());
                if (m.measure().equals("basic_checks_percent")) b.add(m.value() > 0);
                if (m.measure().equals("advanced_checks_percent")) a.add(m.value() > 0);
                if (m.measure().equals("contract_percent")) c.add(m.value() > 0);
            }
            for (Dataset ds : units) {
                if (p.pipelines.stream().anyMatch(pl -> key(pl.name()).equals(ds.name))) {
                    d.add(ds.described);
                    cat.add(ds.catalog);
                    continue; // counted with its pipeline's checks
                }
                b.add(ds.basic);
                a.add(ds.advanced);
                c.add(ds.contract);
                d.add(ds.described);
                cat.add(ds.catalog);
            }
            share(PLATFORM, "quality", "basic_checks_percent", b, "pipelines and datasets with null/unique checks", root);
            share(PLATFORM, "quality", "advanced_checks_percent", a, "pipelines and datasets with checks beyond null/unique", root);
            share(PLATFORM, "quality", "contract_percent", c, "pipelines and datasets with a data contract", root);
            add(PLATFORM, "documentation", "readme", p.readmes.isEmpty() ? 0 : 1,
                    p.readmes.isEmpty() ? "no README in the folder" : p.readmes.size() + " README (" + p.readmes.get(0) + ")", root, 0, "");
            // datasets of pipelines not otherwise known count as undocumented
            for (Pipeline pl : p.pipelines) {
                if (!datasets.containsKey(key(pl.name()))) {
                    d.add(false);
                    cat.add(false);
                }
            }
            share(PLATFORM, "documentation", "described_percent", d, "pipelines and datasets with a description", root);
            share(PLATFORM, "documentation", "catalog_percent", cat, "pipelines and datasets with a catalog entry holding lineage and a business definition", root);
        }
        if (breaching.n > 0) {
            share(PLATFORM, "performance", "sla_breaching_percent", breaching, "timed pipelines over their SLA on average", root);
            share(PLATFORM, "performance", "well_under_sla_percent", under, "timed pipelines at most " + Format.number(wellUnder) + " % of their SLA", root);
            add(PLATFORM, "performance", "optimization_findings", optimizeHigh, optimizeHigh + " P0/P1 findings of dece optimize", root, 0, "");
        }
        share(PLATFORM, "monitoring", "failure_alerts_percent", alerts, "pipelines with failure alert channels", root);
        share(PLATFORM, "monitoring", "dashboard_percent", dashboards, "pipelines with dashboard rows from their run logs", root);
        share(PLATFORM, "monitoring", "anomaly_detection_percent", anomaly, "pipelines with volume anomaly detection", root);
        for (String l : List.of("unit", "integration", "contract", "e2e")) {
            share(PLATFORM, "testing", l + "_layer_percent", layers.get(l), "pipelines with the " + l + " layer", root);
        }
        if (!p.pipelines.isEmpty()) share(PLATFORM, "testing", "any_layer_percent", anyLayer, "pipelines with at least one test layer", root);
        if (p.costTracked) {
            add(PLATFORM, "cost", "cost_tracked", 1, "a Cost Allocation Template or billing export is in the folder", root, 0, "");
            if (roi.n > 0) share(PLATFORM, "cost", "roi_percent", roi, "pipelines with a stated business value and justified ROI", root);
        } else if (!p.pipelines.isEmpty()) {
            add(PLATFORM, "cost", "cost_tracked", 0, "no Cost Allocation Template or billing export in the folder", root, 0, "");
        }

        // per dataset: quality, documentation, testing
        for (Dataset ds : units) {
            String scope = "dataset:" + ds.name;
            add(scope, "quality", "basic_checks_percent", ds.basic ? 100 : 0, ds.basic ? "null/unique checks" : "no null/unique check", ds.file, ds.line, ds.path);
            add(scope, "quality", "advanced_checks_percent", ds.advanced ? 100 : 0, ds.advanced ? "checks beyond null/unique" : "no check beyond null/unique", ds.file, ds.line, ds.path);
            add(scope, "quality", "contract_percent", ds.contract ? 100 : 0, ds.contract ? "a data contract" : "no data contract", ds.file, ds.line, ds.path);
            add(scope, "documentation", "described_percent", ds.described ? 100 : 0, ds.described ? "a description" : "no description", ds.file, ds.line, ds.path);
            add(scope, "documentation", "catalog_percent", ds.catalog ? 100 : 0, ds.catalog ? "catalog entry with lineage and a business definition" : "no complete catalog entry", ds.file, ds.line, ds.path);
            add(scope, "testing", "unit_layer_percent", ds.unit ? 100 : 0, ds.unit ? "dbt unit tests" : "no dbt unit test", ds.file, ds.line, ds.path);
            add(scope, "testing", "contract_layer_percent", ds.contract ? 100 : 0, ds.contract ? "a data contract" : "no data contract", ds.file, ds.line, ds.path);
            add(scope, "testing", "e2e_layer_percent", ds.e2e ? 100 : 0, ds.e2e ? "an equality test against a golden dataset" : "no golden dataset comparison", ds.file, ds.line, ds.path);
            add(scope, "testing", "any_layer_percent", ds.anyTest || ds.unit ? 100 : 0, ds.anyTest || ds.unit ? "tested" : "no test", ds.file, ds.line, ds.path);
        }
    }

    /** The anchor of the platform's band finding: one per audit, counting the scopes scored. */
    private void anchor(Platform p) {
        add(PLATFORM, "total", "scopes", 1 + p.pipelines.size() + datasets.size(), "the platform, " + p.pipelines.size() + " pipelines, "
                + datasets.size() + " datasets", p.root, 0, "");
    }

    private void layer(String pipeline, String layer, boolean present, String evidence, String schedule, String check) {
        pyramid.add(new Layer(pipeline, layer, present, evidence, WHEN.get(layer), schedule, check));
    }

    private void add(String scope, String dim, String measure, double value, String detail, String file, int line, String path) {
        out.add(new AuditMeasure(scope, dim, measure, value, detail, file == null ? "" : file, line, path == null ? "" : path));
    }

    private void share(String scope, String dim, String measure, Share s, String what, String root) {
        if (s.n == 0) return;
        add(scope, dim, measure, 100.0 * s.yes / s.n, s.yes + " of " + s.n + " " + what, root, 0, "");
    }

    private static double num(CheckOutcome c, String key) {
        Double d = numOrNull(c, key);
        return d == null ? 0 : d;
    }

    private static Double numOrNull(CheckOutcome c, String key) {
        for (Evidence e : c.measures()) {
            if (e.path().equals(key)) {
                try {
                    return Double.parseDouble(e.value().replace(" ", ""));
                } catch (NumberFormatException x) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A count of yes among n. */
    static final class Share {
        int yes, n;

        void add(boolean b) {
            n++;
            if (b) yes++;
        }
    }
}

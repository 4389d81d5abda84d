package dev.dece.hostile;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Hostile inputs for every command, run through the real command line in a child JVM, as a contract bot or a
 * CI job would run DECE on files anyone can write. A case holds when DECE answers as promised: the expected
 * exit code, at most one line per problem on standard error and never a stack trace or "internal error",
 * no secret in any output, files outside DECE untouched, and an answer within the case's time bound (a
 * bound against hangs, not a performance measurement).
 *
 * <pre>
 * java -cp "dece-examples/target/test-classes:dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" \
 *     dev.dece.hostile.HostileSuite [CLASSPATH_OF_THE_DECE_TO_TEST]
 * </pre>
 * Without an argument it tests the DECE on its own class path; give another build's class path to count how
 * many cases that build holds (the before/after figures of docs/security.md).
 */
public final class HostileSuite {

    /** One hostile case: the arguments, the exit codes that hold, and extra checks on what was printed. */
    record Case(String command, String name, List<String> args, Set<Integer> exits, int seconds, Predicate<Result> also, String expect,
                boolean devFull, int interruptAfter) {
        Case(String command, String name, List<String> args, Set<Integer> exits, int seconds, Predicate<Result> also, String expect,
             boolean devFull) {
            this(command, name, args, exits, seconds, also, expect, devFull, 0);
        }
    }

    /** What a run printed and returned. */
    record Result(int code, String out, String err, long millis, boolean timedOut) {}

    private final Path dir;
    private final String classPath;
    final List<Case> cases = new ArrayList<>();

    HostileSuite(Path dir, String classPath) throws IOException {
        this.dir = dir;
        this.classPath = classPath;
        build();
    }

    public static void main(String[] args) throws Exception {
        String cp = args.length > 0 ? args[0] : System.getProperty("java.class.path");
        Path dir = Files.createTempDirectory("dece-hostile");
        HostileSuite s = new HostileSuite(dir, cp);
        int held = 0;
        for (Case c : s.cases) {
            Result r = s.run(c);
            String why = s.verdict(c, r);
            if (why == null) held++;
            System.out.printf("%-5s %-14s %-58s %6d ms  %s%n", why == null ? "held" : "BROKE", c.command(), c.name(), r.millis(),
                    why == null ? "" : why);
        }
        System.out.printf("%d of %d hostile cases held%n", held, s.cases.size());
    }

    Result run(Case c) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Xss1m", "-cp", classPath, "dev.dece.cli.Main"));
        cmd.addAll(c.args());
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(c.devFull() ? new java.io.File("/dev/full") : out.toFile()).redirectError(err.toFile()).start();
        if (c.interruptAfter() > 0 && !p.waitFor(c.interruptAfter(), TimeUnit.SECONDS)) {
            new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        }
        boolean done = p.waitFor(c.seconds(), TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Result r = new Result(done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), ms, !done);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    /** Why the case broke, or null when it held. */
    String verdict(Case c, Result r) {
        if (r.timedOut()) return "no answer within " + c.seconds() + " s";
        if (!c.exits().contains(r.code())) return "exit " + r.code() + ", expected " + c.exits() + ": " + firstLine(r.err() + r.out());
        String all = r.out() + r.err();
        if (all.contains("\tat ") || all.contains("Exception in thread") || all.contains("internal error") || all.contains("SIGSEGV")) {
            return "a stack trace or internal error: " + firstLine(r.err());
        }
        if (all.contains("root:x:0:0") || all.contains("s3cr3t-hostile")) return "a secret reached the output";
        if (r.code() == 2 && r.err().lines().anyMatch(l -> !l.startsWith("dece: "))) return "a problem spans more than one line: " + firstLine(r.err());
        if (c.also() != null && !c.also().test(r)) return "not as promised: " + c.expect();
        return null;
    }

    private static String firstLine(String s) {
        String l = s.lines().findFirst().orElse("");
        return l.length() > 160 ? l.substring(0, 160) + "..." : l;
    }

    // ------------------------------------------------------------------ the cases

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Path sparse(String name, long bytes) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return p;
    }

    private void add(String command, String name, Set<Integer> exits, int seconds, Predicate<Result> also, String expect, String... args) {
        cases.add(new Case(command, name, Arrays.asList(args), exits, seconds, also, expect, false));
    }

    private void refused(String command, String name, String... args) {
        add(command, name, Set.of(2), 30, null, null, args);
    }

    static final String BRIEF = "project_name: p\ndata_consumers:\n  - {team: bi, use_case: analytics, latency_requirement: batch, query_pattern: dashboard}\n";
    static final String SPEC = "pipeline:\n  name: orders\n  extract: {source_system: postgres orders}\n  load: {target_system: snowflake}\n";
    static final String CONTRACT = "contract:\n  name: t\n  version: 1.0.0\n  owner: data\n  consumers: [bi]\n  schema:\n"
            + "    - column: id\n      type: bigint\n";

    private String customCheck(String sql) {
        return CONTRACT + "      checks:\n        - type: custom\n          params:\n            sql: \"" + sql.replace("\"", "\\\"") + "\"\n            must_be: 0\n";
    }

    /** Nested DCS object fields, {@code depth} levels below a field at indentation 6. */
    private static String deepFields(int depth) {
        StringBuilder sb = new StringBuilder();
        String indent = "        ";
        for (int i = 0; i < depth; i++) {
            sb.append(indent).append("type: object\n").append(indent).append("fields:\n").append(indent).append("  f").append(i).append(":\n");
            indent += "    ";
        }
        return sb.append(indent).append("type: int\n").toString();
    }

    private static boolean mkfifo(Path path) throws IOException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted making a FIFO", e);
        }
    }

    private void build() throws IOException {
        String brief = file("brief.yaml", BRIEF).toString();
        // ---------------------------------------------------------- assess and every reader of a template
        refused("assess", "a device that never ends (/dev/zero)", "assess", "/dev/zero");
        Path fifo = dir.resolve("pipe.yaml");
        boolean fifoMade = false;
        try {
            fifoMade = mkfifo(fifo);
        } catch (IOException e) {
            // no mkfifo here: the case is left out
        }
        if (fifoMade) refused("assess", "a FIFO that never delivers", "assess", fifo.toString());
        // ---------------------------------------------------------- monitor, triage, optimize
        String run = "{\"pipeline_name\": \"orders\", \"run_id\": \"r1\", \"started_at\": \"2026-03-02T00:00:00Z\", "
                + "\"completed_at\": \"2026-03-02T00:09:25Z\", \"status\": \"success\", \"rows_loaded\": 10}\n";
        refused("monitor", "a device as a run log", "monitor", "/dev/zero");
        if (fifoMade) refused("monitor", "a FIFO as a run log", "monitor", fifo.toString());
        refused("monitor", "a 200 MB run log of zeros", "monitor", sparse("huge-runs.jsonl", 200L << 20).toString());
        refused("monitor", "20 000 nested arrays in a run record", "monitor",
                file("deep-runs.jsonl", "{\"a\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}\n").toString());
        refused("monitor", "a run whose rows are text", "monitor", file("wrongtype-runs.jsonl", run.replace("\"rows_loaded\": 10", "\"rows_loaded\": \"ten\"")).toString());
        refused("monitor", "a duplicate key in a run record", "monitor", file("dup-runs.jsonl", run.replace("\"run_id\": \"r1\"", "\"run_id\": \"r1\", \"run_id\": \"r2\"")).toString());
        refused("monitor", "a row count of 2^63", "monitor", file("big-runs.jsonl", run.replace("\"rows_loaded\": 10", "\"rows_loaded\": 9223372036854775808")).toString());
        add("monitor", "terminal escapes in a pipeline name", Set.of(0, 1), 30, r -> !r.out().contains("\u001b"), "no escape byte in the text output",
                "monitor", file("esc-runs.jsonl", run.replace("\"orders\"", "\"x\\u001b[31mred\"")).toString());
        refused("triage", "a 200 MB error log", "triage", "--log", sparse("huge-error.log", 200L << 20).toString());
        refused("triage", "a device as an error log", "triage", "--log", "/dev/zero");
        add("triage", "terminal escapes in an error message", Set.of(0, 1), 30, r -> !r.out().contains("\u001b"), "no escape byte in the text output",
                "triage", "--message", "ERROR \u001b]0;pwned\u0007 duplicate key");
        refused("optimize", "a device as a query file", "optimize", "/dev/zero");
        refused("optimize", "a 200 MB query file", "optimize", sparse("huge.sql", 200L << 20).toString());
        refused("optimize", "a history whose bytes are text", "optimize", "--history", file("hist.csv",
                "QUERY_ID,QUERY_TEXT,BYTES_SCANNED,TOTAL_ELAPSED_TIME,START_TIME\n1,SELECT 1,lots,10,2024-05-01 08:00:00.000 +0000\n").toString());
        refused("optimize", "a 200 MB event log", "optimize", "--event-log", sparse("huge-events", 200L << 20).toString());
        refused("optimize", "an event log of nested arrays", "optimize", "--event-log",
                file("deep-events", "{\"Event\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}\n").toString());
        // ---------------------------------------------------------- migrate and recovery
        refused("migrate", "a line break in a system name", "migrate", "--from", "redshift", "--to", "x\nDROP TABLE t", "--catalog",
                file("mig/one.yaml", "dataset:\n  name: a\n").toString());
        refused("migrate", "the same system twice", "migrate", "--from", "redshift", "--to", "REDSHIFT", "--catalog", dir.resolve("mig/one.yaml").toString());
        refused("migrate", "a brief that is a device", "migrate", "--from", "redshift", "--to", "postgresql", "--catalog",
                dir.resolve("mig/one.yaml").toString(), "--brief", "/dev/zero");
        refused("recovery", "a device as a posture", "recovery", "/dev/zero");
        refused("recovery", "a posture of the wrong type", "recovery", file("dr1.yaml", "disaster_recovery:\n  code_in_git: [yes]\n").toString());
        refused("recovery", "a control character in a region", "recovery", file("dr2.yaml", "disaster_recovery:\n  dr_region: \"eu\\u0007west\"\n").toString());
        // ---------------------------------------------------------- a Data Contract Specification document
        String dcs = "dataContractSpecification: 1.1.0\nid: x\ninfo: {title: t, version: 1.0.0, owner: o}\nmodels:\n  t:\n    fields:\n";
        refused("quality", "a DCS field name with SQL in it", "quality", file("dcs1.yaml", dcs + "      \"id; DROP TABLE t; --\": {type: int}\n").toString());
        refused("quality", "a DCS $ref to nothing", "quality", file("dcs2.yaml", dcs + "      id: {$ref: '#/definitions/nope'}\n").toString());
        refused("quality", "a DCS version DECE does not read", "quality", file("dcs3.yaml", dcs.replace("1.1.0", "9.0.0") + "      id: {type: int}\n").toString());
        refused("quality", "a DCS field 40 levels deep", "quality", file("dcs4.yaml", dcs + "      a:\n" + deepFields(40)).toString());
        // ---------------------------------------------------------- catalog and backfill
        refused("catalog", "a device as a catalog entry", "catalog", "/dev/zero");
        if (fifoMade) refused("catalog", "a FIFO as a catalog entry", "catalog", fifo.toString());
        refused("catalog", "a 200 MB catalog entry", "catalog", sparse("huge-entry.yaml", 200L << 20).toString());
        refused("catalog", "20 000 nested lists in an entry", "catalog", file("deep-entry.yaml", "dataset: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n").toString());
        refused("catalog", "a tier of the wrong type", "catalog", file("wrongtype.yaml", "dataset:\n  name: a\n  tier: [gold]\n").toString());
        refused("catalog", "a duplicate key in an entry", "catalog", file("dupentry.yaml", "dataset:\n  name: a\n  name: b\n").toString());
        refused("catalog", "a score too large", "catalog", file("bigscore.yaml", "dataset:\n  name: a\n  quality: {last_score: 1e300}\n").toString());
        refused("catalog", "a line break in a dataset name", "catalog", file("newline.yaml", "dataset:\n  name: \"a\\nDROP TABLE t\"\n").toString());
        refused("catalog", "an impact name no input holds", "catalog", file("one.yaml", "dataset:\n  name: a\n").toString(), "--impact", "zzz");
        refused("backfill", "a line break in the table name", "backfill", "a\nDROP TABLE t", "--from", "2024-01-01", "--to", "2024-01-02",
                "--catalog", file("bf.yaml", "dataset:\n  name: a\n").toString());
        refused("backfill", "a range that ends before it starts", "backfill", "a", "--from", "2024-01-02", "--to", "2024-01-01",
                "--catalog", dir.resolve("bf.yaml").toString());
        refused("backfill", "a date that is not a date", "backfill", "a", "--from", "yesterday", "--to", "2024-01-01",
                "--catalog", dir.resolve("bf.yaml").toString());
        refused("assess", "an alias bomb", "assess", file("bomb.yaml", "a: &a [x,x,x,x,x,x,x,x,x]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n").toString());
        refused("assess", "20 000 nested lists", "assess", file("deep.yaml", "a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n").toString());
        refused("assess", "1e308 GB per day", "assess", file("vol.yaml", BRIEF + "data_volume: {current_gb_per_day: 1e308, growth_rate_percent: 10}\n").toString());
        refused("assess", "a row count of 2^63", "assess", file("rows.yaml", BRIEF + "current_state:\n  sources:\n"
                + "    - {name: orders db, type: database, row_count: 9223372036854775808}\n").toString());
        StringBuilder many = new StringBuilder("project_name: big\ndata_consumers:\n");
        for (int i = 0; i < 2000; i++) {
            many.append("  - {team: rt").append(i).append(", use_case: operational, latency_requirement: real-time, query_pattern: API}\n");
            many.append("  - {team: b").append(i).append(", use_case: analytics, latency_requirement: batch, query_pattern: dashboard}\n");
        }
        many.append("data_volume: {current_gb_per_day: 50, growth_rate_percent: 20, retention_months: 12}\nconstraints: {team_size: 5}\n");
        add("assess", "4 000 consumers (was quadratic)", Set.of(0), 60, null, null, "assess", file("many.yaml", many.toString()).toString());
        add("assess", "terminal escapes in a team name", Set.of(0), 30, r -> !r.out().contains("\u001b"), "no escape byte in the text output",
                "assess", file("esc.yaml", "project_name: p\ndata_consumers:\n  - {team: \"x\\e[31mred\\e]0;pwned\\a\", use_case: analytics,"
                        + " latency_requirement: batch, query_pattern: dashboard}\n").toString());
        refused("assess", "contradictory policy thresholds", "assess", brief, "--policy",
                file("policy.yaml", "thresholds:\n  partition_min_mb: 5000\n  rename_min_name_similarity: 7\n").toString());
        if (Files.exists(Path.of("/dev/full"))) {
            cases.add(new Case("assess", "a report to a full disk (/dev/full)", List.of("assess", brief), Set.of(1, 2), 30,
                    r -> r.err().contains("could not be written"), "says the report could not be written", true));
        }
        // ---------------------------------------------------------- team rules (every command takes --rules)
        String header = "package acme;\nimport dev.dece.core.drl.*;\n";
        refused("rules", "a team rule calling System.exit", "assess", brief, "--rules", file("exit.drl", header
                + "rule \"ACME-001 exits\"\n  @topic(\"acme\")\nwhen\n  Brief()\nthen\n  System.exit(0);\nend\n").toString());
        refused("rules", "a team rule exiting by reflection", "assess", brief, "--rules", file("exitr.drl", header
                + "rule \"ACME-002 exits\"\n  @topic(\"acme\")\nwhen\n  Brief()\nthen\n"
                + "  Class.forName(\"java.lang.System\").getMethod(\"exit\", int.class).invoke(null, 0);\nend\n").toString());
        add("rules", "a team rule that never returns", Set.of(2), 40, null, null, "assess", brief, "--time-limit", "3", "--rules",
                file("spin.drl", header + "rule \"ACME-003 spins\"\n  @topic(\"acme\")\nwhen\n  Brief()\nthen\n  while (true) { }\nend\n").toString());
        add("rules", "a looping team rule is named", Set.of(2), 40, r -> r.err().contains("ACME-005"), "the message names ACME-005",
                "assess", brief, "--rules", file("loop.drl", header + "declare Tick\n  n : int\nend\n"
                        + "rule \"ACME-004 starts\"\n  @topic(\"acme\")\nwhen\n  Brief()\nthen\n  insert(new Tick());\nend\n"
                        + "rule \"ACME-005 loops\"\n  @topic(\"acme\")\nwhen\n  Tick()\nthen\n  insert(new Tick());\nend\n").toString());
        cases.add(new Case("rules", "Ctrl-C while a team rule spins is not blamed on the rule", List.of("assess", brief, "--time-limit", "60",
                "--rules", dir.resolve("spin.drl").toString()), Set.of(130), 40,
                r -> r.err().equals("dece: stopped by SIGINT; no report was written\n"), "says it was stopped by SIGINT", false, 5));
        refused("rules", "team rules with duplicate IDs", "assess", brief, "--rules", file("dup.drl", header
                + "rule \"ACME-006 a\"\n  @topic(\"acme\")\nwhen\n  Brief()\nthen\nend\nrule \"ACME-006 b\"\n  @topic(\"acme\")\nwhen\n  Brief()\nthen\nend\n").toString());
        refused("rules", "a team rule without an ID", "assess", brief, "--rules", file("noid.drl", header
                + "rule \"just a name\"\n  @topic(\"acme\")\nwhen\n  Brief()\nthen\nend\n").toString());
        refused("rules", "a team rule of severity P9", "assess", brief, "--rules", file("p9.drl", header
                + "rule \"ACME-007 p9\"\n  @topic(\"acme\") @severity(\"P9\")\nwhen\n  Brief()\nthen\nend\n").toString());
        refused("rules", "an empty rule file", "assess", brief, "--rules", file("empty.drl", "  \n\n").toString());
        refused("rules", "a 200 MB rule file", "assess", brief, "--rules", sparse("huge.drl", 200L << 20).toString());
        // ---------------------------------------------------------- pipeline
        refused("pipeline", "SQL in a merge key", "pipeline", file("p1/orders.yaml", SPEC.replace("load: {target_system: snowflake}",
                "load: {target_system: snowflake, strategy: upsert, merge_keys: [\"id; DROP TABLE t; --\"]}")).toString());
        Path loopDir = dir.resolve("loopdir");
        Files.createDirectories(loopDir);
        file("loopdir/orders.yaml", SPEC);
        Files.createSymbolicLink(loopDir.resolve("back"), loopDir);
        refused("pipeline", "a directory with a link loop", "pipeline", loopDir.toString());
        Path real = dir.resolve("realspecs");
        file("realspecs/orders.yaml", SPEC);
        Path linked = dir.resolve("linkedspecs");
        Files.createDirectories(linked);
        Files.createSymbolicLink(linked.resolve("sub"), real);
        add("pipeline", "a linked sub-directory is followed", Set.of(0), 30, r -> r.out().contains("orders"), "the linked spec is read",
                "pipeline", linked.toString());
        if (fifoMade) {
            Path fifoDir = dir.resolve("fifodir");
            Files.createDirectories(fifoDir);
            mkfifo(fifoDir.resolve("x.yaml"));
            file("fifodir/orders.yaml", SPEC);
            add("pipeline", "a FIFO among the specs is not read", Set.of(0, 2), 30, null, null, "pipeline", fifoDir.toString());
        }
        add("pipeline", "a newline in a pipeline name stays in its comment", Set.of(0), 30,
                r -> r.out().lines().noneMatch(l -> l.strip().startsWith("DROP TABLE customers")), "the name's second line never starts a line",
                "pipeline", file("p2/nl.yaml", SPEC.replace("name: orders", "name: \"orders\\nDROP TABLE customers;\"")).toString());
        // ---------------------------------------------------------- model
        String model = "fact_table:\n  name: fct_orders\n  grain: order line\n  measures:\n    - {name: amount, type: additive, aggregation: SUM}\n"
                + "dimensions:\n  - name: dim_customer\n    type: Type 2\n    natural_key: customer_id\n    surrogate_key: customer_key\n"
                + "    attributes:\n      - {name: status, source: stg.status, scd_type: 2}\n";
        refused("model", "SQL in the fact table's name", "model", file("m1.yaml", model.replace("name: fct_orders", "name: \"fct_orders; DROP TABLE x; --\"")).toString());
        refused("model", "a quote in an attribute name", "model", file("m2.yaml", model.replace("name: status", "name: \"status\\\", x) VALUES (1); DROP TABLE y; --\"")).toString());
        refused("model", "the same dimension twice", "model", file("m3.yaml", model + "  - name: dim_customer\n    type: Type 1\n").toString());
        // ---------------------------------------------------------- lint
        refused("lint", "an empty .sql file", "lint", file("empty.sql", "").toString());
        refused("lint", "NUMERIC(99999999999999999999,-5)", "lint", file("num.sql", "CREATE TABLE t (a NUMERIC(99999999999999999999,-5));\n").toString());
        refused("lint", "20 000 nested parentheses in DDL", "lint", file("deep.sql", "CREATE TABLE t (a INT CHECK (" + "(".repeat(20_000) + "1"
                + ")".repeat(20_000) + "));\n").toString());
        refused("lint", "a 200 MB .sql file", "lint", sparse("huge.sql", 200L << 20).toString());
        refused("lint", "the same table created twice", "lint", file("twice.sql", "CREATE TABLE t (a INT);\nCREATE TABLE t (b INT);\n").toString());
        refused("lint", "the same column twice in a table list", "lint", file("tl.yaml", "tables:\n  - name: t\n    columns:\n"
                + "      - {name: a}\n      - {name: a}\n").toString());
        String meta = "\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v12.json\", \"dbt_version\": \"1.8.0\"}";
        refused("lint", "duplicate keys in a manifest", "lint", file("dupkeys.json", "{" + meta + ", \"nodes\": {}, \"nodes\": {}}").toString());
        refused("lint", "manifest nodes that are not an object", "lint", file("badnodes.json", "{" + meta + ", \"nodes\": [1, 2]}").toString());
        add("lint", "a manifest whose metadata comes after 64 KB", Set.of(0, 1), 30, r -> !r.err().contains("not a dbt"), "read as a manifest",
                "lint", file("late.json", "{\"child_map\": {\"x\": [\"" + "y".repeat(100_000) + "\"]}, " + meta + ", \"nodes\": {\"model.p.fct_orders\": {\"resource_type\": \"model\", \"name\": \"fct_orders\"}}, \"sources\": {}}").toString());
        refused("lint", "run_results.json given to lint", "lint", file("run_results.json", "{\"metadata\": {\"dbt_schema_version\": "
                + "\"https://schemas.getdbt.com/dbt/run-results/v6.json\"}, \"results\": []}").toString());
        refused("lint", "a 5 GB manifest", "lint", sparse("huge.json", 5L << 30).toString());
        // ---------------------------------------------------------- quality
        add("quality", "a check reading /etc/passwd", Set.of(2), 30, null, null, "quality",
                file("q1.yaml", customCheck("SELECT CAST((SELECT string_agg(content,'') FROM read_text('/etc/passwd')) AS INTEGER)")).toString(),
                "--jdbc", "jdbc:duckdb:");
        refused("quality", "a check switching read-only off", "quality",
                file("q2.yaml", customCheck("SELECT set_config('default_transaction_read_only','off',false)")).toString(), "--jdbc", "jdbc:duckdb:");
        refused("quality", "a check reading FROM a file path", "quality", file("q3.yaml", customCheck("SELECT count(*) FROM '/etc/passwd'")).toString(),
                "--jdbc", "jdbc:duckdb:");
        Path victim = dir.resolve("victim.duckdb");
        refused("quality", "a seed attaching and copying out", "quality", file("q4.yaml", CONTRACT).toString(), "--jdbc", "jdbc:duckdb:", "--seed",
                file("evil.seed.sql", "CREATE TABLE t (id BIGINT);\nATTACH '" + victim + "' AS v;\nCOPY t TO '" + dir.resolve("out.csv") + "';\n").toString());
        refused("quality", "a 200 MB seed script", "quality", file("q5.yaml", CONTRACT).toString(), "--jdbc", "jdbc:duckdb:", "--seed",
                sparse("huge.seed.sql", 200L << 20).toString());
        refused("quality", "a type decimal(12,", "quality", file("q6.yaml", CONTRACT.replace("type: bigint", "type: \"decimal(12,\"")).toString());
        try (ServerSocket silent = new ServerSocket(0)) {
            // the socket closes after the suite is built; a connection attempt then is refused at once, which holds too
            add("quality", "a database that never answers", Set.of(2), 30, null, null, "quality", file("q7.yaml", CONTRACT).toString(),
                    "--jdbc", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/db", "--timeout", "2");
        }
        // ---------------------------------------------------------- schema-change
        StringBuilder a = new StringBuilder("table: t\ncolumns:\n");
        StringBuilder b = new StringBuilder("table: t\ncolumns:\n");
        for (int i = 0; i < 2000; i++) {
            a.append("  - {name: col_").append(i).append(", type: varchar(10)}\n");
            b.append("  - {name: ").append(i % 2 == 0 ? "column_" : "col_").append(i).append(", type: varchar(10)}\n");
        }
        add("schema-change", "two 2 000-column lists (was quadratic)", Set.of(0, 1), 60, null, null, "schema-change",
                file("old.yaml", a.toString()).toString(), file("new.yaml", b.toString()).toString());
        add("schema-change", "SQL given to a YAML command", Set.of(2), 30, r -> r.err().contains("is SQL (a CREATE TABLE statement)")
                && r.err().contains("dece lint"), "says it is SQL and names dece lint", "schema-change",
                file("x.sql", "-- the orders table\nCREATE TABLE t (a INT);\n").toString(), file("y.yaml", "columns: [a]\n").toString());
        add("assess", "SQL given to assess", Set.of(2), 30, r -> r.err().contains(":2:1: is SQL (a SELECT statement)"), "says it is SQL, at line 2",
                "assess", file("q.yaml", "\nselect * from orders\n").toString());
        costCases();
        auditCases();
    }

    /** dece audit: the recogniser in front of every reader, and the baseline reader. */
    private void auditCases() throws IOException {
        String spec = SPEC;
        refused("audit", "a device as a platform file (/dev/zero)", "audit", "/dev/zero");
        Path fifoDir = dir.resolve("audit-fifo");
        Files.createDirectories(fifoDir);
        file("audit-fifo/spec.yaml", spec);
        boolean made = mkfifo(fifoDir.resolve("pipe.yaml"));
        if (made) refused("audit", "a FIFO given as a platform file", "audit", fifoDir.resolve("pipe.yaml").toString());
        Files.createDirectories(dir.resolve("audit-huge"));
        sparse("audit-huge/huge.yaml", 5L << 30);
        refused("audit", "a 5 GB sparse YAML file in the folder", "audit", dir.resolve("audit-huge").toString());
        refused("audit", "20 000 nested lists in a YAML file", "audit", file("audit-deep/deep.yaml", "pipeline: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n").toString());
        add("audit", "a pipeline spec with a wrong type", Set.of(2), 30, r -> r.err().contains("bad.yaml:") && r.err().contains("max_retries"),
                "file:line and the key", "audit", file("audit-type/bad.yaml", "pipeline:\n  name: orders\n  extract: {source_system: pg}\n"
                        + "  load: {target_system: snowflake}\n  error_handling: {strategy: retry, max_retries: many}\n").toString());
        refused("audit", "a duplicate key in a catalog entry", "audit", file("audit-dup/entry.yaml", "dataset:\n  name: a\n  name: b\n").toString());
        add("audit", "a baseline that is not an audit's report", Set.of(2), 30, r -> r.err().contains("is not the JSON report of a dece audit"),
                "says what a baseline is", "audit", file("audit-base/spec.yaml", spec).toString(), "--baseline", file("audit-base/prev.json", "{\"command\": \"cost\", \"findings\": []}\n").toString());
        add("audit", "a line break and escapes in a pipeline name", Set.of(0, 1, 2), 60, r -> !r.out().contains("\u001b") && !r.err().contains("\u001b"),
                "no escape byte in the scorecard", "audit", file("audit-name/spec.yaml", spec.replace("name: orders", "name: \"a\\nb\\e[31m\"")).toString(),
                "--format", "markdown");
        add("audit", "a line break and escapes in a pipeline name, as HTML", Set.of(0, 1, 2), 60, r -> !r.out().contains("\u001b") && !r.out().contains("<script>alert"),
                "no escape byte, markup escaped", "audit", file("audit-html/spec.yaml", spec.replace("name: orders", "name: \"<script>alert(1)</script>\\e[31m\"")).toString(),
                "--format", "html");
    }

    /** dece cost: its template, context, billing and history readers. */
    private void costCases() throws IOException {
        String tpl = file("cost/tpl.yaml", "month: 2026-03\ncost_tracking:\n  by_pipeline:\n    - {pipeline: orders, total: 100}\n").toString();
        String focusHead = "BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ServiceCategory,ResourceId,RegionId,Tags\n";
        refused("cost", "a billing export that is a device (/dev/zero)", "cost", tpl, "--usage", "/dev/zero");
        Path fifo = dir.resolve("cost/pipe.csv");
        boolean made = false;
        try {
            made = mkfifo(fifo);
        } catch (IOException e) {
            // no mkfifo here: the case is left out
        }
        if (made) refused("cost", "a FIFO as a billing export", "cost", tpl, "--usage", fifo.toString());
        refused("cost", "a 5 GB sparse billing export", "cost", tpl, "--usage", sparse("cost/huge.csv", 5L << 30).toString());
        refused("cost", "20 000 nested lists in a template", "cost", file("cost/deep.yaml", "cost_tracking: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n").toString());
        add("cost", "a BilledCost that is not a number", Set.of(2), 30, r -> r.err().contains("bad.csv:3:") && r.err().contains("BilledCost")
                && r.err().contains("\"ten\" is not a number"), "file:line and the column name", "cost", tpl, "--usage",
                file("cost/bad.csv", focusHead + "1,1,USD,2026-03-01T00:00:00Z,2026-03-02T00:00:00Z,Compute,i-1,us-east-1,\n"
                        + "ten,1,USD,2026-03-01T00:00:00Z,2026-03-02T00:00:00Z,Compute,i-1,us-east-1,\n").toString());
        add("cost", "deeply nested Tags JSON", Set.of(2), 30, r -> r.err().contains("tags.jsonl:1:") && r.err().contains("nesting depth"),
                "file:line and the nesting limit", "cost", tpl, "--usage",
                file("cost/tags.jsonl", "{\"BilledCost\":1,\"ChargePeriodStart\":\"2026-03-01T00:00:00Z\",\"Tags\":" + "[".repeat(5000)
                        + "]".repeat(5000) + "}\n").toString());
        refused("cost", "a duplicate key in a template", "cost", file("cost/dup.yaml", "month: 2026-03\ncost_tracking:\n  by_pipeline:\n"
                + "    - {pipeline: orders, total: 100, total: 5}\n").toString());
        refused("cost", "a duplicate column in a billing export", "cost", tpl, "--usage",
                file("cost/dupcol.csv", "BilledCost,BilledCost,ChargePeriodStart\n1,2,2026-03-01T00:00:00Z\n").toString());
        refused("cost", "a total of 1e308 USD", "cost", file("cost/big.yaml", "month: 2026-03\ncost_tracking:\n  by_pipeline:\n"
                + "    - {pipeline: orders, compute_monthly_usd: 1e308, storage_monthly_usd: 1e308, total: 1}\n").toString());
        refused("cost", "a month that is not one", "cost", file("cost/month.yaml", "month: March\ncost_tracking:\n  by_pipeline:\n"
                + "    - {pipeline: orders, total: 1}\n").toString());
        refused("cost", "a billing export in euros", "cost", tpl, "--usage", file("cost/eur.csv", focusHead
                + "1,1,EUR,2026-03-01T00:00:00Z,2026-03-02T00:00:00Z,Compute,i-1,us-east-1,\n").toString());
        refused("cost", "metering without a credit price", "cost", tpl, "--usage", file("cost/meter.csv",
                "START_TIME,END_TIME,WAREHOUSE_NAME,CREDITS_USED\n2026-03-01T00:00:00Z,2026-03-01T01:00:00Z,WH,1\n").toString());
        add("cost", "a line break and escapes in a pipeline name", Set.of(0, 1), 30,
                r -> !r.out().contains("\u001b") && r.out().contains("\"a\\nb"), "no escape byte; the artifact quotes the name",
                "cost", file("cost/name.yaml", "month: 2026-03\ncost_tracking:\n  by_pipeline:\n    - {pipeline: \"a\\nb\\e[31m\", total: 10}\n").toString());
    }
}

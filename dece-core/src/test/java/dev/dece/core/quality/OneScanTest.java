package dev.dece.core.quality;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.drl.CheckKind;
import dev.dece.core.drl.CheckResult;
import dev.dece.core.input.Limits;
import dev.dece.core.policy.Policy;
import dev.dece.core.sql.Dialect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One scan per table gives every check the result its own query gives: the same contract (checks of every kind,
 * three tables) runs both ways over generated data with violations of every kind (nulls, duplicates on single
 * and composite keys, values on and beyond exclusive bounds, too short and too long, off-pattern, unknown enum
 * values, orphans, stale loads, too few rows), on DuckDB and on PostgreSQL, one and several jobs at a time.
 */
class OneScanTest {

    static final BoundContract C = Fixtures.contract("one-scan.odcs.yaml");
    static final int SEEDS = 8;
    static EmbeddedPostgres pg;

    @TempDir static Path dir;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            for (int seed = 1; seed <= SEEDS; seed++) {
                st.execute("CREATE SCHEMA s" + seed);
                st.execute("SET search_path TO s" + seed);
                for (String s : Databases.statements(data(seed))) st.execute(s);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) pg.close();
    }

    /** Generated rows for the contract's three tables; {@code seed} picks the violations. */
    static String data(long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        sb.append("CREATE TABLE customers (customer_id BIGINT, email VARCHAR(40));\n");
        sb.append("CREATE TABLE orders (order_id BIGINT, code VARCHAR(10), amount DECIMAL(12,2), status VARCHAR(10), loaded_at TIMESTAMP, customer_id BIGINT);\n");
        sb.append("CREATE TABLE order_lines (order_id BIGINT, line_no INTEGER, sku VARCHAR(10), qty INTEGER);\n");
        for (int i = 1; i <= 10; i++) {
            String email = r.nextInt(8) == 0 ? "NULL" : r.nextInt(6) == 0 ? "'dup@x.io'" : "'c" + i + "@x.io'";
            sb.append("INSERT INTO customers VALUES (").append(r.nextInt(12) == 0 ? 1 : i).append(", ").append(email).append(");\n");
        }
        int orders = seed % 4 == 3 ? 3 : 20 + r.nextInt(30);
        String[] codes = {"AB", "ABC", "ABCDE", "X", "ABCDEF", "ab", "A1", "ZZ"};
        String[] statuses = {"new", "paid", "it''s", "void", "NEW"};
        int stale = seed % 2 == 0 ? 10 : 0;
        for (int i = 1; i <= orders; i++) {
            String id = r.nextInt(15) == 0 ? "NULL" : Integer.toString(r.nextInt(12) == 0 ? Math.max(1, i - 1) : i);
            String code = r.nextInt(10) == 0 ? "NULL" : r.nextInt(3) == 0 ? "'" + codes[r.nextInt(codes.length)] + "'" : "'" + letters(i) + "'";
            int a = r.nextInt(14);
            String amount = a == 0 ? "NULL" : a == 1 ? "-0.01" : a == 2 ? "1000" : a == 3 ? "0" : a == 4 ? "999.99" : (r.nextInt(90000) / 100.0) + "";
            String status = r.nextInt(9) == 0 ? "NULL" : "'" + statuses[r.nextInt(r.nextInt(4) == 0 ? statuses.length : 3)] + "'";
            String loaded = r.nextInt(20) == 0 ? "NULL" : "LOCALTIMESTAMP - INTERVAL '" + (stale + r.nextInt(5)) + " hour'";
            String cust = r.nextInt(10) == 0 ? "NULL" : Integer.toString(1 + r.nextInt(r.nextInt(3) == 0 ? 14 : 10));
            sb.append("INSERT INTO orders VALUES (").append(id).append(", ").append(code).append(", ").append(amount).append(", ")
                    .append(status).append(", ").append(loaded).append(", ").append(cust).append(");\n");
        }
        for (int i = 1; i <= 30; i++) {
            String order = r.nextInt(20) == 0 ? "NULL" : Integer.toString(1 + i / 3);
            String line = r.nextInt(20) == 0 ? "NULL" : Integer.toString(r.nextInt(10) == 0 ? 1 : i % 3 + 1);
            String sku = r.nextInt(12) == 0 ? "NULL" : "'S" + (r.nextInt(8) == 0 ? 1 : i) + "'";
            int q = r.nextInt(12);
            String qty = q == 0 ? "NULL" : q == 1 ? "0" : q == 2 ? "51" : q == 3 ? "50" : Integer.toString(1 + r.nextInt(49));
            sb.append("INSERT INTO order_lines VALUES (").append(order).append(", ").append(line).append(", ").append(sku).append(", ").append(qty).append(");\n");
        }
        return sb.toString();
    }

    private static String letters(int i) {
        StringBuilder s = new StringBuilder();
        for (int n = i; n > 0; n /= 26) s.append((char) ('A' + n % 26));
        return s.length() < 2 ? s.append('Q').toString() : s.toString();
    }

    static List<CheckResult> duckdb(long seed, QualityOptions o) throws Exception {
        Path script = dir.resolve("seed" + seed + ".sql");
        if (!Files.exists(script)) Files.writeString(script, data(seed), StandardCharsets.UTF_8);
        List<SqlCheck> sql = QualitySql.generate(C, Dialect.DUCKDB, Policy.defaults());
        QualityOptions run = o.withSeed(List.of(script));
        try (Databases.Opened db = Databases.open(run.jdbcUrl(), run.seed(), run.timeoutSeconds(), Limits.DEFAULT)) {
            Execution.Outcome out = Execution.run(db, sql, run);
            assertThat(out.fallbacks()).as("fallbacks").isEmpty();
            return out.results();
        }
    }

    static List<CheckResult> postgres(long seed, QualityOptions o) throws Exception {
        String url = pg.getJdbcUrl("postgres", "postgres") + "&currentSchema=s" + seed;
        List<SqlCheck> sql = QualitySql.generate(C, Dialect.POSTGRES, Policy.defaults());
        QualityOptions run = new QualityOptions(Dialect.POSTGRES, url, List.of(), 30, o.jobs(), o.perCheck());
        try (Databases.Opened db = Databases.open(url, List.of(), 30, Limits.DEFAULT)) {
            Execution.Outcome out = Execution.run(db, sql, run);
            assertThat(out.fallbacks()).as("fallbacks").isEmpty();
            return out.results();
        }
    }

    /** Same check, same status and figures; freshness ages may differ by the time between the two queries. */
    static void assertSame(List<CheckResult> perCheck, List<CheckResult> scanned, String where) {
        assertThat(scanned).hasSameSizeAs(perCheck);
        for (int i = 0; i < perCheck.size(); i++) {
            CheckResult a = perCheck.get(i), b = scanned.get(i);
            String what = where + " " + a.check().id();
            assertThat(b.check()).as(what).isSameAs(a.check());
            assertThat(a.error()).as(what + " error").isNull();
            assertThat(b.error()).as(what + " error").isNull();
            assertThat(b.status()).as(what + " status").isEqualTo(a.status());
            assertThat(b.violations()).as(what + " violations").isEqualTo(a.violations());
            assertThat(b.totalRows()).as(what + " total_rows").isEqualTo(a.totalRows());
            assertThat(b.affectedPercent()).as(what + " affected %").isEqualTo(a.affectedPercent());
            if (a.kind() == CheckKind.FRESHNESS && a.observed() != null) {
                assertThat(b.observed()).as(what + " observed").isCloseTo(a.observed(), within(0.01));
            } else {
                assertThat(b.observed()).as(what + " observed").isEqualTo(a.observed());
            }
        }
    }

    @Test
    void thePlanCombinesEverySingleTableCheckAndKeepsTheOthersApart() {
        List<ScanPlan.TableWork> plan = ScanPlan.plan(QualitySql.generate(C, Dialect.DUCKDB, Policy.defaults()));
        assertThat(plan).extracting(ScanPlan.TableWork::table).containsExactly("orders", "order_lines", "customers");
        ScanPlan.TableWork orders = plan.get(0);
        assertThat(orders.scans()).extracting(ScanPlan.Scan::shape)
                .containsExactly(ScanPlan.Shape.ROWS, ScanPlan.Shape.KEYS, ScanPlan.Shape.SINGLE, ScanPlan.Shape.SINGLE);
        assertThat(orders.scans().get(0).members()).extracting(m -> m.check().kind())
                .containsOnly(CheckKind.NOT_NULL, CheckKind.RANGE, CheckKind.LENGTH, CheckKind.ENUM, CheckKind.REGEX, CheckKind.FRESHNESS, CheckKind.VOLUME);
        assertThat(orders.scans().get(2).members().get(0).check().kind()).isEqualTo(CheckKind.REFERENTIAL);
        assertThat(orders.scans().get(3).members().get(0).check().kind()).isEqualTo(CheckKind.CUSTOM);
        // order_lines: the composite primary key and sku share one grouping-sets query
        assertThat(plan.get(1).scans().get(1).sql()).contains("GROUP BY GROUPING SETS ((\"sku\"), (\"order_id\", \"line_no\"))");
        int queries = plan.stream().mapToInt(w -> w.scans().size()).sum();
        int checks = plan.stream().mapToInt(ScanPlan.TableWork::checks).sum();
        assertThat(checks).isEqualTo(C.checks().size());
        assertThat(queries).isLessThan(checks / 2);
    }

    /** One database's run of the contract over seed {@code seed}'s data. */
    @FunctionalInterface
    interface Run {
        List<CheckResult> on(long seed, QualityOptions o) throws Exception;
    }

    /**
     * Every seed: per check, one scan per table and one scan with {@code jobs} jobs give the same result; and the data
     * broke every kind of check at least once, so agreement is not agreement on passing.
     */
    static void sameEveryWay(String db, String url, int jobs, Run run) throws Exception {
        Set<CheckKind> failed = EnumSet.noneOf(CheckKind.class);
        for (long seed = 1; seed <= SEEDS; seed++) {
            QualityOptions o = QualityOptions.run(url);
            List<CheckResult> perCheck = run.on(seed, o.withPerCheck(true));
            assertSame(perCheck, run.on(seed, o), db + " seed " + seed);
            assertSame(perCheck, run.on(seed, o.withJobs(jobs)), db + " jobs " + jobs + " seed " + seed);
            perCheck.stream().filter(CheckResult::failed).forEach(x -> failed.add(x.kind()));
        }
        assertThat(failed).contains(CheckKind.NOT_NULL, CheckKind.UNIQUE, CheckKind.RANGE, CheckKind.LENGTH, CheckKind.ENUM,
                CheckKind.REGEX, CheckKind.FRESHNESS, CheckKind.VOLUME, CheckKind.REFERENTIAL, CheckKind.CUSTOM);
    }

    @Test
    void duckdbGivesTheSameResultsOneScanPerTableAsOneQueryPerCheck() throws Exception {
        sameEveryWay("duckdb", "jdbc:duckdb:", 3, OneScanTest::duckdb);
    }

    @Test
    void postgresGivesTheSameResultsOneScanPerTableAsOneQueryPerCheck() throws Exception {
        sameEveryWay("postgres", "jdbc:postgresql:", 2, OneScanTest::postgres);
    }

    @Test
    void aScanThatFailsFallsBackToOneQueryPerCheckSoTheOthersStillHaveResults() throws Exception {
        // the table lacks "code": the orders row scan and key scan fail, each of their checks runs alone
        String broken = data(1).replace("code VARCHAR(10), ", "").replaceAll("INSERT INTO orders VALUES \\(([^,]*), [^,]*, ", "INSERT INTO orders VALUES ($1, ");
        Path script = dir.resolve("broken.sql");
        Files.writeString(script, broken, StandardCharsets.UTF_8);
        QualityOptions run = QualityOptions.run("jdbc:duckdb:").withSeed(List.of(script));
        List<SqlCheck> sql = QualitySql.generate(C, Dialect.DUCKDB, Policy.defaults());
        try (Databases.Opened db = Databases.open(run.jdbcUrl(), run.seed(), 30, Limits.DEFAULT)) {
            Execution.Outcome out = Execution.run(db, sql, run);
            assertThat(out.fallbacks()).extracting(f -> f.scan().table() + " " + f.scan().shape()).containsExactly("orders ROWS", "orders KEYS");
            assertThat(out.fallbacks().get(0).reason()).contains("code");
            List<CheckResult> r = out.results();
            assertThat(r).filteredOn(x -> x.errored()).extracting(x -> x.check().id())
                    .containsExactlyInAnyOrder("orders.code.unique", "orders.code.length", "orders.code.regex");
            assertThat(r).filteredOn(x -> x.check().id().equals("orders.amount.not_null")).singleElement()
                    .satisfies(x -> assertThat(x.error()).isNull());
        }
    }

    @Test
    void jobsAboveTheCapOrBelowOneAreRefused() {
        QualityOptions o = QualityOptions.run("jdbc:duckdb:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> o.withJobs(0)).hasMessageContaining("jobs must be 1 to 16, was 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> o.withJobs(QualityOptions.MAX_JOBS + 1)).hasMessageContaining("was 17");
        assertThat(o.withJobs(16).jobs()).isEqualTo(16);
    }
}

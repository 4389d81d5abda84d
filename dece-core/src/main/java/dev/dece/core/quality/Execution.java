package dev.dece.core.quality;

import dev.dece.core.drl.CheckResult;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link ScanPlan} on an opened database: table by table on one connection, or {@code jobs} tables at a
 * time over as many connections (each read-only and locked down like the first, {@link Databases#another}).
 * Results come back in the contract's check order and fallbacks in the plan's table order, whatever finished
 * first, so the report does not depend on {@code jobs}.
 */
final class Execution {
    private Execution() {}

    /** The results, one per check in contract order, and the scans that fell back to one query per check. */
    record Outcome(List<CheckResult> results, List<CheckRunner.Fallback> fallbacks) {}

    static Outcome run(Databases.Opened db, List<SqlCheck> checks, QualityOptions options) throws InputException, SQLException {
        List<ScanPlan.TableWork> plan = options.perCheck() ? ScanPlan.perCheck(checks) : ScanPlan.plan(checks);
        CheckResult[] results = new CheckResult[checks.size()];
        int jobs = Math.min(options.jobs(), Math.max(1, plan.size()));
        if (jobs == 1) {
            List<CheckRunner.Fallback> fallbacks = new ArrayList<>();
            try (CheckRunner runner = new CheckRunner(db.connection(), options.timeoutSeconds())) {
                for (ScanPlan.TableWork w : plan) table(runner, w, results, fallbacks);
            }
            return new Outcome(Arrays.asList(results), List.copyOf(fallbacks));
        }
        List<Connection> extra = new ArrayList<>();
        BlockingQueue<CheckRunner> runners = new ArrayBlockingQueue<>(jobs);
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "dece-quality-job");
            t.setDaemon(true);
            return t;
        });
        try {
            runners.add(new CheckRunner(db.connection(), options.timeoutSeconds()));
            for (int i = 1; i < jobs; i++) {
                Connection c = Databases.another(db, options.jdbcUrl(), options.timeoutSeconds());
                extra.add(c);
                runners.add(new CheckRunner(c, options.timeoutSeconds()));
            }
            List<Future<List<CheckRunner.Fallback>>> done = new ArrayList<>(plan.size());
            for (ScanPlan.TableWork w : plan) {
                done.add(pool.submit(() -> {
                    CheckRunner runner = runners.take();
                    try {
                        List<CheckRunner.Fallback> f = new ArrayList<>();
                        table(runner, w, results, f);
                        return f;
                    } finally {
                        runners.add(runner);
                    }
                }));
            }
            List<CheckRunner.Fallback> fallbacks = new ArrayList<>();
            for (Future<List<CheckRunner.Fallback>> f : done) fallbacks.addAll(f.get());
            return new Outcome(Arrays.asList(results), List.copyOf(fallbacks));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(Problem.file(options.jdbcUrl(), "interrupted while the checks ran"));
        } catch (ExecutionException e) {
            // a runner turns every database failure into a result; anything else is a defect, not the input's
            throw new IllegalStateException("a quality job failed", e.getCause());
        } finally {
            pool.shutdownNow();
            runners.forEach(CheckRunner::close);
            for (Connection c : extra) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a read-only connection loses nothing
                }
            }
        }
    }

    /** One table's scans, results written at their checks' positions (distinct per table, so no two jobs share one). */
    private static void table(CheckRunner runner, ScanPlan.TableWork w, CheckResult[] results, List<CheckRunner.Fallback> fallbacks) {
        for (ScanPlan.Scan s : w.scans()) {
            List<CheckResult> r = runner.run(s, fallbacks);
            for (int i = 0; i < r.size(); i++) results[s.index().get(i)] = r.get(i);
        }
    }
}

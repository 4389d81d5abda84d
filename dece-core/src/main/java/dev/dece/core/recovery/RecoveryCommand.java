package dev.dece.core.recovery;

import dev.dece.core.doc.Binder;
import dev.dece.core.drl.Node;
import dev.dece.core.drl.RecoveryPosture;
import dev.dece.core.engine.Command;
import dev.dece.core.engine.Engine;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Problem;
import dev.dece.core.report.Artifact;
import dev.dece.core.report.Report;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code dece recovery FILE}: the Phase 10 Disaster Recovery review. Checks the platform's stated posture against
 * the five scenarios (DR rules) and returns a recovery plan (Markdown) with each scenario's RPO, RTO, recovery
 * steps and whether the posture covers it.
 */
public final class RecoveryCommand {
    private RecoveryCommand() {}

    static final List<String> KEYS = List.of("code_in_git", "orchestrator_state_backed_up", "time_travel_days", "snapshots",
            "incremental_catch_up", "dr_region", "credential_rotation", "access_audit_logs");

    public static final Command COMMAND = new Command("recovery",
            "Review a platform's disaster-recovery posture against the Phase 10 Disaster Recovery table: five scenarios, their RPO, RTO and recovery steps.",
            List.of(List.of("recovery")),
            List.of("recovery.code", "recovery.data", "recovery.source", "recovery.region", "recovery.credentials"),
            "docs/catalog.md",
            (engine, files) -> Command.Bound.of(files.stream().map(Path::toString).toList(), List.of(read(one(files), engine))));

    private static Path one(List<Path> files) {
        if (files.size() != 1) throw new IllegalArgumentException("recovery reads one posture file, not " + files.size() + " files");
        return files.get(0);
    }

    /** Reviews the posture in {@code file}. */
    public static Report run(Engine engine, Path file) throws InputException {
        engine.prepare(COMMAND);
        RecoveryPosture p = read(file, engine);
        return engine.evaluate(COMMAND, List.of(file.toString()), List.of(p)).withArtifacts(List.of(plan(p)));
    }

    static RecoveryPosture read(Path file, Engine engine) throws InputException {
        List<Node> docs = engine.loader().load(file);
        Node root = docs.get(0);
        if (docs.size() > 1) throw new InputException(Problem.at(docs.get(1), "the file holds " + docs.size() + " documents; a recovery posture is one"));
        Binder b = new Binder();
        Binder.Obj top = b.object(root, List.of("disaster_recovery"));
        Node n = top.get("disaster_recovery");
        if (n.isAbsent()) {
            b.problem(n, "is required: the platform's recovery posture (" + String.join(", ", KEYS) + ")");
            b.throwIfProblems();
        }
        Binder.Obj o = b.object(n, KEYS);
        Integer tt = o.integer("time_travel_days", 0, "days of time travel, 0 when off");
        String rotation = o.string("credential_rotation");
        if (rotation != null && !List.of("automated", "documented", "none").contains(rotation.strip().toLowerCase(java.util.Locale.ROOT))) {
            b.problem(o.get("credential_rotation"), "\"" + rotation + "\" is not a rotation; use automated, documented or none");
        }
        String region = o.string("dr_region");
        if (region != null && region.chars().anyMatch(c -> c < 0x20)) b.problem(o.get("dr_region"), "holds a control character; a region is one name");
        RecoveryPosture p = new RecoveryPosture(n, o.bool("code_in_git"), o.bool("orchestrator_state_backed_up"), tt, o.string("snapshots"),
                o.bool("incremental_catch_up"), region == null || region.isBlank() ? null : region.strip(), rotation == null ? null : rotation.strip(),
                o.bool("access_audit_logs"));
        b.throwIfProblems();
        return p;
    }

    /** The five scenarios with the table's RPO, RTO and steps, and whether the posture covers each. */
    static Artifact plan(RecoveryPosture p) {
        StringBuilder sb = new StringBuilder("# Disaster recovery plan\n\nFrom the Phase 10 Disaster Recovery table and the stated posture.\n\n");
        sb.append("| Scenario | RPO | RTO | Recovery steps | Covered |\n|---|---|---|---|---|\n");
        row(sb, "Pipeline code lost", "0 (git)", "1h", "Redeploy from git, restore orchestrator state",
                p.codeRecoverable() && Boolean.TRUE.equals(p.orchestratorStateBackedUp()), p.codeRecoverable() ? "orchestrator state not backed up" : "code not in git");
        row(sb, "Warehouse data corrupted", "Varies", "4h", "Restore from Time Travel/snapshot, re-run affected pipelines",
                p.dataRestorable(), "no time travel and no snapshots");
        row(sb, "Source system down", "N/A", "Wait", "Queue extractions, catch up with incremental once restored",
                p.sourceOutageCovered(), "no incremental catch-up");
        row(sb, "Cloud region outage", "24h", "8h", "Failover to DR region" + (p.regionFailover() ? " (" + p.drRegion() + ")" : " if configured, else wait"),
                p.regionFailover(), "no DR region: wait for the provider");
        row(sb, "Credential compromise", "0", "2h", "Rotate all credentials, audit access logs, re-run affected pipelines",
                p.credentialsRotatable() && Boolean.TRUE.equals(p.accessAuditLogs()), !p.credentialsRotatable() ? "no rotation procedure" : "no access audit logs");
        return new Artifact("recovery-plan", "disaster-recovery.md", sb.toString());
    }

    private static void row(StringBuilder sb, String scenario, String rpo, String rto, String steps, boolean covered, String gap) {
        sb.append("| ").append(scenario).append(" | ").append(rpo).append(" | ").append(rto).append(" | ").append(steps).append(" | ")
                .append(covered ? "yes" : "no: " + gap).append(" |\n");
    }
}

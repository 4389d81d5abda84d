package dev.dece.bench;

import dev.dece.core.drl.Brief;
import dev.dece.core.drl.CompanyStage;
import dev.dece.core.drl.Constraints;
import dev.dece.core.drl.Consumer;
import dev.dece.core.drl.Latency;
import dev.dece.core.drl.QueryPattern;
import dev.dece.core.drl.Signals;
import dev.dece.core.drl.Source;
import dev.dece.core.drl.SourceType;
import dev.dece.core.drl.UseCase;
import dev.dece.core.drl.Volume;

import java.util.ArrayList;
import java.util.List;

/**
 * The architecture-pattern decision (PAT-001..016) written as plain Java over the same bound facts, as
 * the baseline the rule engine is measured against. It returns the chosen patterns only: no evidence,
 * alternatives or rationale, so it is the floor of what the decision itself costs.
 */
public final class PlainJavaPatterns {
    private PlainJavaPatterns() {}

    public static List<String> decide(List<Object> facts) {
        Brief brief = null;
        Volume volume = null;
        Constraints constraints = null;
        List<Consumer> consumers = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Object f : facts) {
            if (f instanceof Brief b) brief = b;
            else if (f instanceof Consumer c) consumers.add(c);
            else if (f instanceof Source s) sources.add(s);
            else if (f instanceof Volume v) volume = v;
            else if (f instanceof Constraints c) constraints = c;
        }
        boolean realTime = false, nearRealTime = false, batch = false, ml = false, sql = false, sqlQuery = false;
        int mlCount = 0;
        for (Consumer c : consumers) {
            realTime |= c.latency() == Latency.REAL_TIME;
            nearRealTime |= c.latency() == Latency.NEAR_REAL_TIME;
            batch |= c.latency() == Latency.BATCH;
            if (c.useCase() == UseCase.ML) { ml = true; mlCount++; }
            sql |= c.useCase() == UseCase.ANALYTICS || c.useCase() == UseCase.REPORTING || c.queryPattern() == QueryPattern.DASHBOARD;
            sqlQuery |= c.useCase() == UseCase.ANALYTICS || c.useCase() == UseCase.REPORTING
                    || c.queryPattern() == QueryPattern.DASHBOARD || c.queryPattern() == QueryPattern.AD_HOC;
        }
        boolean anyStream = false, allReplayable = true;
        for (Source s : sources) {
            if (s.type() == SourceType.STREAM) {
                anyStream = true;
                allReplayable &= Boolean.TRUE.equals(s.replayable());
            }
        }
        List<String> out = new ArrayList<>();
        if (realTime && batch) out.add(anyStream && allReplayable ? "kappa" : "lambda");
        else if (realTime) out.add("streaming");
        else if (nearRealTime) out.add("micro-batch");
        else if (!consumers.isEmpty()) out.add("batch-etl");
        boolean lakehouse = brief != null && Signals.mentionsLake(brief.currentStorage()) && Signals.mentionsWarehouse(brief.currentStorage());
        lakehouse |= ml && sql;
        lakehouse |= volume != null && volume.retainedGb() > 1000 && sqlQuery;
        if (lakehouse) out.add("lakehouse");
        if (brief != null && brief.dataTeams() > 5 && brief.domainCount() > 1
                && (constraints == null || constraints.teamSize() == null || constraints.teamSize() >= 20)
                && (constraints == null || constraints.companyStage() != CompanyStage.EARLY_STAGE)) {
            out.add("data-mesh");
        }
        if (mlCount > 0 && mlCount * 2 >= consumers.size()) out.add("feature-store");
        return out;
    }
}

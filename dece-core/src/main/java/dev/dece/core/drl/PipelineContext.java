package dev.dece.core.drl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What DECE knows of a pipeline besides its runs, joined by the pipeline's name from the optional context
 * inputs: its Universal Pipeline Template (tier, {@code sla_minutes}, {@code schedule},
 * {@code error_handling.alert_channels}), the Data Contracts of its data (consumers, {@code sla.freshness_hours},
 * {@code notification_channel}, PII and restricted columns) and the Architecture Brief (how each consumer
 * uses the data, the regulations it falls under). One per pipeline; the Alert Severity rules rate it and the
 * triage rules read its impact.
 *
 * <p>Its node is a mapping whose children are the nodes the values were read from (the spec's
 * {@code pipeline.tier}, the contract's {@code contract.consumers}, the brief's {@code constraints.compliance}),
 * so {@code evidence("tier")} cites the file and line that decided it.
 *
 * @param spec               true when a pipeline spec names this pipeline
 * @param tier               {@code pipeline.tier}, or {@code null}
 * @param slaMinutes         {@code pipeline.sla_minutes}, or {@code null}
 * @param schedule           {@code pipeline.schedule} as written, or {@code null}
 * @param scheduleGapMinutes the longest gap between two scheduled runs, or {@code null} without a schedule
 * @param consumerTeams      the teams reading the data: the contracts' {@code consumers} and the spec's {@code serves}, sorted
 * @param consumers          the brief's entries for those teams (use case, query pattern), in brief order
 * @param compliance         the brief's {@code constraints.compliance}; empty without a brief
 * @param restrictedColumns  contract columns classified restricted (Phase 6), as {@code table.column}
 * @param piiColumns         contract columns with {@code pii: true}
 * @param alertChannels      the spec's {@code error_handling.alert_channels}
 * @param notificationChannels the contracts' {@code notification_channel}s
 * @param contracts          names of the contracts joined to this pipeline
 * @param freshnessSlaHours  how old the data may get: the contract's {@code sla.freshness_hours}, else dbt's
 *                           source freshness {@code error_after}, else the longest gap between two scheduled runs
 *                           plus {@code sla_minutes}; {@code null} when none is known
 * @param freshnessSlaSource where {@code freshnessSlaHours} came from, in words
 */
public record PipelineContext(Node node, String name, boolean spec, Tier tier, Integer slaMinutes, String schedule,
                              Long scheduleGapMinutes,
                              List<String> consumerTeams, List<Consumer> consumers, Set<Compliance> compliance,
                              List<String> restrictedColumns, List<String> piiColumns, List<String> alertChannels,
                              List<String> notificationChannels, List<String> contracts, Double freshnessSlaHours,
                              String freshnessSlaSource) implements Located {

    public PipelineContext {
        consumerTeams = List.copyOf(consumerTeams);
        consumers = List.copyOf(consumers);
        compliance = Set.copyOf(compliance);
        restrictedColumns = List.copyOf(restrictedColumns);
        piiColumns = List.copyOf(piiColumns);
        alertChannels = List.copyOf(alertChannels);
        notificationChannels = List.copyOf(notificationChannels);
        contracts = List.copyOf(contracts);
    }

    @Override
    public String subject() {
        return name;
    }

    /** A consumer uses the data operationally or feeds it back into business systems (reverse-ETL): revenue moves with it. */
    public boolean operationalUse() {
        return consumers.stream().anyMatch(c -> c.useCase() == UseCase.OPERATIONAL || c.useCase() == UseCase.REVERSE_ETL);
    }

    /** A consumer builds reports on the data. */
    public boolean reportingUse() {
        return consumers.stream().anyMatch(c -> c.useCase() == UseCase.REPORTING);
    }

    /** A consumer reads the data through dashboards. */
    public boolean dashboardUse() {
        return consumers.stream().anyMatch(c -> c.queryPattern() == QueryPattern.DASHBOARD);
    }

    public boolean regulated() {
        return !compliance.isEmpty();
    }

    public boolean has(Compliance c) {
        return compliance.contains(c);
    }

    /** The consumers' teams that read the data through dashboards, in brief order. */
    public List<String> dashboardTeams() {
        return consumers.stream().filter(c -> c.queryPattern() == QueryPattern.DASHBOARD).map(Consumer::team).toList();
    }

    /** Who to tell: the spec's alert channels, then the contracts' notification channels, without repeats. */
    public List<String> channels() {
        List<String> out = new ArrayList<>(alertChannels);
        for (String c : notificationChannels) if (!out.contains(c)) out.add(c);
        return out;
    }

    /** "finance (reporting, dashboard), bi" : each team with its use from the brief when known. */
    public String consumersText() {
        if (consumerTeams.isEmpty()) return "no known consumer";
        StringBuilder sb = new StringBuilder();
        for (String t : consumerTeams) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(t);
            for (Consumer c : consumers) {
                if (c.team() != null && c.team().equalsIgnoreCase(t)) {
                    List<String> use = new ArrayList<>();
                    if (c.useCase() != null) use.add(c.useCase().label());
                    if (c.queryPattern() != null) use.add(c.queryPattern().label());
                    if (!use.isEmpty()) sb.append(" (").append(String.join(", ", use)).append(')');
                    break;
                }
            }
        }
        return sb.toString();
    }
}

package dev.dece.core.drl;

import java.util.List;

/**
 * One Universal Pipeline Template document (methodology Phase 3), bound and located. The node is the
 * {@code pipeline} mapping, so {@code at("schedule")} is {@code pipeline.schedule} on its own line.
 *
 * <p>A pipeline is in {@link Mode#REVIEW} when both core choices, {@code extract.strategy} and
 * {@code load.strategy}, are made; otherwise it is in {@link Mode#DESIGN} and DECE completes it.
 *
 * @param name       {@code pipeline.name}, unique across the inputs of one call; it is also the slot
 *                   every recommendation for this pipeline is filed under
 * @param schedule   the parsed {@code schedule}, or {@code null} when absent
 * @param serves     {@code pipeline.serves} (DECE extension): brief consumer teams this pipeline feeds;
 *                   empty means every consumer of the brief
 */
public record Pipeline(Node node, String name, Mode mode, String owner, Schedule schedule, Integer slaMinutes,
                       Tier tier, List<String> serves, Extract extract, Transform transform, Load load,
                       QualityGates gates, ErrorHandling errors) implements Located {

    /** Design: DECE fills in the missing choices; review: DECE checks the choices made. */
    public enum Mode { DESIGN, REVIEW }

    public Pipeline {
        serves = List.copyOf(serves);
    }

    public boolean isReview() { return mode == Mode.REVIEW; }
    public boolean isDesign() { return mode == Mode.DESIGN; }
    public boolean isCritical() { return tier == Tier.CRITICAL; }

    /** True when this pipeline feeds the brief consumer {@code team}. */
    public boolean feeds(String team) {
        if (serves.isEmpty()) return true;
        for (String s : serves) if (s.equalsIgnoreCase(team == null ? "" : team.strip())) return true;
        return false;
    }
}

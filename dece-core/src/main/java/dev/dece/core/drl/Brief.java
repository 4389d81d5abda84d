package dev.dece.core.drl;

import java.util.List;

/**
 * The Architecture Brief as a whole, with figures derived from its lists.
 *
 * @param consumerCount   number of {@code data_consumers}
 * @param dataTeams       {@code constraints.data_teams} when given, else the distinct consumer teams and
 *                        source owner domains together (producers and consumers)
 * @param domainCount     distinct {@code current_state.sources[].owner_domain} values
 * @param currentStorage  {@code current_state.storage} as written
 */
public record Brief(Node node, String projectName, String businessContext, int consumerCount, int dataTeams,
                    int domainCount, List<String> painPoints, List<String> currentStorage) implements Located {
}

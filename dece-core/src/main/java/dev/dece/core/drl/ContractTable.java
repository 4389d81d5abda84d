package dev.dece.core.drl;


/**
 * One table of a contract: the template's single table ({@code contract.table}, default {@code contract.name})
 * or an ODCS {@code schema[]} object.
 *
 * @param name         the name checks and findings use (ODCS {@code physicalName} when given)
 * @param logicalName  the contract's own name for it
 */
public record ContractTable(Node node, String name, String logicalName, int columns) implements Located {}

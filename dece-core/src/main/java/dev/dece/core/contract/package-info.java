/**
 * Reading data contracts in every format DECE reads ({@link dev.dece.core.contract.ContractReader} picks the format; one
 * package-private reader per format) into the facts of {@link dev.dece.core.contract.BoundContract}.
 *
 * <p>Internal, shared by the quality and schema-change commands. Depends on doc, drl, input, sql.
 */
package dev.dece.core.contract;

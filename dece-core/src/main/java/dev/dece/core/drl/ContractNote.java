package dev.dece.core.drl;

/**
 * Something a contract reader read but could not turn into a check, or a place where the document departs
 * from its standard, kept so the report says so instead of dropping it or refusing the file: a check for
 * another engine ({@code type: custom}), a constraint DECE does not generate SQL for (date bounds,
 * {@code format}, array sizes), a nested field's checks, an SLA property no rule reads; or a required ODCS
 * field that is missing, or a value that is {@code null} where the standard wants text.
 *
 * @param node        where it is written
 * @param conformance true when the document departs from its standard (CON-018); false for "not checked" (CON-017)
 * @param what        what was found, e.g. {@code custom check for engine great-expectations}
 * @param how         how to have it checked, or what the standard allows
 */
public record ContractNote(Node node, boolean conformance, String what, String how) implements Located {

    @Override
    public String subject() {
        return node.path();
    }
}

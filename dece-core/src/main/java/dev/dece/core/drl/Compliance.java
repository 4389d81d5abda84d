package dev.dece.core.drl;

import java.util.List;

/** constraints.compliance: regulations the data falls under. */
public enum Compliance implements Spelled {
    GDPR("GDPR"),
    HIPAA("HIPAA"),
    SOX("SOX"),
    PCI("PCI", "PCI-DSS"),
    NONE("none");

    private final List<String> spellings;

    Compliance(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}

package dev.dece.core.drl;

/**
 * A column of a catalogued dataset that the PII detector ({@link Pii#detect}) calls personal data, with where the
 * column was read (the entry's {@code columns}, a contract, or a dbt manifest) and whether the entry's
 * {@code access.pii_columns} lists it.
 *
 * @param source where the column came from, e.g. {@code catalog columns}, {@code contract orders.contract.yaml}
 */
public record CatalogPii(Node node, String dataset, String column, String category, Classification level, String reason,
                         boolean listed, String source) implements Located {
    @Override
    public String subject() {
        return dataset;
    }
}

package dev.dece.core.drl;


/**
 * One {@code fact_table.foreign_keys[i]}.
 *
 * @param name      as written, e.g. {@code customer_key} or {@code dim_customer}
 * @param dimension the declared dimension it resolves to, or null when none matches (see
 *                  {@link ModelBinder} for how names resolve)
 */
public record ForeignKey(Node node, String fact, String name, String dimension) implements Located {
    /** The fact column that holds this key: the dimension's surrogate key when resolved, else the name. */
    public String column(java.util.Map<String, Dimension> dims) {
        Dimension d = dimension == null ? null : dims.get(dimension);
        return d != null && d.surrogateKey() != null ? d.surrogateKey() : name;
    }
}

package dev.dece.core.drl;

import java.util.Map;

/**
 * A statement {@code dece optimize} could not analyse: the parser refused it (its message, shortened to one line),
 * it exceeded a bound (size, nesting, parse time), or a dbt model has no compiled SQL. The other statements of the
 * same input are analysed as usual.
 *
 * @param reason what happened, one line
 * @param hint   what to do about it, e.g. pass the dbt manifest instead of Jinja sources; may be empty
 */
public record SqlUnparsed(String id, String origin, String dialect, SqlAt at, String sql, String reason, String hint)
        implements Located {
    @Override
    public Node node() {
        return at.node(Map.of("sql", sql, "reason", reason));
    }

    @Override
    public String subject() {
        return id;
    }
}

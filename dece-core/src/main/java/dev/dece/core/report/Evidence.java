package dev.dece.core.report;


/**
 * One input fact that made a rule fire: the YAML path and the value found there.
 *
 * @param path  YAML path such as {@code data_consumers[0].latency_requirement}; never null
 * @param value the value as written, {@code (absent)} for a missing key, or a derived figure
 */
public record Evidence(String path, String value) implements Comparable<Evidence> {


    public static Evidence of(String path, Object value) {
        return new Evidence(path, String.valueOf(value));
    }

    @Override
    public int compareTo(Evidence o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : value.compareTo(o.value);
    }
}

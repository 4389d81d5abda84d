package dev.dece.core.dbt;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dbt artifacts, told apart by their {@code metadata.dbt_schema_version}
 * ({@code https://schemas.getdbt.com/dbt/<kind>/v<N>.json}), each with the DECE command that reads it, so a
 * file given to the wrong command is answered with what it is and where it belongs.
 */
public enum DbtArtifact {
    MANIFEST("manifest", "manifest.json", "the project's models, sources, tests and lineage", "dece lint"),
    RUN_RESULTS("run-results", "run_results.json", "the results of one dbt run, test or build", "dece monitor"),
    SOURCES("sources", "sources.json", "the results of 'dbt source freshness'", "dece monitor"),
    CATALOG("catalog", "catalog.json", "the warehouse's column types and statistics from 'dbt docs generate'", null),
    SEMANTIC_MANIFEST("semantic-manifest", "semantic_manifest.json", "the semantic layer's models and metrics", null),
    OTHER("", "a dbt artifact", "an artifact DECE does not know", null);

    private static final Pattern URL = Pattern.compile("/dbt/([a-z_-]+)/v(\\d+)\\.json");

    private final String slug;
    private final String fileName;
    private final String holds;
    private final String readBy;

    DbtArtifact(String slug, String fileName, String holds, String readBy) {
        this.slug = slug;
        this.fileName = fileName;
        this.holds = holds;
        this.readBy = readBy;
    }

    /** The file dbt writes it to, e.g. {@code run_results.json}. */
    public String fileName() {
        return fileName;
    }

    /** What it holds, for messages. */
    public String holds() {
        return holds;
    }

    /** The DECE command that reads it, e.g. {@code dece monitor}; null when no command reads it yet. */
    public String readBy() {
        return readBy;
    }

    /** The artifact a schema URL names; null when the text is not a dbt schema URL at all. */
    public static DbtArtifact of(String schemaVersion) {
        Matcher m = URL.matcher(schemaVersion == null ? "" : schemaVersion.toLowerCase(Locale.ROOT));
        if (!m.find()) return null;
        String slug = m.group(1).replace('_', '-');
        for (DbtArtifact a : values()) if (a != OTHER && a.slug.equals(slug)) return a;
        return OTHER;
    }

    /** The schema version number in the URL ({@code 12} for {@code .../manifest/v12.json}); -1 when none. */
    public static int version(String schemaVersion) {
        Matcher m = URL.matcher(schemaVersion == null ? "" : schemaVersion.toLowerCase(Locale.ROOT));
        return m.find() ? Integer.parseInt(m.group(2)) : -1;
    }

    /**
     * The sentence for a file of this kind given to {@code command}: what it is, and which command reads it
     * (or that none does yet, and which file {@code command} wants).
     */
    public String misplaced(String schemaVersion, String command, String wanted) {
        String what = this == OTHER ? "a dbt artifact (\"" + schemaVersion + "\")" : "a dbt " + fileName + " (" + holds + ")";
        String where = readBy == null ? "no DECE command reads it yet" : readBy + " reads it";
        return "is " + what + ", not " + wanted + "; " + where + ", and " + command + " reads " + wanted;
    }
}

package dev.dece.core.drl;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The string side of the Phase 2 Naming Conventions table, as pure functions the lint rules call: which
 * layer prefix a name carries, whether a column name follows its row of the table, and the corrected name
 * to propose. The decisions (what is a finding, how severe) stay in the DRL rules.
 *
 * <pre>{@code
 * NameRules.timestampName("created_ts")   // "created_at"
 * NameRules.stagingName("stg_stripe_payments")   // "stg_stripe__payments"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class NameRules {
    private NameRules() {}

    /** The object prefixes of the conventions table, in the table's order. */
    public static final List<String> LAYER_PREFIXES = List.of("raw_", "stg_", "int_", "fct_", "dim_", "mrt_", "snp_");

    /** Common non-standard prefixes and the convention's prefix for the same layer. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("fact_", "fct_"), Map.entry("facts_", "fct_"), Map.entry("f_", "fct_"), Map.entry("fct", "fct_"),
            Map.entry("dimension_", "dim_"), Map.entry("dimensions_", "dim_"), Map.entry("d_", "dim_"),
            Map.entry("stage_", "stg_"), Map.entry("staging_", "stg_"), Map.entry("stg", "stg_"),
            Map.entry("intermediate_", "int_"),
            Map.entry("mart_", "mrt_"), Map.entry("marts_", "mrt_"), Map.entry("agg_", "mrt_"),
            Map.entry("snapshot_", "snp_"), Map.entry("snap_", "snp_"), Map.entry("snapshots_", "snp_"),
            Map.entry("src_", "raw_"), Map.entry("landing_", "raw_"));
    // Not aliases: words that begin ordinary names and would lose their meaning if replaced, e.g.
    // metrics_anomaly_score (not a mart), inter_company_transfers (not intermediate), source_system_codes.

    private static final Pattern LOOKS_BOOLEAN = Pattern.compile(".+_(flag|yn|bool|ind|indicator)|(flag|bool)_.+");
    private static final Pattern LOOKS_TIMESTAMP = Pattern.compile(".+_(ts|tstamp|timestamp|datetime|time)");
    private static final Pattern LOOKS_DATE = Pattern.compile(".+_dt|dt_.+");
    private static final Pattern BAD_ID = Pattern.compile(".+_(uuid|ident|identifier)");
    private static final Pattern BAD_AMOUNT = Pattern.compile(".+_(amt|amnt|amts)|(amount|amt)_.+");
    private static final Pattern CURRENCY_AMOUNT = Pattern.compile("amount_(usd|eur|gbp|jpy|chf|cad|aud|cny|inr|local)");
    private static final Pattern BAD_COUNT = Pattern.compile(".+_(cnt|ct|num|qty_count)|(num|cnt|count|n|number_of|nbr)_.+");
    private static final Pattern LOCAL_TIME = Pattern.compile(".*_(local|est|edt|pst|pdt|cst|cet|cest|ist|jst)(_.*)?|local_.*");
    private static final Pattern UNDERSCORES = Pattern.compile("_+");
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_{1,2}[a-z0-9]+)*");

    /** Words that mark an attribute as business-critical (the methodology names customer status, product
     *  price and employee department; tier, segment and grade are DECE's additions of the same kind). */
    public static final List<String> BUSINESS_CRITICAL = List.of("status", "price", "department", "tier", "segment", "grade");

    /** Words that mark a column as status-like, for the accepted_values test. */
    public static final List<String> STATUS_LIKE = List.of("status", "state", "stage", "type", "category", "tier");

    /** Column names that record when a row was processed, not when the event happened. */
    public static final List<String> PROCESSING_TIME = List.of("loaded_at", "load_at", "ingested_at", "processed_at",
            "inserted_at", "etl_loaded_at", "_etl_loaded_at", "_loaded_at", "dbt_updated_at", "_dbt_updated_at",
            "batch_at", "extracted_at", "_fivetran_synced", "_airbyte_extracted_at", "_sdc_batched_at");

    // ---- objects ----

    /** The layer prefix the name carries ({@code "fct_"}), or null. */
    public static String layerPrefix(String name) {
        String n = lower(name);
        for (String p : LAYER_PREFIXES) {
            if (n.startsWith(p) && n.length() > p.length()) return p;
        }
        return null;
    }

    /** The non-standard prefix the name carries ({@code "fact_"}), or null. */
    public static String aliasPrefix(String name) {
        String n = lower(name);
        String best = null;
        for (String a : ALIASES.keySet()) {
            if (!a.endsWith("_")) continue;
            if (n.startsWith(a) && n.length() > a.length() && (best == null || a.length() > best.length())) best = a;
        }
        return best;
    }

    /** The name with its non-standard prefix replaced: {@code fact_orders} becomes {@code fct_orders}. */
    public static String canonicalPrefixName(String name) {
        String a = aliasPrefix(name);
        return a == null ? name : ALIASES.get(a) + lower(name).substring(a.length());
    }

    /** The convention's prefix for an object kind, or null for kinds without one (sources). */
    public static String prefixFor(ObjectKind kind) {
        return kind == null ? null : kind.prefix();
    }

    /** True for {@code stg_[source]__[entity]}: a source and an entity separated by a double underscore. */
    public static boolean isStagingName(String name) {
        String n = lower(name);
        if (!n.startsWith("stg_")) return true;
        String rest = n.substring(4);
        int dd = rest.indexOf("__");
        return dd > 0 && dd + 2 < rest.length();
    }

    /** {@code stg_stripe_payments} becomes {@code stg_stripe__payments} (source = first word). */
    public static String stagingName(String name) {
        String rest = lower(name).substring(4).replace("__", "_");
        int u = rest.indexOf('_');
        if (u < 0) return "stg_[source]__" + rest;
        return "stg_" + rest.substring(0, u) + "__" + rest.substring(u + 1);
    }

    /** Number of words after the prefix: {@code int_orders_pivoted} has 2. */
    public static int wordsAfterPrefix(String name) {
        String p = layerPrefix(name);
        String rest = p == null ? lower(name) : lower(name).substring(p.length());
        int n = 0;
        for (String w : UNDERSCORES.split(rest)) if (!w.isEmpty()) n++;
        return n;
    }

    /** The entity a model is about: {@code fct_orders} gives {@code orders}, {@code stg_stripe__payments} gives {@code payments}. */
    public static String entity(String tableName) {
        String n = lower(tableName);
        int dd = n.indexOf("__");
        if (n.startsWith("stg_") && dd > 0) return n.substring(dd + 2);
        String p = layerPrefix(n);
        if (p == null) p = aliasPrefix(n);
        return p == null ? n : n.substring(p.length());
    }

    // ---- columns ----

    /** True for lower snake_case. */
    public static boolean isSnake(String name) {
        return SNAKE.matcher(name).matches();
    }

    /** {@code OrderDate} or {@code order-date} becomes {@code order_date}. */
    public static String snake(String name) {
        String s = name.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? name : s;
    }

    public static boolean isBooleanName(String name) {
        String n = lower(name);
        return n.startsWith("is_") || n.startsWith("has_");
    }

    /** A name that says "flag" without a type: {@code active_flag}, {@code deleted_yn}. */
    public static boolean looksBoolean(String name) {
        String n = lower(name);
        return !isBooleanName(n) && LOOKS_BOOLEAN.matcher(n).matches();
    }

    /** {@code active_flag} or {@code active} becomes {@code is_active}. */
    public static String booleanName(String name) {
        String n = lower(name).replaceAll("_(flag|yn|bool|ind|indicator)$", "").replaceAll("^(flag|bool)_", "");
        if (n.startsWith("is") && n.length() > 2 && !n.startsWith("is_")) n = n.substring(2);
        if (n.startsWith("has") && n.length() > 3 && !n.startsWith("has_")) return "has_" + n.substring(3).replaceAll("^_", "");
        return "is_" + n.replaceAll("^_", "");
    }

    public static boolean isTimestampName(String name) {
        return lower(name).endsWith("_at");
    }

    /** A name that says "timestamp" without a type: {@code created_ts}, {@code updated_timestamp}. */
    public static boolean looksTimestamp(String name) {
        return LOOKS_TIMESTAMP.matcher(lower(name)).matches();
    }

    /** {@code created_ts}, {@code created_datetime}, {@code created_date} or {@code created} become {@code created_at}. */
    public static String timestampName(String name) {
        String n = lower(name).replaceAll("_(ts|tstamp|timestamp|datetime|time|date|dt|on|at)$", "");
        return n + "_at";
    }

    public static boolean isDateName(String name) {
        return lower(name).endsWith("_date");
    }

    /** A name that says "date" without a type: {@code order_dt}, {@code dt_order}. */
    public static boolean looksDate(String name) {
        return LOOKS_DATE.matcher(lower(name)).matches();
    }

    /**
     * {@code order_dt}, {@code order_day}, {@code order_at} or {@code order} become {@code order_date}; a glued
     * {@code shipdate} or {@code shipdt} becomes {@code ship_date}.
     */
    public static String dateName(String name) {
        String n = lower(name).replaceAll("^dt_", "").replaceAll("_(dt|day|on|at|date|ts|timestamp)$", "");
        if (n.length() > 4) n = n.replaceAll("(?<=[a-z0-9]{2})(date|dt)$", "");
        return n + "_date";
    }

    /**
     * An identifier that does not follow {@code [entity]_id}: a bare {@code id}, or {@code customer_uuid},
     * {@code customer_ident}. Glued names ({@code customerid}) are not guessed: "paid" and "valid" end in "id" too;
     * camelCase ({@code customerId}) is caught by the snake_case rule.
     */
    public static boolean looksBadId(String name) {
        String n = lower(name);
        if (n.endsWith("_id")) return false;
        return n.equals("id") || BAD_ID.matcher(n).matches();
    }

    /** {@code id} in {@code dim_customers} becomes {@code customer_id}; {@code customer_uuid} becomes {@code customer_id}. */
    public static String idName(String name, String tableName) {
        String n = lower(name);
        if (n.equals("id")) return singular(entity(tableName)) + "_id";
        return n.replaceAll("_(uuid|ident|identifier)$", "") + "_id";
    }

    /** An amount not named {@code [thing]_amount}: {@code order_amt}, {@code amount_order}, {@code amt_tax}. */
    public static boolean looksBadAmount(String name) {
        String n = lower(name);
        return !n.endsWith("_amount") && BAD_AMOUNT.matcher(n).matches()
                && !CURRENCY_AMOUNT.matcher(n).matches();
    }

    public static String amountName(String name) {
        String n = lower(name).replaceAll("_(amt|amnt|amts)$", "").replaceAll("^(amount|amt)_", "");
        return n + "_amount";
    }

    /** A count not named {@code [thing]_count}: {@code line_item_cnt}, {@code num_items}, {@code count_orders}. */
    public static boolean looksBadCount(String name) {
        String n = lower(name);
        return !n.endsWith("_count") && BAD_COUNT.matcher(n).matches();
    }

    public static String countName(String name) {
        String n = lower(name).replaceAll("_(cnt|ct|num)$", "").replaceAll("^(num|cnt|count|n|number_of|nbr)_", "");
        return n + "_count";
    }

    /**
     * The fix when a column's suffix or prefix contradicts its known type, else null: {@code shipped_at}
     * typed DATE gives {@code rename to shipped_date}; {@code is_active} typed VARCHAR gives {@code make it BOOLEAN}.
     */
    public static String typeConflict(String name, ColumnType t) {
        if (t == null || t == ColumnType.UNKNOWN || t == ColumnType.OTHER) return null;
        String n = lower(name);
        if (n.endsWith("_at") && t == ColumnType.DATE) return "rename it to " + dateName(n) + " (a DATE is an [event]_date)";
        if (n.endsWith("_date") && t.isTimestamp()) return "rename it to " + timestampName(n) + " (a timestamp is an [event]_at)";
        if (isBooleanName(n) && t != ColumnType.BOOLEAN) return "make it BOOLEAN, or rename it without is_/has_";
        if (n.endsWith("_count") && !t.isNumeric()) return "make it an integer type, or rename it";
        if (n.endsWith("_amount") && !t.isNumeric()) return "make it DECIMAL/NUMERIC, or rename it";
        if (n.endsWith("_id") && (t == ColumnType.BOOLEAN || t.isTimestamp() || t == ColumnType.DATE)) return "an [entity]_id holds an identifier; rename it";
        return null;
    }

    /** Columns a loading tool adds ({@code _fivetran_synced}, {@code _airbyte_raw_id}): not held to the conventions. */
    public static boolean toolColumn(String name) {
        return name != null && name.startsWith("_");
    }

    /** A name that says the value is in a local time zone: {@code created_at_local}, {@code order_time_est}. */
    /** True for a SQL time-of-day type: {@code TIME}, {@code TIMETZ}, {@code TIME WITH TIME ZONE}. */
    public static boolean timeTyped(String sqlType) {
        if (sqlType == null) return false;
        String t = lower(sqlType).strip();
        return t.equals("time") || t.startsWith("time(") || t.startsWith("time ") || t.startsWith("timetz");
    }

    private static final List<String> TIME_WORDS = List.of("at", "time", "ts", "timestamp", "datetime", "tstamp", "hour", "clock");

    /** True when a word of the name says it holds a time ({@code order_time_pst}, {@code created_at_est}). */
    public static boolean looksTimeOfDay(String name) {
        return hasWord(name, TIME_WORDS);
    }

    public static boolean localTime(String name) {
        return LOCAL_TIME.matcher(lower(name)).matches();
    }

    /** True when a word of the name (split on underscores) is one of {@code words}. */
    public static boolean hasWord(String name, List<String> words) {
        for (String w : UNDERSCORES.split(lower(name))) {
            if (words.contains(w)) return true;
        }
        return false;
    }

    public static boolean businessCritical(String attribute) {
        return attribute != null && hasWord(attribute, BUSINESS_CRITICAL);
    }

    public static boolean statusLike(String column) {
        return column != null && hasWord(column, STATUS_LIKE) && !column.toLowerCase(Locale.ROOT).endsWith("_id")
                && !column.toLowerCase(Locale.ROOT).endsWith("_at") && !column.toLowerCase(Locale.ROOT).endsWith("_date");
    }

    public static boolean processingTime(String column) {
        return column != null && PROCESSING_TIME.contains(lower(column));
    }

    /** {@code orders} becomes {@code order}, {@code categories} becomes {@code category}. */
    public static String singular(String w) {
        if (w.endsWith("ies") && w.length() > 3) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) return w.substring(0, w.length() - 2);
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 1) return w.substring(0, w.length() - 1);
        return w;
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}

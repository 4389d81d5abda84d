package dev.dece.core.usage;

import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a billing or metering export, one charge at a time, for the commands that judge what data costs
 * ({@code dece cost}). Two kinds, each as CSV or as JSON lines, optionally gzip-compressed ({@code .gz}):
 * <ul>
 *   <li>a FOCUS 1.x cost-and-usage export (the FinOps Open Cost and Usage Specification, as AWS Data Exports, Azure
 *       Cost Management, Google Cloud and others write it): {@code BilledCost}, {@code EffectiveCost},
 *       {@code ChargePeriodStart}, {@code ChargePeriodEnd}, {@code ServiceName}, {@code ServiceCategory},
 *       {@code ResourceId}, {@code ResourceName}, {@code RegionId}, {@code ChargeCategory}, {@code ChargeDescription},
 *       {@code PricingCategory}, {@code BillingCurrency}, {@code Tags} (a JSON object of key to value);</li>
 *   <li>Snowflake {@code SNOWFLAKE.ACCOUNT_USAGE.WAREHOUSE_METERING_HISTORY}: {@code WAREHOUSE_NAME},
 *       {@code START_TIME}, {@code END_TIME}, {@code CREDITS_USED}, {@code CREDITS_USED_COMPUTE},
 *       {@code CREDITS_USED_CLOUD_SERVICES} (one row per warehouse and hour).</li>
 * </ul>
 * The kind is recognised from the header (CSV) or the first record's keys (JSON lines), case-insensitively; other
 * columns are ignored. Required: FOCUS {@code BilledCost} and {@code ChargePeriodStart}; metering {@code WAREHOUSE_NAME},
 * {@code START_TIME} and {@code CREDITS_USED}. A FOCUS row billed in another currency than USD is a problem (DECE adds
 * USD; convert the export), as is any value DECE cannot read; nothing is guessed or skipped.
 *
 * <pre>{@code
 * BillingExport.read(Path.of("focus.csv"), Limits.DEFAULT, c -> total[0] += c.billedCost());
 * }</pre>
 *
 * <p>Streaming and bounded by {@link Limits#maxStreamBytes()} (after decompression), {@link Limits#maxStreamRecords()}
 * and {@link Limits#maxLineLength()} per field. Thread-safe: every call has its own reader.
 */
public final class BillingExport {
    private BillingExport() {}

    /** Whose export a file is. */
    public enum Kind {
        FOCUS("focus", List.of("BilledCost", "EffectiveCost", "ChargePeriodStart", "ChargePeriodEnd", "ServiceName", "ServiceCategory",
                "ResourceId", "ResourceName", "RegionId", "ChargeCategory", "ChargeDescription", "PricingCategory", "BillingCurrency", "Tags")),
        SNOWFLAKE_METERING("snowflake-warehouse-metering", List.of("WAREHOUSE_NAME", "START_TIME", "END_TIME", "CREDITS_USED",
                "CREDITS_USED_COMPUTE", "CREDITS_USED_CLOUD_SERVICES"));

        private final String label;
        private final List<String> columns;

        Kind(String label, List<String> columns) {
            this.label = label;
            this.columns = columns;
        }

        /** {@code focus} or {@code snowflake-warehouse-metering}. */
        public String label() { return label; }

        /** The columns DECE reads, as the specification spells them. */
        public List<String> columns() { return columns; }
    }

    /**
     * One charge (a FOCUS row) or one warehouse-hour (a metering row); {@code null} where the export has no such column
     * or the value is empty.
     *
     * @param file            the export, as given
     * @param line            the line the record starts on
     * @param row             the 1-based record number
     * @param kind            whose export
     * @param start           ChargePeriodStart / START_TIME; never null
     * @param end             ChargePeriodEnd / END_TIME
     * @param billedCost      FOCUS BilledCost in USD (negative for a credit); null for metering rows
     * @param effectiveCost   FOCUS EffectiveCost (after commitment discounts)
     * @param serviceName     FOCUS ServiceName
     * @param serviceCategory FOCUS ServiceCategory (Compute, Storage, Networking, Databases, Analytics, ...)
     * @param resourceId      FOCUS ResourceId
     * @param resourceName    FOCUS ResourceName
     * @param regionId        FOCUS RegionId
     * @param chargeCategory  FOCUS ChargeCategory (Usage, Purchase, Tax, Credit, Adjustment)
     * @param chargeDescription FOCUS ChargeDescription
     * @param pricingCategory FOCUS PricingCategory (Standard, Committed, Dynamic, Other)
     * @param tags            FOCUS Tags, key to value, sorted by key; empty when none
     * @param warehouse       WAREHOUSE_NAME; null for FOCUS rows
     * @param credits         CREDITS_USED; null for FOCUS rows
     */
    public record Charge(String file, long line, long row, Kind kind, Instant start, Instant end, Double billedCost, Double effectiveCost,
                         String serviceName, String serviceCategory, String resourceId, String resourceName, String regionId,
                         String chargeCategory, String chargeDescription, String pricingCategory, Map<String, String> tags,
                         String warehouse, Double credits) {
        public Charge {
            Objects.requireNonNull(start, "start");
            tags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
        }

        /** The charge's hours: end minus start, 1 when the export gives no end. */
        public double hours() {
            return end == null ? 1 : Math.max(0, end.toEpochMilli() - start.toEpochMilli()) / 3_600_000.0;
        }
    }

    /**
     * What one read saw.
     *
     * @param file    as given
     * @param kind    whose export
     * @param format  {@code csv} or {@code jsonl}
     * @param records records read
     */
    public record Summary(String file, Kind kind, String format, long records) {}

    /**
     * Streams every record of {@code file} to {@code sink}, in file order.
     *
     * @throws InputException for a missing file, something other than a regular file, a file over the limits, an
     *                        unknown layout, or a value DECE cannot read: {@code file:line: Column: what was found; what is allowed}
     */
    public static Summary read(Path file, Limits limits, Consumer<Charge> sink) throws InputException {
        Kind[] seen = new Kind[1];
        Layout layout = new Layout() {
            @Override
            public Sink recognise(String name, long line, Collection<String> cols) throws InputException {
                Kind k = kindOf(cols);
                if (k == null) throw new InputException(new Problem(name, (int) Math.min(Integer.MAX_VALUE, line), 0, "", unknown(cols)));
                seen[0] = k;
                return (l, row, c) -> sink.accept(charge(k, name, l, row, c));
            }

            @Override
            public String perRecord() {
                return "one record per charge";
            }
        };
        Exports.Read r = Exports.read(file, limits.maxStreamBytes(), limits.maxStreamRecords(), limits.maxLineLength(),
                "a billing export (FOCUS or Snowflake WAREHOUSE_METERING_HISTORY; .csv or .jsonl, optionally .gz)",
                "export a shorter period (Limits.maxStreamBytes, Limits.maxStreamRecords)", layout);
        return new Summary(file.toString(), seen[0], r.format(), r.records());
    }

    static Kind kindOf(Collection<String> cols) {
        if (cols.contains("billedcost") && cols.contains("chargeperiodstart")) return Kind.FOCUS;
        if (cols.contains("credits_used") && cols.contains("warehouse_name") && cols.contains("start_time")) return Kind.SNOWFLAKE_METERING;
        return null;
    }

    private static String unknown(Collection<String> found) {
        List<String> some = found.stream().sorted().limit(12).toList();
        return "is neither a FOCUS cost-and-usage export (BilledCost and ChargePeriodStart columns) nor a Snowflake "
                + "WAREHOUSE_METERING_HISTORY export (WAREHOUSE_NAME, START_TIME and CREDITS_USED); found columns "
                + (some.isEmpty() ? "none" : String.join(", ", some) + (found.size() > some.size() ? ", ..." : ""));
    }

    private static Charge charge(Kind k, String file, long line, long row, Map<String, com.fasterxml.jackson.databind.JsonNode> cols)
            throws InputException {
        HistoryRecords.R r = new HistoryRecords.R(file, line, cols);
        if (k == Kind.FOCUS) {
            Double billed = r.signed("BilledCost");
            if (billed == null) throw r.problem("BilledCost", "is empty; every FOCUS row has a BilledCost (0 for a free charge)");
            Instant start = r.time("ChargePeriodStart");
            if (start == null) throw r.problem("ChargePeriodStart", "is empty; every FOCUS row has a ChargePeriodStart");
            Instant end = r.time("ChargePeriodEnd");
            if (end != null && end.isBefore(start)) {
                throw r.problem("ChargePeriodEnd", end + " is before ChargePeriodStart " + start + "; the end follows the start");
            }
            String currency = r.text("BillingCurrency");
            if (currency != null && !currency.strip().equalsIgnoreCase("USD")) {
                throw r.problem("BillingCurrency", "\"" + HistoryRecords.shorten(currency) + "\" is not USD; DECE adds US dollars, as the "
                        + "Cost Allocation Template does: export the bill in USD");
            }
            return new Charge(file, line, row, k, start, end, billed, r.signed("EffectiveCost"), r.text("ServiceName"),
                    r.text("ServiceCategory"), r.text("ResourceId"), r.text("ResourceName"), r.text("RegionId"), r.text("ChargeCategory"),
                    r.text("ChargeDescription"), r.text("PricingCategory"), r.labels("Tags"), null, null);
        }
        String wh = r.text("WAREHOUSE_NAME");
        if (wh == null || wh.isBlank()) throw r.problem("WAREHOUSE_NAME", "is empty; every metering row names its warehouse");
        Instant start = r.time("START_TIME");
        if (start == null) throw r.problem("START_TIME", "is empty; every metering row has its hour's START_TIME");
        Instant end = r.time("END_TIME");
        if (end != null && end.isBefore(start)) throw r.problem("END_TIME", end + " is before START_TIME " + start + "; the end follows the start");
        Double credits = r.decimal("CREDITS_USED");
        if (credits == null) throw r.problem("CREDITS_USED", "is empty; every metering row has its credits (0 for an idle hour)");
        return new Charge(file, line, row, k, start, end, null, null, "Snowflake", "Compute", wh.strip(), wh.strip(), null, null, null,
                null, Map.of(), wh.strip().toUpperCase(Locale.ROOT), credits);
    }
}

package dev.dece.core.usage;

import dev.dece.core.input.InputException;
import dev.dece.core.usage.QueryHistory.Query;
import dev.dece.core.usage.QueryHistory.Vendor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Query-history exports written here from the vendors' published column definitions (Snowflake
 * ACCOUNT_USAGE.QUERY_HISTORY, BigQuery INFORMATION_SCHEMA.JOBS), read through the real readers.
 */
class QueryHistoryTest {

    @TempDir Path dir;

    static final String SNOWFLAKE_CSV = """
            QUERY_ID,QUERY_TEXT,DATABASE_NAME,SCHEMA_NAME,QUERY_TYPE,USER_NAME,ROLE_NAME,WAREHOUSE_NAME,WAREHOUSE_SIZE,QUERY_TAG,EXECUTION_STATUS,ERROR_MESSAGE,START_TIME,END_TIME,TOTAL_ELAPSED_TIME,BYTES_SCANNED,ROWS_PRODUCED,PARTITIONS_SCANNED,PARTITIONS_TOTAL,BYTES_SPILLED_TO_LOCAL_STORAGE,BYTES_SPILLED_TO_REMOTE_STORAGE,CREDITS_USED_CLOUD_SERVICES,QUERY_PARAMETERIZED_HASH,SESSION_ID
            01b2-0001,"select *
              from analytics.orders
             where status = 'paid'",ANALYTICS,PUBLIC,SELECT,ANA,REPORTER,BI_WH,Medium,"{""dashboard"":""sales""}",SUCCESS,,2024-05-01 10:00:00.123 -0700,2024-05-01 10:00:04.500 -0700,4377,1099511627776,1200,950,1000,0,0,0.000125,9f1c,42
            01b2-0002,SHOW TABLES,ANALYTICS,PUBLIC,SHOW,ANA,REPORTER,,,,SUCCESS,,2024-05-01T17:05:00Z,2024-05-01T17:05:00.010Z,10,0,3,,,,,0,,43
            01b2-0003,select 1 from missing,ANALYTICS,PUBLIC,SELECT,ANA,REPORTER,BI_WH,Medium,,FAIL,Object 'MISSING' does not exist,2024-05-01 10:06:00 +0000,2024-05-01 10:06:01 +0000,900,,,,,,,\\N,,44
            """;

    static final String BIGQUERY_JSONL = """
            {"creation_time":"2024-05-01 10:00:00.000000 UTC","project_id":"shop-prod","user_email":"etl@shop.iam.gserviceaccount.com","job_id":"bquxjob_1","job_type":"QUERY","statement_type":"SELECT","state":"DONE","start_time":"2024-05-01 10:00:01.000000 UTC","end_time":"2024-05-01 10:00:03.500000 UTC","query":"SELECT order_id FROM `shop-prod.sales.orders` WHERE order_date = '2024-05-01'","total_bytes_processed":"52428800","total_bytes_billed":"52428800","total_slot_ms":"12000","cache_hit":false,"labels":[{"key":"team","value":"sales"},{"key":"dbt_model","value":"fct_orders"}],"referenced_tables":[{"project_id":"shop-prod","dataset_id":"sales","table_id":"orders"}],"reservation_id":"shop-prod:US.batch","query_info":{"query_hashes":{"normalized_literals":"abc123"}}}

            {"creation_time":"2024-05-01T11:00:00Z","project_id":"shop-prod","job_id":"bquxjob_2","job_type":"QUERY","statement_type":"INSERT","state":"DONE","query":"INSERT INTO sales.daily SELECT 1","total_bytes_processed":1024,"error_result":{"reason":"invalidQuery","message":"Syntax error"},"labels":[],"referenced_tables":[]}
            """;

    List<Query> read(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return read(f);
    }

    static List<Query> read(Path f) throws InputException {
        List<Query> out = new ArrayList<>();
        QueryHistory.read(f, QueryHistory.Limits.DEFAULT, out::add);
        return out;
    }

    @Test
    void snowflakeCsvWithAMultiLineQueryText() throws Exception {
        List<Query> qs = read("query_history.csv", SNOWFLAKE_CSV);
        assertThat(qs).hasSize(3);
        Query q = qs.get(0);
        assertThat(q.vendor()).isEqualTo(Vendor.SNOWFLAKE);
        assertThat(q.line()).isEqualTo(2);
        assertThat(q.row()).isEqualTo(1);
        assertThat(q.text()).startsWith("select *\n  from analytics.orders").endsWith("status = 'paid'");
        assertThat(q.warehouse()).isEqualTo("BI_WH");
        assertThat(q.tag()).isEqualTo("{\"dashboard\":\"sales\"}");
        assertThat(q.bytesScanned()).isEqualTo(1L << 40);
        assertThat(q.partitionsScanned()).isEqualTo(950);
        assertThat(q.partitionsTotal()).isEqualTo(1000);
        assertThat(q.cloudServicesCredits()).isEqualTo(0.000125);
        assertThat(q.start()).isEqualTo(Instant.parse("2024-05-01T17:00:00.123Z"));
        assertThat(q.elapsedMs()).isEqualTo(4377);
        assertThat(q.parameterizedHash()).isEqualTo("9f1c");
        assertThat(q.failed()).isFalse();
        // the second record starts on line 5, after the three lines of the first one's text
        assertThat(qs.get(1).line()).isEqualTo(5);
        assertThat(qs.get(1).statementType()).isEqualTo("SHOW");
        assertThat(qs.get(1).warehouse()).isNull();
        assertThat(qs.get(1).start()).isEqualTo(Instant.parse("2024-05-01T17:05:00Z"));
        assertThat(qs.get(2).failed()).isTrue();
        assertThat(qs.get(2).error()).isEqualTo("Object 'MISSING' does not exist");
        assertThat(qs.get(2).cloudServicesCredits()).as("\\N is no value").isNull();
    }

    @Test
    void bigQueryJsonLinesWithRecordsAndInt64Strings() throws Exception {
        List<Query> qs = read("jobs.jsonl", BIGQUERY_JSONL);
        assertThat(qs).hasSize(2);
        Query q = qs.get(0);
        assertThat(q.vendor()).isEqualTo(Vendor.BIGQUERY);
        assertThat(q.queryId()).isEqualTo("bquxjob_1");
        assertThat(q.bytesScanned()).isEqualTo(52_428_800L);
        assertThat(q.bytesBilled()).isEqualTo(52_428_800L);
        assertThat(q.slotMs()).isEqualTo(12_000L);
        assertThat(q.elapsedMs()).isEqualTo(2_500L);
        assertThat(q.labels()).containsExactly(Map.entry("dbt_model", "fct_orders"), Map.entry("team", "sales"));
        assertThat(q.referencedTables()).containsExactly("shop-prod.sales.orders");
        assertThat(q.parameterizedHash()).isEqualTo("abc123");
        assertThat(q.cacheHit()).isFalse();
        assertThat(q.warehouse()).isEqualTo("shop-prod:US.batch");
        assertThat(qs.get(1).line()).as("the blank line is counted, not read").isEqualTo(3);
        assertThat(qs.get(1).failed()).isTrue();
        assertThat(qs.get(1).error()).isEqualTo("Syntax error");
        assertThat(qs.get(1).bytesScanned()).isEqualTo(1024);
    }

    @Test
    void bigQueryCsvHoldsRecordsAsJsonText() throws Exception {
        List<Query> qs = read("jobs.csv", """
                job_id,creation_time,statement_type,query,total_bytes_processed,labels,referenced_tables
                j1,2024-05-01 10:00:00 UTC,SELECT,SELECT 1,10,"[{""key"":""team"",""value"":""ops""}]","[{""project_id"":""p"",""dataset_id"":""d"",""table_id"":""t""}]"
                """);
        assertThat(qs.get(0).labels()).containsEntry("team", "ops");
        assertThat(qs.get(0).referencedTables()).containsExactly("p.d.t");
    }

    @Test
    void gzipExportsAreReadAsTheyAreUnloaded() throws Exception {
        Path gz = dir.resolve("query_history_0_0_0.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(SNOWFLAKE_CSV.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(gz)).hasSize(3);
    }

    @Test
    void aValueThatIsNotANumberIsLocatedAtItsLineAndColumnName() {
        String bad = SNOWFLAKE_CSV.replace(",1099511627776,", ",1.1 TB,");
        assertThatThrownBy(() -> read("qh.csv", bad)).isInstanceOf(InputException.class)
                .hasMessageContaining("qh.csv:2: BYTES_SCANNED: \"1.1 TB\" is not a whole number; expected a count such as 1048576");
    }

    @Test
    void aTimestampWithoutATimeZoneIsRefusedNotGuessed() {
        String bad = SNOWFLAKE_CSV.replace("2024-05-01 10:06:00 +0000", "2024-05-01 10:06:00");
        assertThatThrownBy(() -> read("qh.csv", bad)).isInstanceOf(InputException.class)
                .hasMessageContaining("qh.csv:6: START_TIME: \"2024-05-01 10:06:00\" is not a timestamp with a time zone");
    }

    @Test
    void anUnknownLayoutNamesWhatItFound() {
        assertThatThrownBy(() -> read("x.csv", "id,sql\n1,select 1\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("x.csv:1: is neither a Snowflake QUERY_HISTORY export (a QUERY_TEXT column) nor a BigQuery")
                .hasMessageContaining("found columns id, sql");
        assertThatThrownBy(() -> read("x.txt", "QUERY_TEXT\nselect 1\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("is neither CSV (.csv) nor JSON lines");
    }

    @Test
    void malformedCsvIsLocated() {
        assertThatThrownBy(() -> read("short.csv", "QUERY_TEXT,BYTES_SCANNED\nselect 1\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("short.csv:2: the record has 1 fields and the header 2");
        assertThatThrownBy(() -> read("dup.csv", "QUERY_TEXT,query_text\nselect 1,2\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("dup.csv:1: query_text: the header names column \"query_text\" twice");
    }

    @Test
    void anUnclosedQuoteCannotFillTheHeap() throws Exception {
        Path f = dir.resolve("open.csv");
        Files.writeString(f, "QUERY_TEXT,BYTES_SCANNED\n\"select 1," + "x".repeat(5000) + "\n");
        List<Query> out = new ArrayList<>();
        assertThatThrownBy(() -> QueryHistory.read(f, new QueryHistory.Limits(1 << 20, 10, 1000), out::add))
                .isInstanceOf(InputException.class).hasMessageContaining("open.csv:");
        assertThat(out).isEmpty();
    }

    @Test
    void recordAndSizeLimitsAreEnforced() throws Exception {
        Path f = dir.resolve("many.csv");
        Files.writeString(f, "QUERY_TEXT\nselect 1\nselect 2\nselect 3\n");
        assertThatThrownBy(() -> QueryHistory.read(f, new QueryHistory.Limits(1 << 20, 2, 100), q -> {}))
                .isInstanceOf(InputException.class).hasMessageContaining("many.csv:4: holds more than 2 records");
        assertThatThrownBy(() -> QueryHistory.read(f, new QueryHistory.Limits(10, 100, 100), q -> {}))
                .isInstanceOf(InputException.class).hasMessageContaining("above the limit of 10");
        Path gz = dir.resolve("bomb.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(("QUERY_TEXT\n" + "select 1\n".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> QueryHistory.read(gz, new QueryHistory.Limits(1000, 1_000_000, 100), q -> {}))
                .isInstanceOf(InputException.class).hasMessageContaining("holds more than 1000 bytes once decompressed");
    }

    @Test
    void brokenJsonLinesAndNonFilesAreRefused() throws Exception {
        assertThatThrownBy(() -> read("j.jsonl", "{\"query\":\"select 1\",\"job_id\":\"a\"}\n{\"query\": \n"))
                .isInstanceOf(InputException.class).hasMessageContaining("j.jsonl:2:").hasMessageContaining("is not a JSON object");
        assertThatThrownBy(() -> read("k.jsonl", "{\"job_id\":\"a\",\"statement_type\":\"SELECT\",\"query\":\"\"}\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("k.jsonl:1: query: is empty");
        assertThatThrownBy(() -> read(dir)).isInstanceOf(InputException.class).hasMessageContaining("is not a regular file");
        assertThatThrownBy(() -> read(dir.resolve("none.csv"))).isInstanceOf(InputException.class).hasMessageContaining("no such file");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "QUERY_TEXT\nselect 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> read(latin1)).isInstanceOf(InputException.class).hasMessageContaining("is not UTF-8 text");
    }
}

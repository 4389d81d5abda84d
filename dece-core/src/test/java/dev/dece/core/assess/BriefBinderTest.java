package dev.dece.core.assess;

import dev.dece.core.assess.BriefBinder;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.drl.Brief;
import dev.dece.core.drl.Cloud;
import dev.dece.core.drl.CompanyStage;
import dev.dece.core.drl.Compliance;
import dev.dece.core.drl.Constraints;
import dev.dece.core.drl.Consumer;
import dev.dece.core.drl.Latency;
import dev.dece.core.drl.QueryPattern;
import dev.dece.core.drl.Skill;
import dev.dece.core.drl.Source;
import dev.dece.core.drl.SourceType;
import dev.dece.core.drl.TransformKind;
import dev.dece.core.drl.UseCase;
import dev.dece.core.drl.Volume;
import dev.dece.core.drl.Workload;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;
import dev.dece.core.input.Problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Architecture Brief binder: every mistake a user can make in a brief is reported at once, each as
 * {@code file:line:col: yaml.path: what was found; what is allowed}; every documented spelling is accepted.
 */
class BriefBinderTest {

    /** A valid brief in the template's layout; tests replace one line to break it. */
    static final String BRIEF = """
            project_name: "Payments"
            business_context: "Card fraud scoring"
            data_consumers:
              - team: "risk"
                use_case: "operational"
                latency_requirement: "real-time (<1s)"
                query_pattern: "API"
              - team: "finance"
                use_case: "reporting"
                latency_requirement: "batch (hourly+)"
                query_pattern: "scheduled"
            current_state:
              sources: ["Kafka payments stream"]
              storage: []
              pain_points: []
            data_volume:
              current_gb_per_day: 50
              growth_rate_percent: 40
              retention_months: 12
            constraints:
              budget_monthly_usd: 20000
              team_size: 6
              skill_level: "senior"
              compliance: ["PCI"]
              cloud_provider: "AWS"
            """;

    static List<Object> bind(String name, String text) throws InputException {
        return BriefBinder.bind(new DocumentLoader(Limits.DEFAULT).load(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Object> bind(String text) {
        try {
            return bind("brief.yaml", text);
        } catch (InputException e) {
            throw new AssertionError("brief refused:\n" + e.getMessage());
        }
    }

    /** Every problem line the user sees for {@code text}. */
    static List<String> problems(String name, String text) {
        try {
            bind(name, text);
        } catch (InputException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        return fail("brief was accepted:\n" + text);
    }

    static List<String> problems(String text) {
        return problems("brief.yaml", text);
    }

    static String edit(String from, String to) {
        if (!BRIEF.contains(from)) throw new IllegalArgumentException(from);
        return BRIEF.replace(from, to);
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> facts(List<Object> all, Class<T> type) {
        return (List<T>) all.stream().filter(type::isInstance).toList();
    }

    @Test
    void theValidBriefBindsToFacts() {
        List<Object> f = bind(BRIEF);
        Brief b = facts(f, Brief.class).get(0);
        assertThat(b.projectName()).isEqualTo("Payments");
        assertThat(b.consumerCount()).isEqualTo(2);
        assertThat(facts(f, Consumer.class)).extracting(Consumer::latency).containsExactly(Latency.REAL_TIME, Latency.BATCH);
        assertThat(facts(f, Volume.class).get(0).gbPerDay()).isEqualTo(50.0);
        Constraints c = facts(f, Constraints.class).get(0);
        assertThat(c.compliance()).containsExactly(Compliance.PCI);
        assertThat(c.cloud()).isEqualTo(Cloud.AWS);
        assertThat(facts(f, Workload.class)).isEmpty();
    }

    // ------------------------------------------------------------ one problem of each kind

    @Test
    void wrongLatency() {
        assertThat(problems(edit("\"real-time (<1s)\"", "\"instantly\""))).containsExactly(
                "brief.yaml:6:26: data_consumers[0].latency_requirement: \"instantly\" is not a latency; "
                        + "use one of real-time (<1s), near-real-time (<5min), batch (hourly+)");
    }

    @Test
    void nearMissValueGetsASuggestion() {
        assertThat(problems(edit("\"batch (hourly+)\"", "\"bacth\""))).containsExactly(
                "brief.yaml:10:26: data_consumers[1].latency_requirement: \"bacth\" is not a latency; "
                        + "use one of real-time (<1s), near-real-time (<5min), batch (hourly+) (did you mean \"batch\"?)");
    }

    @Test
    void unknownKeyWithDidYouMean() {
        // the misspelt key is reported, and so is the required key it was meant to be
        assertThat(problems(edit("    latency_requirement: \"real-time (<1s)\"", "    latency_requirment: \"real-time (<1s)\""))).containsExactly(
                "brief.yaml:4:5: data_consumers[0].latency_requirement: is required: the pattern decision rests on it; "
                        + "use one of real-time (<1s), near-real-time (<5min), batch (hourly+)",
                "brief.yaml:6:5: data_consumers[0].latency_requirment: unknown key \"latency_requirment\"; "
                        + "did you mean \"latency_requirement\"? Known keys here: latency_requirement, query_pattern, team, use_case");
    }

    @Test
    void unknownTopLevelKeyWithoutAnyNearName() {
        assertThat(problems(BRIEF + "favourite_colour: blue\n")).containsExactly(
                "brief.yaml:26:1: favourite_colour: unknown key \"favourite_colour\" Known keys here: business_context, "
                        + "constraints, current_state, data_consumers, data_volume, project_name, workload");
    }

    @Test
    void unknownKeyIsLocatedAtTheKeyNotAtItsValueBelow() {
        String text = BRIEF.replace("constraints:\n", "constraint:\n");
        assertThat(problems(text)).containsExactly(
                "brief.yaml:20:1: constraint: unknown key \"constraint\"; did you mean \"constraints\"? Known keys here: "
                        + "business_context, constraints, current_state, data_consumers, data_volume, project_name, workload");
    }

    @Test
    void textWhereANumberIsExpected() {
        assertThat(problems(edit("current_gb_per_day: 50", "current_gb_per_day: lots"))).containsExactly(
                "brief.yaml:17:23: data_volume.current_gb_per_day: \"lots\" is not a number; expected GB per day, 0 or more");
    }

    @Test
    void quotedNumberIsExplained() {
        assertThat(problems(edit("team_size: 6", "team_size: \"6\""))).containsExactly(
                "brief.yaml:22:14: constraints.team_size: \"6\" is quoted text, not a number; remove the quotes: "
                        + "expected a head count, 0 or more");
    }

    @Test
    void fractionWhereAWholeNumberIsExpected() {
        assertThat(problems(edit("retention_months: 12", "retention_months: 2.5"))).containsExactly(
                "brief.yaml:19:21: data_volume.retention_months: \"2.5\" is not a whole number; expected whole months, 0 or more");
        assertThat(problems(edit("team_size: 6", "team_size: 1e12"))).containsExactly(
                "brief.yaml:22:14: constraints.team_size: \"1e12\" is too large; expected a head count, 0 or more, at most 2147483647");
    }

    @Test
    void listWhereANumberIsExpected() {
        assertThat(problems(edit("current_gb_per_day: 50", "current_gb_per_day: [1, 2]"))).containsExactly(
                "brief.yaml:17:23: data_volume.current_gb_per_day: a list is not a number; expected GB per day, 0 or more");
    }

    @Test
    void listWhereAMappingIsExpected() {
        String text = BRIEF.substring(0, BRIEF.indexOf("constraints:")) + "constraints: [AWS, PCI]\n";
        assertThat(problems(text)).containsExactly(
                "brief.yaml:20:14: constraints: expected a mapping of budget_monthly_usd, cloud_provider, company_stage, "
                        + "compliance, ..., found a list");
    }

    @Test
    void mappingWhereAListIsExpected() {
        assertThat(problems(edit("sources: [\"Kafka payments stream\"]", "sources: {kafka: true}"))).containsExactly(
                "brief.yaml:13:12: current_state.sources: expected a list, found a mapping");
    }

    @Test
    void scalarWhereAConsumerMappingIsExpected() {
        assertThat(problems("project_name: p\ndata_consumers: \"everyone\"\n")).containsExactly(
                "brief.yaml:2:17: data_consumers: expected a mapping of latency_requirement, query_pattern, team, use_case, found \"everyone\"");
    }

    @Test
    void negativeVolumes() {
        assertThat(problems(edit("current_gb_per_day: 50", "current_gb_per_day: -5"))).containsExactly(
                "brief.yaml:17:23: data_volume.current_gb_per_day: \"-5\" is below 0; expected GB per day, 0 or more");
        assertThat(problems(edit("growth_rate_percent: 40", "growth_rate_percent: -150"))).containsExactly(
                "brief.yaml:18:24: data_volume.growth_rate_percent: \"-150\" is below -100; expected a yearly growth in percent, above -100");
        assertThat(problems(edit("retention_months: 12", "retention_months: -1"))).containsExactly(
                "brief.yaml:19:21: data_volume.retention_months: \"-1\" is below 0; expected whole months, 0 or more");
        assertThat(problems(edit("budget_monthly_usd: 20000", "budget_monthly_usd: -1"))).containsExactly(
                "brief.yaml:21:23: constraints.budget_monthly_usd: \"-1\" is below 0; expected US dollars per month, 0 or more");
    }

    @Test
    void notANumberAndInfinityAreRefused() {
        assertThat(problems(edit("current_gb_per_day: 50", "current_gb_per_day: .nan"))).singleElement().asString()
                .endsWith("\".nan\" is not a number; expected GB per day, 0 or more");
        assertThat(problems(edit("current_gb_per_day: 50", "current_gb_per_day: 1e400"))).singleElement().asString()
                .endsWith("\"1e400\" is not a number; expected GB per day, 0 or more");
    }

    @Test
    void booleans() {
        String src = "sources:\n    - {name: \"Kafka payments\", type: stream, replayable: %s}";
        assertThat(problems(edit("sources: [\"Kafka payments stream\"]", src.formatted("maybe")))).containsExactly(
                "brief.yaml:14:58: current_state.sources[0].replayable: \"maybe\" is not a boolean; use true or false");
        assertThat(problems(edit("sources: [\"Kafka payments stream\"]", src.formatted("\"true\"")))).containsExactly(
                "brief.yaml:14:58: current_state.sources[0].replayable: \"true\" is quoted text, not a boolean; write true or false without quotes");
        assertThat(facts(bind(edit("sources: [\"Kafka payments stream\"]", src.formatted("yes"))), Source.class).get(0).replayable()).isTrue();
    }

    @Test
    void requiredFields() {
        assertThat(problems("project_name: \"\"\ndata_consumers: []\n")).containsExactly(
                "brief.yaml:1:15: project_name: is empty: name the project",
                "brief.yaml:2:17: data_consumers: at least one consumer is required: {team, use_case, latency_requirement, query_pattern}");
        assertThat(problems("business_context: x\n")).containsExactly(
                "brief.yaml:1:1: project_name: is required: name the project",
                "brief.yaml:1:1: data_consumers: at least one consumer is required: {team, use_case, latency_requirement, query_pattern}");
    }

    @Test
    void complianceNoneWithRegimes() {
        assertThat(problems(edit("compliance: [\"PCI\"]", "compliance: [PCI, none]"))).containsExactly(
                "brief.yaml:24:15: constraints.compliance: lists \"none\" together with regimes; remove \"none\" or the regimes");
        assertThat(facts(bind(edit("compliance: [\"PCI\"]", "compliance: [none]")), Constraints.class).get(0).regulated()).isFalse();
    }

    @Test
    void wrongValuesInsideLists() {
        assertThat(problems(edit("compliance: [\"PCI\"]", "compliance: [PCI, ISO27001]"))).containsExactly(
                "brief.yaml:24:21: constraints.compliance[1]: \"ISO27001\" is not a compliance regime; use one of GDPR, HIPAA, SOX, PCI, none");
    }

    @Test
    void theBriefMustBeAMapping() {
        assertThat(problems("- a\n- b\n")).containsExactly(
                "brief.yaml:1:1: expected an Architecture Brief mapping (project_name, data_consumers, data_volume, constraints, ...), found a list");
        assertThat(problems("just some text\n")).containsExactly(
                "brief.yaml:1:1: expected an Architecture Brief mapping (project_name, data_consumers, data_volume, constraints, ...), found \"just some text\"");
    }

    @Test
    void severalDocumentsInABrief() {
        assertThat(problems(BRIEF + "---\nproject_name: other\n")).containsExactly(
                "brief.yaml:27:1: the file holds 2 documents; an Architecture Brief is one document (remove the extra '---')");
    }

    @Test
    void everyProblemIsReportedAtOnceInDocumentOrder() {
        String text = BRIEF.replace("\"real-time (<1s)\"", "\"instantly\"")
                .replace("use_case: \"reporting\"", "use_case: \"bookkeeping\"")
                .replace("current_gb_per_day: 50", "current_gb_per_day: -1")
                .replace("skill_level: \"senior\"", "skil_level: \"senior\"")
                .replace("cloud_provider: \"AWS\"", "cloud_provider: \"Mars\"");
        List<String> p = problems(text);
        assertThat(p).hasSize(5);
        assertThat(p).extracting(s -> s.substring(0, s.indexOf(": ", s.indexOf(": ") + 2)))
                .containsExactly("brief.yaml:6:26: data_consumers[0].latency_requirement",
                        "brief.yaml:9:15: data_consumers[1].use_case",
                        "brief.yaml:17:23: data_volume.current_gb_per_day",
                        "brief.yaml:23:3: constraints.skil_level",
                        "brief.yaml:25:19: constraints.cloud_provider");
        assertThat(p.get(3)).contains("did you mean \"skill_level\"?");
    }

    // ------------------------------------------------------------ accepted spellings

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            real-time (<1s)        | REAL_TIME
            Real-Time              | REAL_TIME
            realtime               | REAL_TIME
            REAL_TIME              | REAL_TIME
            <1s                    | REAL_TIME
            near-real-time (<5min) | NEAR_REAL_TIME
            Near Real Time         | NEAR_REAL_TIME
            NRT                    | NEAR_REAL_TIME
            batch (hourly+)        | BATCH
            Batch                  | BATCH
            daily                  | BATCH
            """)
    void latencySpellings(String written, Latency expected) {
        List<Object> f = bind(edit("\"real-time (<1s)\"", "\"" + written + "\""));
        assertThat(facts(f, Consumer.class).get(0).latency()).isEqualTo(expected);
    }

    @Test
    void unquotedMethodologySpellingsAreValidYaml() {
        List<Object> f = bind(edit("\"real-time (<1s)\"", "real-time (<1s)").replace("\"batch (hourly+)\"", "batch (hourly+)"));
        assertThat(facts(f, Consumer.class)).extracting(Consumer::latency).containsExactly(Latency.REAL_TIME, Latency.BATCH);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ML           | ML
            ml           | ML
            reverse-ETL  | REVERSE_ETL
            Reverse ETL  | REVERSE_ETL
            reverse_etl  | REVERSE_ETL
            Analytics    | ANALYTICS
            REPORTING    | REPORTING
            operational  | OPERATIONAL
            """)
    void useCaseSpellings(String written, UseCase expected) {
        assertThat(facts(bind(edit("\"operational\"", "\"" + written + "\"")), Consumer.class).get(0).useCase()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            on-prem      | ON_PREM
            On-Premises  | ON_PREM
            onprem       | ON_PREM
            aws          | AWS
            gcp          | GCP
            azure        | AZURE
            multi-cloud  | MULTI
            Multi        | MULTI
            """)
    void cloudSpellings(String written, Cloud expected) {
        assertThat(facts(bind(edit("\"AWS\"", "\"" + written + "\"")), Constraints.class).get(0).cloud()).isEqualTo(expected);
    }

    @Test
    void otherVocabulariesIgnoreCase() {
        List<Object> f = bind(edit("\"API\"", "\"api\"").replace("\"scheduled\"", "\"Ad-Hoc\"")
                .replace("\"senior\"", "\"Mixed\"").replace("[\"PCI\"]", "[gdpr, pci-dss, Sox, hipaa]")
                + "  company_stage: Enterprise\n");
        assertThat(facts(f, Consumer.class)).extracting(Consumer::queryPattern).containsExactly(QueryPattern.API, QueryPattern.AD_HOC);
        Constraints c = facts(f, Constraints.class).get(0);
        assertThat(c.skill()).isEqualTo(Skill.MIXED);
        assertThat(c.compliance()).isEqualTo(Set.of(Compliance.GDPR, Compliance.PCI, Compliance.SOX, Compliance.HIPAA));
        assertThat(c.companyStage()).isEqualTo(CompanyStage.ENTERPRISE);
    }

    // ------------------------------------------------------------ sources: plain strings and objects

    @Test
    void sourcesAsPlainStringsHaveTheirTypeInferred() {
        List<Object> f = bind(edit("sources: [\"Kafka payments stream\"]",
                "sources: [\"Kafka payments stream\", \"Orders PostgreSQL\", \"Stripe API\", \"Partner CSV on SFTP\", \"Legacy mainframe\"]"));
        List<Source> s = facts(f, Source.class);
        assertThat(s).extracting(Source::name).containsExactly("Kafka payments stream", "Orders PostgreSQL", "Stripe API",
                "Partner CSV on SFTP", "Legacy mainframe");
        assertThat(s).extracting(Source::type).containsExactly(SourceType.STREAM, SourceType.DATABASE, SourceType.API,
                SourceType.FILES, null);
        assertThat(s).extracting(Source::typeInferred).containsExactly(true, true, true, true, false);
        assertThat(s.get(1).node().path()).isEqualTo("current_state.sources[1]");
    }

    @Test
    void sourcesAsObjects() {
        List<Object> f = bind(edit("sources: [\"Kafka payments stream\"]", """
                sources:
                    - name: "payments"
                      type: stream
                      owner_domain: "Payments"
                      replayable: true
                    - name: "Orders PostgreSQL"
                      supports_cdc: true
                      has_updated_at: false
                      row_count: 250_000_000
                    - "Stripe API\""""));
        List<Source> s = facts(f, Source.class);
        assertThat(s.get(0).type()).isEqualTo(SourceType.STREAM);
        assertThat(s.get(0).typeInferred()).isFalse();
        assertThat(s.get(0).replayable()).isTrue();
        assertThat(s.get(1).type()).as("inferred from the name when type is left out").isEqualTo(SourceType.DATABASE);
        assertThat(s.get(1).typeInferred()).isTrue();
        assertThat(s.get(1).rowCount()).isEqualTo(250_000_000L);
        assertThat(s.get(1).hasUpdatedAt()).isFalse();
        assertThat(s.get(2).type()).isEqualTo(SourceType.API);
        assertThat(facts(f, Brief.class).get(0).domainCount()).isEqualTo(1);
    }

    @Test
    void badSourceObjects() {
        assertThat(problems(edit("sources: [\"Kafka payments stream\"]",
                "sources:\n    - {type: database, ownr_domain: x}\n    - [nested]"))).containsExactly(
                "brief.yaml:14:7: current_state.sources[0].name: is required: name the source system",
                "brief.yaml:14:24: current_state.sources[0].ownr_domain: unknown key \"ownr_domain\"; did you mean \"owner_domain\"? "
                        + "Known keys here: has_updated_at, name, owner_domain, replayable, row_count, supports_cdc, type",
                "brief.yaml:15:7: current_state.sources[1]: expected a mapping of has_updated_at, name, owner_domain, replayable, ..., found a list");
    }

    // ------------------------------------------------------------ extensions and derived figures

    @Test
    void dataTeamsIsDerivedFromConsumersAndOwnerDomainsUnlessGiven() {
        String srcs = "sources:\n    - {name: a, type: database, owner_domain: Sales}\n    - {name: b, type: api, owner_domain: sales}\n"
                + "    - {name: c, type: api, owner_domain: Logistics}";
        Brief derived = facts(bind(edit("sources: [\"Kafka payments stream\"]", srcs)), Brief.class).get(0);
        assertThat(derived.domainCount()).isEqualTo(2);
        assertThat(derived.dataTeams()).as("risk, finance, sales, logistics").isEqualTo(4);
        Brief given = facts(bind(edit("sources: [\"Kafka payments stream\"]", srcs) + "  data_teams: 9\n"), Brief.class).get(0);
        assertThat(given.dataTeams()).isEqualTo(9);
    }

    @Test
    void workloadExtension() {
        List<Object> f = bind(BRIEF + "workload:\n  pipeline_count: 2\n  tasks_per_pipeline: 3\n  has_dependencies: false\n"
                + "  transform_languages: [SQL, Scala]\n  event_time_processing: true\n");
        Workload w = facts(f, Workload.class).get(0);
        assertThat(w.pipelineCount()).isEqualTo(2);
        assertThat(w.transformLanguages()).containsExactlyInAnyOrder(TransformKind.SQL, TransformKind.JVM);
        assertThat(w.nonSqlTransforms()).isTrue();
        assertThat(problems(BRIEF + "workload:\n  pipelines: 2\n")).containsExactly(
                "brief.yaml:27:3: workload.pipelines: unknown key \"pipelines\" Known keys here: dynamic_workflows, event_time_processing, "
                        + "has_dependencies, long_running_workflows, needs_retries, pipeline_count, tasks_per_pipeline, transform_languages");
    }

    @Test
    void volumeIsOptionalButOnlyAsAWhole() {
        String noVolume = BRIEF.replaceAll("(?s)data_volume:.*?constraints:", "constraints:");
        assertThat(facts(bind(noVolume), Volume.class)).isEmpty();
        Volume partial = facts(bind(edit("  growth_rate_percent: 40\n", "")), Volume.class).get(0);
        assertThat(partial.growthRatePercent()).isZero();
    }

    // ------------------------------------------------------------ JSON briefs

    @Test
    void jsonBriefBindsLikeYaml() {
        String json = """
                {
                  "project_name": "Payments",
                  "data_consumers": [
                    {"team": "risk", "use_case": "operational", "latency_requirement": "Real-Time", "query_pattern": "API"}
                  ],
                  "data_volume": {"current_gb_per_day": 50, "growth_rate_percent": 40, "retention_months": 12}
                }""";
        try {
            List<Object> f = bind("brief.json", json);
            assertThat(facts(f, Consumer.class).get(0).latency()).isEqualTo(Latency.REAL_TIME);
            assertThat(facts(f, Volume.class).get(0).retentionMonths()).isEqualTo(12);
        } catch (InputException e) {
            fail(e.getMessage());
        }
    }

    @Test
    void jsonBriefProblemsAreLocatedToo() {
        String json = "{\n  \"project_name\": \"Payments\",\n  \"data_consumers\": [\n"
                + "    {\"team\": \"risk\", \"latency_requirement\": \"instantly\"}\n  ],\n"
                + "  \"data_volume\": {\"current_gb_per_day\": \"50\"}\n}";
        assertThat(problems("brief.json", json)).containsExactly(
                "brief.json:4:45: data_consumers[0].latency_requirement: \"instantly\" is not a latency; "
                        + "use one of real-time (<1s), near-real-time (<5min), batch (hourly+)",
                "brief.json:6:41: data_volume.current_gb_per_day: \"50\" is quoted text, not a number; remove the quotes: expected GB per day, 0 or more");
    }
}

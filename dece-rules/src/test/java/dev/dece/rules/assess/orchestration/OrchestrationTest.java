package dev.dece.rules.assess.orchestration;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.BriefYaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.dece.rules.support.BriefYaml.brief;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.paths;
import static dev.dece.rules.support.Results.rec;
import static dev.dece.rules.support.Results.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Orchestration.drl: a brief that triggers it and a near miss that must not. */
class OrchestrationTest {

    static final String T = "orchestration";

    /** A batch analytics brief; add workload and constraints per test. */
    static BriefYaml base() {
        return brief().consumer("bi", "batch");
    }

    @Test
    void orc001_airflowForComplexDags() {
        Report hit = base().workload("pipeline_count", 10).workload("tasks_per_pipeline", 8)
                .workload("transform_languages", "[python]").assess();
        assertThat(choices(hit, T)).containsExactly("airflow");
        var airflow = rec(hit, T, "airflow").orElseThrow();
        assertThat(airflow.ruleId()).isEqualTo("ORC-001");
        assertThat(airflow.rationale()).contains("8 tasks (5 or more)").contains("Python-native team");
        assertThat(paths(airflow.evidence())).contains("workload.tasks_per_pipeline", "workload.transform_languages");

        Report deps = base().workload("pipeline_count", 10).workload("has_dependencies", true).assess();
        assertThat(rec(deps, T, "airflow").orElseThrow().rationale()).contains("depend on each other");

        Report miss = base().workload("pipeline_count", 10).workload("tasks_per_pipeline", 4)
                .workload("has_dependencies", false).assess();
        assertThat(fired(miss, "ORC-001")).isFalse();
    }

    @ParameterizedTest(name = "{0} tasks per pipeline -> airflow chosen: {1}")
    @CsvSource({"4, false", "5, true", "6, true"})
    void orc001_orc002_airflowFiveTaskLine(int tasks, boolean airflow) {
        // Dagster also fits (dependencies), so the slot has a winner either way
        Report r = base().workload("pipeline_count", 10).workload("tasks_per_pipeline", tasks)
                .workload("has_dependencies", true).assess();
        assertThat(choices(r, T)).containsExactly(airflow ? "airflow" : "dagster");
        assertThat(fired(r, "ORC-002")).isEqualTo(!airflow);
    }

    @Test
    void orc002_noAirflowForSimplePipelines() {
        Report hit = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 3)
                .workload("has_dependencies", true).workload("transform_languages", "[python]")
                .constraint("cloud_provider", "AWS").constraint("resistant_to_new_paradigms", true).assess();
        assertThat(choices(hit, T)).containsExactly("prefect");
        assertThat(rejected(hit, T, "airflow")).get().asString()
                .contains("ORC-002").contains("3 tasks each, fewer than Airflow's 5-task line");

        Report miss = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 5)
                .workload("has_dependencies", true).assess();
        assertThat(fired(miss, "ORC-002")).isFalse();
        assertThat(choices(miss, T)).containsExactly("airflow");
    }

    @Test
    void orc003_dagsterForInterdependentAssets() {
        Report hit = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("has_dependencies", true)
                .constraint("resistant_to_new_paradigms", false).assess();
        assertThat(choices(hit, T)).containsExactly("dagster");
        var dagster = rec(hit, T, "dagster").orElseThrow();
        assertThat(dagster.ruleId()).isEqualTo("ORC-003");
        assertThat(dagster.rationale()).contains("software-defined asset").contains("open to new paradigms");
        assertThat(rejected(hit, T, "airflow")).get().asString().contains("dagster ranks first");

        // unknown attitude: Dagster still fits, but behind Airflow
        Report unknown = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("has_dependencies", true).assess();
        assertThat(choices(unknown, T)).containsExactly("airflow");
        assertThat(rejected(unknown, T, "dagster")).get().asString().contains("also fits (ORC-003");

        Report miss = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("has_dependencies", false).assess();
        assertThat(fired(miss, "ORC-003")).isFalse();
    }

    @Test
    void orc004_noDagsterForATeamResistantToNewParadigms() {
        Report hit = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("has_dependencies", true)
                .constraint("resistant_to_new_paradigms", true).assess();
        assertThat(choices(hit, T)).containsExactly("airflow");
        assertThat(rejected(hit, T, "dagster")).get().asString().contains("ORC-004").contains("resistant to new paradigms");

        Report miss = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("has_dependencies", true)
                .constraint("resistant_to_new_paradigms", false).assess();
        assertThat(fired(miss, "ORC-004")).isFalse();
    }

    @Test
    void orc005_prefectForDynamicWorkflows() {
        Report hit = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("dynamic_workflows", true).assess();
        assertThat(choices(hit, T)).containsExactly("prefect");
        assertThat(rec(hit, T, "prefect").orElseThrow().ruleId()).isEqualTo("ORC-005");
        assertThat(rejected(hit, T, "airflow")).get().asString().contains("prefect ranks first");

        Report miss = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("dynamic_workflows", false).assess();
        assertThat(choices(miss, T)).containsExactly("airflow");
    }

    @Test
    void orc006_prefectForPythonFirstTeamsInTheCloud() {
        Report hit = base().workload("pipeline_count", 6).workload("transform_languages", "[python]")
                .constraint("cloud_provider", "GCP").assess();
        var prefect = rec(hit, T, "prefect").orElseThrow();
        assertThat(prefect.ruleId()).isEqualTo("ORC-006");
        assertThat(prefect.rationale()).contains("Python, not SQL").contains("(GCP)");

        Report noCloud = base().workload("pipeline_count", 6).workload("transform_languages", "[python]").assess();
        assertThat(fired(noCloud, "ORC-006")).isFalse();
        Report sql = base().workload("pipeline_count", 6).workload("transform_languages", "[python, sql]")
                .constraint("cloud_provider", "GCP").assess();
        assertThat(fired(sql, "ORC-006")).isFalse();
    }

    @Test
    void orc007_noPrefectOnPrem() {
        Report alone = base().workload("pipeline_count", 6).workload("dynamic_workflows", true)
                .constraint("cloud_provider", "on-prem").assess();
        List<Finding> f = findings(alone, "ORC-007");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.P2);
        assertThat(f.get(0).message()).startsWith("prefect is still the best fit for orchestration although the platform is on-prem");
        assertThat(f.get(0).remediation()).contains("Self-host the open-source Prefect server");

        Report withAirflow = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("dynamic_workflows", true)
                .constraint("cloud_provider", "on-prem").assess();
        assertThat(choices(withAirflow, T)).containsExactly("airflow");
        assertThat(rejected(withAirflow, T, "prefect")).get().asString().contains("ORC-007");

        Report miss = base().workload("pipeline_count", 6).workload("dynamic_workflows", true)
                .constraint("cloud_provider", "Azure").assess();
        assertThat(fired(miss, "ORC-007")).isFalse();
    }

    @Test
    void orc008_dbtForSqlTransformations() {
        Report hit = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("transform_languages", "[sql, python]").assess();
        assertThat(choices(hit, T)).containsExactly("airflow", "dbt");
        assertThat(rec(hit, T, "dbt").orElseThrow().ruleId()).isEqualTo("ORC-008");

        Report miss = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("transform_languages", "[python]").assess();
        assertThat(choices(miss, T)).doesNotContain("dbt");
    }

    @Test
    void orc009_noDbtWhenNoTransformationIsSql() {
        Report hit = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("transform_languages", "[python, ml]").assess();
        assertThat(rejected(hit, T, "dbt")).get().asString().contains("ORC-009").contains("no transformation is SQL");

        Report miss = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("transform_languages", "[sql, ml]").assess();
        assertThat(fired(miss, "ORC-009")).isFalse();
    }

    @Test
    void orc010_noDbtWhenEveryConsumerNeedsStreaming() {
        Report hit = brief().consumer("risk", "operational", "real-time", "API")
                .workload("transform_languages", "[sql]").assess();
        List<Finding> f = findings(hit, "ORC-010");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("dbt is still the best fit").contains("'risk' needs results in under 1 second");
        assertThat(f.get(0).location().path()).isEqualTo("data_consumers[0].latency_requirement");

        Report miss = brief().consumer("risk", "operational", "real-time", "API").consumer("bi", "batch")
                .workload("transform_languages", "[sql]").assess();
        assertThat(fired(miss, "ORC-010")).isFalse();
        assertThat(choices(miss, T)).contains("dbt");
    }

    @Test
    void orc011_temporalForLongRunningWorkflows() {
        Report hit = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("long_running_workflows", true)
                .workload("needs_retries", true).constraint("team_size", 8).assess();
        assertThat(choices(hit, T)).containsExactly("temporal");
        var temporal = rec(hit, T, "temporal").orElseThrow();
        assertThat(temporal.rationale()).contains("must retry their steps");
        assertThat(paths(temporal.evidence())).containsExactly("workload.long_running_workflows", "workload.needs_retries");

        Report miss = base().workload("pipeline_count", 6).workload("tasks_per_pipeline", 8).workload("long_running_workflows", false).assess();
        assertThat(fired(miss, "ORC-011")).isFalse();
    }

    @ParameterizedTest(name = "team of {0} -> temporal rejected: {1}")
    @CsvSource({"2, true", "3, true", "4, false"})
    void orc012_noTemporalForASmallTeam(int team, boolean rejectedForTeam) {
        Report r = base().workload("long_running_workflows", true).constraint("team_size", team).assess();
        assertThat(choices(r, T)).containsExactly("temporal");
        List<Finding> f = findings(r, "ORC-012");
        assertThat(f.isEmpty()).isEqualTo(!rejectedForTeam);
        if (rejectedForTeam) {
            assertThat(f.get(0).message()).contains("the team has " + team + " engineers (a small team: 3 or fewer)");
            assertThat(f.get(0).location().path()).isEqualTo("constraints.team_size");
        }
    }

    @Test
    void orc013_noTemporalForSimpleIndependentEtl() {
        Report hit = base().workload("long_running_workflows", true).workload("tasks_per_pipeline", 3)
                .workload("has_dependencies", false).constraint("team_size", 8).assess();
        assertThat(findings(hit, "ORC-013")).singleElement().extracting(Finding::severity).isEqualTo(Severity.P3);
        assertThat(findings(hit, "ORC-013").get(0).message()).contains("simple ETL (3 tasks each, no dependencies");

        Report miss = base().workload("long_running_workflows", true).workload("tasks_per_pipeline", 3)
                .workload("has_dependencies", true).constraint("team_size", 8).assess();
        assertThat(fired(miss, "ORC-013")).isFalse();
    }

    @ParameterizedTest(name = "{0} pipelines -> cron chosen: {1}")
    @CsvSource({"2, true", "3, false", "4, false"})
    void orc014_cronForFewerThanThreePipelines(int pipelines, boolean cron) {
        Report r = base().workload("pipeline_count", pipelines).workload("tasks_per_pipeline", 8).assess();
        assertThat(choices(r, T)).containsExactly(cron ? "cron" : "airflow");
        if (cron) {
            assertThat(rec(r, T, "cron").orElseThrow().rationale()).startsWith(pipelines + " pipeline(s), fewer than 3");
        }
        assertThat(fired(r, "ORC-014")).isEqualTo(cron);
    }

    @Test
    void orc015_cronForASoloEngineer() {
        Report hit = base().constraint("team_size", 1).workload("transform_languages", "[python]").assess();
        assertThat(choices(hit, T)).contains("cron");
        assertThat(rec(hit, T, "cron").orElseThrow().ruleId()).isEqualTo("ORC-015");

        Report miss = base().constraint("team_size", 2).workload("transform_languages", "[python]").assess();
        assertThat(fired(miss, "ORC-015")).isFalse();
    }

    @Test
    void orc016_noCronWhenPipelinesHaveDependencies() {
        Report hit = base().workload("pipeline_count", 2).workload("has_dependencies", true).assess();
        assertThat(choices(hit, T)).containsExactly("airflow");
        assertThat(rejected(hit, T, "cron")).get().asString().contains("ORC-016").contains("pipelines depend on each other");

        Report miss = base().workload("pipeline_count", 2).workload("has_dependencies", false).assess();
        assertThat(choices(miss, T)).containsExactly("cron");
        assertThat(fired(miss, "ORC-016")).isFalse();
    }

    @Test
    void orc017_noCronWhenStepsNeedRetries() {
        Report hit = base().workload("pipeline_count", 2).workload("needs_retries", true).assess();
        List<Finding> f = findings(hit, "ORC-017");
        assertThat(f).singleElement().extracting(Finding::severity).isEqualTo(Severity.P2);
        assertThat(f.get(0).message()).startsWith("cron is still the best fit for orchestration although steps must be retried");
        assertThat(f.get(0).location().path()).isEqualTo("workload.needs_retries");

        Report miss = base().workload("pipeline_count", 2).workload("needs_retries", false).assess();
        assertThat(fired(miss, "ORC-017")).isFalse();
    }

    static BriefYaml elt(String cloud, String warehouse) {
        return OrchestrationTestBriefs.elt(cloud, warehouse);
    }

    @ParameterizedTest
    @CsvSource({"GCP, BigQuery, bigquery", "AWS, Redshift, redshift", "AWS, Snowflake, snowflake"})
    void orc018_dbtAndItsSchedulerForEltInACloudWarehouse(String cloud, String warehouse, String chosen) {
        Report hit = elt(cloud, warehouse).assess();
        assertThat(choices(hit, T)).containsExactly("dbt");
        var dbt = rec(hit, T, "dbt").orElseThrow();
        assertThat(dbt.ruleId()).isEqualTo("ORC-018");
        assertThat(dbt.rationale()).contains("ELT into " + chosen).contains("its scheduler");
        // a Python step needs an orchestrator beside dbt: no ELT-only answer
        Report miss = elt(cloud, warehouse).workload("transform_languages", "[python]").assess();
        assertThat(fired(miss, "ORC-018")).isFalse();
        // an operational API consumer does not query the warehouse with SQL
        Report api = elt(cloud, warehouse).consumer("ops", "operational", "batch (hourly+)", "API").assess();
        assertThat(fired(api, "ORC-018")).isFalse();
    }

    @Test
    void orc019_airflowWhenTheBriefGivesNoWorkloadDetails() {
        Report hit = elt("AWS", "Redshift").consumer("ops", "operational", "batch (hourly+)", "API").assess();
        var airflow = rec(hit, T, "airflow").orElseThrow();
        assertThat(airflow.ruleId()).isEqualTo("ORC-019");
        assertThat(airflow.rationale()).startsWith("3 sources feed batch consumers").contains("add workload.tasks_per_pipeline");
        // the warehouse ELT case keeps dbt: the fallback ranks below it
        assertThat(choices(elt("AWS", "Redshift").assess(), T)).containsExactly("dbt");
        // with workload details the workload rules decide
        assertThat(fired(elt("AWS", "Redshift").consumer("ops", "operational", "batch (hourly+)", "API")
                .workload("pipeline_count", 2).assess(), "ORC-019")).isFalse();
        // a solo engineer is not given Airflow by default
        assertThat(fired(elt("AWS", "Redshift").consumer("ops", "operational", "batch (hourly+)", "API").constraint("team_size", 1).assess(), "ORC-019")).isFalse();
    }
}

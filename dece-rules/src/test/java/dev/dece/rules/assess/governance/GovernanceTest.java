package dev.dece.rules.assess.governance;

import dev.dece.core.report.Finding;
import dev.dece.core.report.Recommendation;
import dev.dece.core.report.Report;
import dev.dece.core.report.Severity;
import dev.dece.rules.support.BriefYaml;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dece.rules.support.BriefYaml.brief;
import static dev.dece.rules.support.Results.choices;
import static dev.dece.rules.support.Results.findings;
import static dev.dece.rules.support.Results.fired;
import static dev.dece.rules.support.Results.paths;
import static dev.dece.rules.support.Results.rec;
import static dev.dece.rules.support.Results.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of Governance.drl: a brief that triggers it and a near miss that must not. */
class GovernanceTest {

    static final String CLASS = "governance.classification";
    static final String PII = "governance.pii";
    static final String ENC = "governance.encryption";
    static final String ACCESS = "governance.access";
    static final String AUDIT = "governance.audit";
    static final String RET = "governance.retention";
    static final String DEL = "governance.right-to-delete";

    /** A reporting consumer, two sources, 10 GB/day kept 12 months, under the given regimes. */
    static BriefYaml regulated(String compliance) {
        return brief().consumer("finance", "reporting", "batch", "scheduled")
                .source("Postgres customers DB").source("Stripe API")
                .volume(10, 0, 12).constraint("compliance", compliance);
    }

    /** The 1-based line of the first YAML line containing {@code text}. */
    static int line(BriefYaml b, String text) {
        String[] lines = b.yaml().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) return i + 1;
        }
        throw new AssertionError("no line contains " + text + " in\n" + b.yaml());
    }

    static Finding only(Report r, String ruleId) {
        List<Finding> fs = findings(r, ruleId);
        assertThat(fs).hasSize(1);
        return fs.get(0);
    }

    static Recommendation classification(Report r) {
        assertThat(choices(r, CLASS)).hasSize(1);
        return r.recommendations(CLASS).get(0);
    }

    // ------------------------------------------------------------------ classification

    @Test
    void gov001_restrictedForHipaaHealthRecords() {
        Recommendation c = classification(regulated("[HIPAA]").assess());
        assertThat(c.choice()).isEqualTo("restricted");
        assertThat(c.ruleId()).isEqualTo("GOV-001");
        assertThat(c.rationale()).contains("HIPAA health records", "audit every access");
        assertThat(paths(c.evidence())).containsExactly("constraints.compliance");

        Report miss = regulated("[GDPR]").assess();
        assertThat(fired(miss, "GOV-001")).isFalse();
        assertThat(classification(miss).choice()).isEqualTo("confidential");
    }

    @Test
    void gov002_restrictedForPciPaymentCards() {
        Report hit = regulated("[GDPR, PCI]").assess();
        Recommendation c = classification(hit);
        assertThat(c.choice()).isEqualTo("restricted");
        assertThat(c.ruleId()).isEqualTo("GOV-002");
        assertThat(c.rationale()).contains("PCI payment card data", "tokenize card numbers");
        // GDPR's confidential level is listed, beaten by the more sensitive one
        assertThat(rejected(hit, CLASS, "confidential")).get().asString().contains("GOV-003").contains("restricted ranks first");

        Report miss = regulated("[SOX]").assess();
        assertThat(fired(miss, "GOV-002")).isFalse();
    }

    @Test
    void gov003_confidentialForGdprCustomerPii() {
        Recommendation c = classification(regulated("[GDPR]").assess());
        assertThat(c.choice()).isEqualTo("confidential");
        assertThat(c.ruleId()).isEqualTo("GOV-003");
        assertThat(c.rationale()).contains("Customer PII under GDPR", "masking");

        Report miss = regulated("[none]").assess();
        assertThat(fired(miss, "GOV-003")).isFalse();
        assertThat(classification(miss).choice()).isEqualTo("internal");
    }

    @Test
    void gov004_confidentialForSoxFinancialRecords() {
        Recommendation c = classification(regulated("[SOX]").assess());
        assertThat(c.choice()).isEqualTo("confidential");
        assertThat(c.ruleId()).isEqualTo("GOV-004");
        assertThat(c.rationale()).contains("Financial records under SOX");

        Report miss = regulated("[GDPR]").assess();
        assertThat(fired(miss, "GOV-004")).isFalse();
    }

    @Test
    void gov005_internalWhenNoRegimeApplies() {
        Recommendation c = classification(regulated("[none]").assess());
        assertThat(c.choice()).isEqualTo("internal");
        assertThat(c.ruleId()).isEqualTo("GOV-005");
        assertThat(c.rationale()).contains("No compliance regime", "auth required, audit logging", "raise");
        assertThat(c.evidence()).singleElement().satisfies(e -> assertThat(e.value()).isEqualTo("[none]"));

        Report miss = regulated("[SOX]").assess();
        assertThat(fired(miss, "GOV-005")).isFalse();
    }

    // ------------------------------------------------------------------ PII handling

    @Test
    void gov006_identifyClassifyAndMinimizePii() {
        Recommendation r = rec(regulated("[GDPR]").assess(), PII, "pii-inventory").orElseThrow();
        assertThat(r.ruleId()).isEqualTo("GOV-006");
        assertThat(r.rationale()).contains("GDPR data holds personal data",
                "all 2 sources (Postgres customers DB, Stripe API)", "email", "only the PII a consumer actually needs");
        assertThat(paths(r.evidence())).containsExactly("constraints.compliance", "current_state.sources (count)");
        assertThat(rec(regulated("[GDPR, PCI]").assess(), PII, "pii-inventory").orElseThrow().rationale())
                .contains("GDPR and PCI data", "IP, card numbers)");

        Report miss = regulated("[SOX]").assess();
        assertThat(fired(miss, "GOV-006")).isFalse();
    }

    @Test
    void gov007_hashOrTokenizePiiInStaging() {
        Recommendation r = rec(regulated("[HIPAA]").assess(), PII, "pseudonymize-in-staging").orElseThrow();
        assertThat(r.ruleId()).isEqualTo("GOV-007");
        assertThat(r.rationale()).contains("HIPAA identifiers in staging", "SHA-256 with a secret salt");

        Report miss = regulated("[SOX]").assess();
        assertThat(rec(miss, PII, "pseudonymize-in-staging")).isEmpty();
        assertThat(fired(miss, "GOV-007")).isFalse();
    }

    @Test
    void gov008_dynamicMaskingForNonPrivilegedUsers() {
        Recommendation r = rec(regulated("[SOX]").assess(), PII, "dynamic-masking").orElseThrow();
        assertThat(r.ruleId()).isEqualTo("GOV-008");
        assertThat(r.rationale()).contains("SOX data is Confidential or Restricted", "1 consumer team queries it", "without a privileged role");
        assertThat(paths(r.evidence())).containsExactly("constraints.compliance", "data_consumers[0].team");

        Report miss = regulated("[none]").assess();
        assertThat(fired(miss, "GOV-008")).isFalse();
    }

    // ------------------------------------------------------------------ encryption

    @Test
    void gov009_encryptionAtRestAndInTransit() {
        Recommendation r = rec(regulated("[GDPR, SOX]").assess(), ENC, "encryption-at-rest-and-in-transit").orElseThrow();
        assertThat(r.ruleId()).isEqualTo("GOV-009");
        assertThat(r.rationale()).startsWith("GDPR and SOX data").contains("at rest", "TLS");

        Report miss = regulated("[none]").assess();
        assertThat(fired(miss, "GOV-009")).isFalse();
    }

    @Test
    void gov010_columnLevelEncryptionForRestrictedData() {
        Recommendation r = rec(regulated("[PCI]").assess(), ENC, "column-level-encryption").orElseThrow();
        assertThat(r.ruleId()).isEqualTo("GOV-010");
        assertThat(r.rationale()).contains("PCI data is Restricted", "(card numbers)", "tokenize");
        assertThat(rec(regulated("[HIPAA, PCI]").assess(), ENC, "column-level-encryption").orElseThrow().rationale())
                .contains("(card numbers, diagnoses, patient identifiers)");

        Report miss = regulated("[GDPR]").assess();
        assertThat(fired(miss, "GOV-010")).isFalse();
    }

    // ------------------------------------------------------------------ access

    @Test
    void gov011_columnLevelAccessRecordedInTheCatalog() {
        Recommendation r = rec(regulated("[GDPR]").assess(), ACCESS, "column-level-access").orElseThrow();
        assertThat(r.ruleId()).isEqualTo("GOV-011");
        assertThat(r.rationale()).contains("grant sensitive columns by role", "pii_columns", "access_request_process");

        Report miss = regulated("[none]").assess();
        assertThat(fired(miss, "GOV-011")).isFalse();
    }

    @Test
    void gov012_tenantIsolationForMultiTenantData() {
        BriefYaml b = regulated("[none]").constraint("multi_tenant", true);
        Recommendation r = rec(b.assess(), ACCESS, "tenant-isolation").orElseThrow();
        assertThat(r.ruleId()).isEqualTo("GOV-012");
        assertThat(r.rationale()).contains("tenant ID in every table", "row-level security", "never join across tenants", "backfill per tenant");
        assertThat(r.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("constraints.multi_tenant");
            assertThat(e.value()).isEqualTo("true");
        });

        Report miss = regulated("[none]").constraint("multi_tenant", false).assess();
        assertThat(fired(miss, "GOV-012")).isFalse();
    }

    // ------------------------------------------------------------------ audit

    @Test
    void gov013_auditEveryAccessToRestrictedData() {
        Report hit = regulated("[GDPR, PCI]").assess();
        assertThat(choices(hit, AUDIT)).containsExactly("audit-every-access");
        assertThat(rec(hit, AUDIT, "audit-every-access").orElseThrow().ruleId()).isEqualTo("GOV-013");
        assertThat(rejected(hit, AUDIT, "log-pii-queries")).get().asString().contains("GOV-014").contains("audit-every-access ranks first");

        Report miss = regulated("[GDPR]").assess();
        assertThat(fired(miss, "GOV-013")).isFalse();
        assertThat(choices(miss, AUDIT)).containsExactly("log-pii-queries");
    }

    @Test
    void gov014_logEveryQueryTouchingPii() {
        Report hit = regulated("[GDPR]").assess();
        Recommendation r = rec(hit, AUDIT, "log-pii-queries").orElseThrow();
        assertThat(r.ruleId()).isEqualTo("GOV-014");
        assertThat(r.rationale()).contains("log every query that touches a PII column");

        Report miss = regulated("[SOX]").assess();
        assertThat(fired(miss, "GOV-014")).isFalse();
        assertThat(choices(miss, AUDIT)).containsExactly("audit-logging");
    }

    @Test
    void gov015_auditLoggingForInternalAndConfidentialData() {
        Report hit = regulated("[SOX]").assess();
        Recommendation r = rec(hit, AUDIT, "audit-logging").orElseThrow();
        assertThat(r.ruleId()).isEqualTo("GOV-015");
        assertThat(r.rationale()).contains("authentication and audit logging", "SOX-reported figure");
        assertThat(rec(regulated("[none]").assess(), AUDIT, "audit-logging").orElseThrow().rationale()).doesNotContain("SOX");

        // restricted data needs more than audit logging: the rule only appears as a beaten alternative
        Report miss = regulated("[HIPAA]").assess();
        assertThat(choices(miss, AUDIT)).containsExactly("audit-every-access");
    }

    // ------------------------------------------------------------------ retention

    @Test
    void gov016_autoDeleteAfterTheRetentionPeriod() {
        Recommendation r = rec(regulated("[GDPR]").assess(), RET, "auto-delete-after-retention").orElseThrow();
        assertThat(r.ruleId()).isEqualTo("GOV-016");
        assertThat(r.rationale()).contains("Retention is 12 months", "backups");
        assertThat(paths(r.evidence())).containsExactly("constraints.compliance", "data_volume.retention_months");

        Report miss = regulated("[none]").assess();
        assertThat(fired(miss, "GOV-016")).isFalse();
        // 12 months is too short for SOX records: GOV-018 reports it instead of advising to delete them
        Report tooShort = regulated("[GDPR, SOX]").assess();
        assertThat(fired(tooShort, "GOV-016")).isFalse();
        assertThat(fired(tooShort, "GOV-018")).isTrue();
        assertThat(rec(regulated("[SOX]").volume(10, 0, 84).assess(), RET, "auto-delete-after-retention")).isPresent();
    }

    @Test
    void gov017_regulatedDataWithoutARetentionPeriod() {
        BriefYaml b = regulated("[GDPR, PCI]").volume(10, 0, 0);
        Finding f = only(b.assess(), "GOV-017");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.topic()).isEqualTo(RET);
        assertThat(f.message()).contains("GDPR and PCI data has no retention period", "retention_months is 0");
        assertThat(f.location().line()).isEqualTo(line(b, "retention_months:"));
        assertThat(f.location().path()).isEqualTo("data_volume.retention_months");
        assertThat(f.remediation()).contains("Set data_volume.retention_months");

        // no data_volume at all: located where the brief would hold it
        BriefYaml noVolume = brief().consumer("finance", "reporting", "batch", "scheduled").constraint("compliance", "[HIPAA]");
        Finding absent = only(noVolume.assess(), "GOV-017");
        assertThat(absent.message()).contains("retention_months is absent");
        assertThat(absent.location().path()).isEqualTo("data_volume");

        Report miss = regulated("[GDPR, PCI]").assess();
        assertThat(fired(miss, "GOV-017")).isFalse();
        Report unregulated = regulated("[none]").volume(10, 0, 0).assess();
        assertThat(fired(unregulated, "GOV-017")).isFalse();
    }

    @Test
    void gov018_soxRetentionShorterThanTheMinimum() {
        BriefYaml b = regulated("[SOX]").volume(10, 0, 24);
        Finding f = only(b.assess(), "GOV-018");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("Retention of 24 months conflicts with SOX", "at least 84 months");
        assertThat(f.location().line()).isEqualTo(line(b, "retention_months:"));
        assertThat(paths(f.evidence())).containsExactly("constraints.compliance", "data_volume.retention_months");

        Report miss = regulated("[SOX]").volume(10, 0, 84).assess();
        assertThat(fired(miss, "GOV-018")).isFalse();
        Report notSox = regulated("[GDPR]").volume(10, 0, 24).assess();
        assertThat(fired(notSox, "GOV-018")).isFalse();
    }

    @Test
    void gov019_gdprErasureConflictsWithSoxRecordKeeping() {
        BriefYaml b = regulated("[GDPR, SOX]").volume(10, 0, 84);
        Finding f = only(b.assess(), "GOV-019");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("GDPR and SOX both apply", "erasure request");
        assertThat(f.remediation()).contains("pseudonymized financial records");
        assertThat(f.location().line()).isEqualTo(line(b, "compliance:"));

        Report miss = regulated("[GDPR, PCI]").assess();
        assertThat(fired(miss, "GOV-019")).isFalse();
    }

    // ------------------------------------------------------------------ right to delete

    @Test
    void gov020_deletionPipelineAcrossAllDerivedTables() {
        Recommendation r = rec(regulated("[GDPR]").assess(), DEL, "deletion-pipeline").orElseThrow();
        assertThat(r.ruleId()).isEqualTo("GOV-020");
        assertThat(r.rationale()).contains("right to erasure", "propagates the delete across all derived tables", "lineage");

        Report miss = regulated("[HIPAA]").assess();
        assertThat(fired(miss, "GOV-020")).isFalse();
    }

    @Test
    void gov021_personalDataInALakeWithoutATableFormat() {
        BriefYaml b = regulated("[GDPR]").storage("S3 data lake (Parquet)", "Redshift");
        Finding f = only(b.assess(), "GOV-021");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.topic()).isEqualTo(DEL);
        assertThat(f.message()).contains("data lake with no table format", "cannot be deleted");
        assertThat(f.remediation()).contains("Delta Lake or Iceberg");
        assertThat(f.location().line()).isEqualTo(line(b, "storage:"));
        assertThat(paths(f.evidence())).containsExactly("constraints.compliance", "current_state.storage");

        Report miss = regulated("[GDPR]").storage("S3 data lake on Iceberg", "Redshift").assess();
        assertThat(fired(miss, "GOV-021")).isFalse();
        Report unregulated = regulated("[SOX]").storage("S3 data lake (Parquet)").assess();
        assertThat(fired(unregulated, "GOV-021")).isFalse();
    }

    @Test
    void gov022_gdprPersonalDataCopiedOutByReverseEtl() {
        BriefYaml b = regulated("[GDPR]").consumer("sales-ops", "reverse-ETL", "batch", "scheduled");
        Finding f = only(b.assess(), "GOV-022");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("'sales-ops' is reverse-ETL", "copies GDPR personal data out");
        assertThat(f.location().line()).isEqualTo(line(b, "reverse-ETL"));
        assertThat(f.location().path()).isEqualTo("data_consumers[1].use_case");

        Report miss = regulated("[HIPAA]").consumer("sales-ops", "reverse-ETL", "batch", "scheduled").assess();
        assertThat(fired(miss, "GOV-022")).isFalse();
    }

    @Test
    void gov023_gdprPersonalDataInMlFeatures() {
        BriefYaml b = regulated("[GDPR]").consumer("ds", "ML", "batch", "scheduled");
        Finding f = only(b.assess(), "GOV-023");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("'ds' is ML", "training snapshots");
        assertThat(f.location().line()).isEqualTo(line(b, "use_case: \"ML\""));

        Report miss = regulated("[GDPR]").consumer("ds", "analytics", "batch", "ad-hoc").assess();
        assertThat(fired(miss, "GOV-023")).isFalse();
    }

    // ------------------------------------------------------------------ risks

    @Test
    void gov024_restrictedDataWithAJuniorOnlyTeam() {
        BriefYaml b = regulated("[PCI]").constraint("skill_level", "junior");
        Finding f = only(b.assess(), "GOV-024");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.topic()).isEqualTo("governance.risk");
        assertThat(f.message()).contains("PCI Restricted data", "junior-only team");
        assertThat(f.location().line()).isEqualTo(line(b, "skill_level:"));

        Report miss = regulated("[PCI]").constraint("skill_level", "mixed").assess();
        assertThat(fired(miss, "GOV-024")).isFalse();
        Report notRestricted = regulated("[GDPR]").constraint("skill_level", "junior").assess();
        assertThat(fired(notRestricted, "GOV-024")).isFalse();
    }

    @Test
    void gov025_restrictedDataWithNoBudget() {
        BriefYaml b = regulated("[HIPAA]").constraint("budget_monthly_usd", 0);
        Finding f = only(b.assess(), "GOV-025");
        assertThat(f.severity()).isEqualTo(Severity.P1);
        assertThat(f.message()).contains("HIPAA Restricted data with a budget of 0 USD");
        assertThat(f.location().line()).isEqualTo(line(b, "budget_monthly_usd:"));

        Report miss = regulated("[HIPAA]").constraint("budget_monthly_usd", 500).assess();
        assertThat(fired(miss, "GOV-025")).isFalse();
        Report unknownBudget = regulated("[HIPAA]").assess();
        assertThat(fired(unknownBudget, "GOV-025")).isFalse();
    }

    @Test
    void gov026_regulatedDataAcrossMultipleClouds() {
        BriefYaml b = regulated("[GDPR]").constraint("cloud_provider", "multi");
        Finding f = only(b.assess(), "GOV-026");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("GDPR data on multiple clouds", "data residency");
        assertThat(f.location().line()).isEqualTo(line(b, "cloud_provider:"));
        assertThat(paths(f.evidence())).containsExactly("constraints.cloud_provider", "constraints.compliance");

        Report miss = regulated("[GDPR]").constraint("cloud_provider", "AWS").assess();
        assertThat(fired(miss, "GOV-026")).isFalse();
    }

    @Test
    void gov027_regulatedDataInSpreadsheetsOrFileShares() {
        BriefYaml b = regulated("[GDPR, PCI]").storage("PostgreSQL reporting replica", "Excel on SharePoint");
        Finding f = only(b.assess(), "GOV-027");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.message()).contains("'Excel on SharePoint'", "escapes every control", "on a platform under GDPR and PCI");
        assertThat(f.location().path()).isEqualTo("current_state.storage[1]");
        assertThat(f.location().line()).isEqualTo(line(b, "storage:"));

        Report miss = regulated("[none]").storage("Excel on SharePoint").assess();
        assertThat(fired(miss, "GOV-027")).isFalse();
        Report noSheets = regulated("[GDPR]").storage("PostgreSQL reporting replica").assess();
        assertThat(fired(noSheets, "GOV-027")).isFalse();
    }

    @Test
    void gov028_gdprErasureInAnInsertOnlyDataVault() {
        // GDPR and SOX over two sources: the SOX audit trail makes data-vault the model
        BriefYaml b = regulated("[GDPR, SOX]").volume(10, 0, 84);
        Finding f = only(b.assess(), "GOV-028");
        assertThat(f.severity()).isEqualTo(Severity.P2);
        assertThat(f.topic()).isEqualTo(DEL);
        assertThat(f.message()).contains("Data Vault is insert-only", "every historical version");
        assertThat(f.remediation()).contains("PII satellites");
        assertThat(f.location().line()).isEqualTo(line(b, "compliance:"));
        assertThat(paths(f.evidence())).containsExactly("constraints.compliance", "modeling.methodology (MOD-004)");

        // the same GDPR brief without SOX models with kimball: nothing to split
        Report kimball = regulated("[GDPR]").assess();
        assertThat(choices(kimball, "modeling.methodology")).containsExactly("kimball");
        assertThat(fired(kimball, "GOV-028")).isFalse();
        // a vault without GDPR has no erasure to honor
        Report noGdpr = regulated("[SOX]").volume(10, 0, 84).assess();
        assertThat(fired(noGdpr, "GOV-028")).isFalse();
        // an enterprise warehouse (inmon) outranks the agile vault: no vault, no finding
        Report inmon = brief().consumer("finance", "reporting", "batch", "scheduled")
                .sourceObj("name", "crm", "owner_domain", "sales").sourceObj("name", "erp", "owner_domain", "finance")
                .sourceObj("name", "hr", "owner_domain", "people").volume(10, 0, 12)
                .constraint("compliance", "[GDPR]").constraint("company_stage", "enterprise").assess();
        assertThat(choices(inmon, "modeling.methodology")).contains("inmon").doesNotContain("data-vault");
        assertThat(fired(inmon, "GOV-028")).isFalse();
    }
}

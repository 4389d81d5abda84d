package dev.dece.core.drl;

import java.util.Set;

/**
 * {@code workload} (DECE extension, optional): what the pipelines look like, for the orchestration and
 * processing "best for / avoid when" rows that the template cannot express. Absent fields are {@code null}.
 *
 * @param pipelineCount        how many pipelines the platform runs
 * @param tasksPerPipeline     typical number of tasks in one pipeline
 * @param hasDependencies      pipelines depend on each other or on upstream data
 * @param needsRetries         steps must be retried automatically
 * @param longRunningWorkflows workflows run for hours or days, or wait on humans/services
 * @param dynamicWorkflows     the task graph is decided at run time
 * @param transformLanguages   what transformations are written in or handle (sql, python, ml, binary, jvm)
 * @param eventTimeProcessing  results must follow event time (windows, late events)
 */
public record Workload(Node node, Integer pipelineCount, Integer tasksPerPipeline, Boolean hasDependencies,
                       Boolean needsRetries, Boolean longRunningWorkflows, Boolean dynamicWorkflows,
                       Set<TransformKind> transformLanguages, Boolean eventTimeProcessing) implements Located {

    public boolean transforms(TransformKind k) {
        return transformLanguages.contains(k);
    }

    /** True when some transformation is not plain SQL. */
    public boolean nonSqlTransforms() {
        return transformLanguages.stream().anyMatch(k -> k != TransformKind.SQL);
    }
}

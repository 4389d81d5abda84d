/**
 * The {@code pipeline} command ({@link dev.dece.core.pipeline.PipelineCommand}): Universal Pipeline Templates read by the
 * package-private {@code PipelineBinder}, the rule set under {@code dev/dece/rules/pipeline/}, and the completed templates of
 * design-mode pipelines ({@code TemplateWriter}). Documentation: docs/pipeline.md.
 *
 * <p>Command package: only {@code PipelineCommand} is public. Depends on assess (a brief's consumers), doc, drl, engine, input, report.
 */
package dev.dece.core.pipeline;

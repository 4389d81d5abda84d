/**
 * The {@code optimize} command ({@link dev.dece.core.optimize.OptimizeCommand}): SQL from files, dbt manifests and
 * query-history exports parsed statement by statement with JSqlParser (bounded: size, nesting, time), analysed into
 * {@code SqlStatement} facts with table knowledge ({@code KnownTable}); Spark event logs (plain, lz4, snappy, zstd,
 * rolling directories) streamed into one fact per application, stage and SQL execution. Rule set under
 * {@code dev/dece/rules/optimize/}. Documentation: docs/optimize.md.
 *
 * <p>Command package: {@code OptimizeCommand} and its options are public. Depends on contract, doc, drl, engine, input,
 * lint, model, pipeline, report, usage.
 */
package dev.dece.core.optimize;

package dev.dece.core.drl;

/**
 * Every write of one Spark application to one path or table.
 *
 * @param target     the output path or table
 * @param writes     how many SQL executions wrote to it
 * @param bytesTotal bytes written in all
 * @param bytesMax   the most one write wrote
 * @param firstExecution the first SQL execution that wrote to it
 */
public record SparkWriteTarget(String target, int writes, long bytesTotal, long bytesMax, long firstExecution) {}

package dev.dece.core.report;

/**
 * Where in the input a finding points.
 *
 * @param file file name as given by the caller
 * @param line 1-based line, 0 when the finding is about the whole document or an absent key's parent is unknown
 * @param path YAML path, {@code ""} for the whole document
 */
public record Location(String file, int line, String path) {}

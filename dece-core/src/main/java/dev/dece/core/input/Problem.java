package dev.dece.core.input;

import dev.dece.core.drl.Node;

/**
 * One thing wrong with an input document, located as precisely as the input allows.
 *
 * <p>Rendered in one shape everywhere: {@code file:line:column: yaml.path: what was found; what is allowed}.
 *
 * @param file    the file name as the caller gave it; never null
 * @param line    1-based line, or 0 when no line applies (a missing file, an empty file)
 * @param column  1-based column, or 0 when unknown
 * @param path    the YAML path, {@code ""} for the whole document
 * @param message what was found and what is allowed
 */
public record Problem(String file, int line, int column, String path, String message) {

    public static Problem at(Node node, String message) {
        return new Problem(node.file(), node.line(), node.column(), node.path(), message);
    }

    /** A problem with a mapping key itself (unknown, misspelt): located at the key, not its value. */
    public static Problem atKey(Node node, String message) {
        return new Problem(node.file(), node.keyLine(), node.keyColumn(), node.path(), message);
    }

    public static Problem file(String file, String message) {
        return new Problem(file, 0, 0, "", message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        sb.append(": ");
        if (!path.isEmpty()) sb.append(path).append(": ");
        return sb.append(message).toString();
    }
}

package dev.dece.core.drl;

import java.util.List;

/** {@code pipeline.error_handling}. Absent numbers are {@code null} (the template's defaults are 3 and 300). */
public record ErrorHandling(Node node, ErrorStrategy strategy, Integer maxRetries, Integer retryDelaySeconds,
                            List<String> alertChannels) implements Located {
    public ErrorHandling {
        alertChannels = List.copyOf(alertChannels);
    }
}

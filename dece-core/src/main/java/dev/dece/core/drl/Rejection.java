package dev.dece.core.drl;

import dev.dece.core.report.Evidence;
import dev.dece.core.report.Location;
import dev.dece.core.report.Severity;

import java.util.List;

/**
 * An "avoid when" that the input triggers. It removes {@code choice} from its topic; when no other
 * candidate is left in the slot the choice is kept and the rejection becomes a finding of
 * {@code severity} with {@code mitigation} as its remediation.
 */
public record Rejection(String ruleId, String topic, String slot, String choice, String reason, String mitigation,
                        Severity severity, Location location, List<Evidence> evidence) {}

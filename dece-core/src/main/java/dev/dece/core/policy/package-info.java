/**
 * Thresholds and disabled rules: {@link dev.dece.core.policy.Policy} and every {@link dev.dece.core.policy.PolicyKey} with the methodology's default.
 *
 * <p>Public API; the policy is also a fact every rule can match. Depends on doc (to read a policy file), drl, input.
 */
package dev.dece.core.policy;

/**
 * Maintenance on a running cluster. {@link io.clusterstacks.lifecycle.maintenance.MaintenanceOptIn} reconciles
 * the provider's restart opt-in: every pass sets it on the servers the cluster gained since the last one
 * (rollouts, remediation, scale-out), chosen by the same rule that diagnosis reports as missing.
 */
@NullMarked
package io.clusterstacks.lifecycle.maintenance;

import org.jspecify.annotations.NullMarked;

/**
 * The SDK-owned hypervisor label on management nodes ({@link io.clusterstacks.kamaji.Kamaji#HYPERVISOR_LABEL}):
 * which value each node should carry (its server's Nova {@code hostId}, found through the node's
 * {@code providerID}), which labels are missing or stale, and writing them.
 *
 * <p>{@link io.clusterstacks.kamaji.labels.HypervisorLabels} is pure; {@link io.clusterstacks.kamaji.labels.HypervisorLabeller}
 * reads the nodes with sdk-kubernetes and the servers with sdk-openstack, which are optional dependencies of
 * sdk-kamaji: only labelling needs them.
 */
@NullMarked
package io.clusterstacks.kamaji.labels;

import org.jspecify.annotations.NullMarked;

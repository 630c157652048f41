/**
 * OpenStack access for the cluster-stacks SDK: authentication from {@code clouds.yaml} or {@code OS_*}
 * variables ({@link io.clusterstacks.openstack.CloudConfig}), one thread-safe client
 * ({@link io.clusterstacks.openstack.OpenStackClient}), discovery of a cloud into sdk-core's
 * {@link io.clusterstacks.core.cloud.CloudProfile}, and the Nova server groups a plan needs
 * ({@link io.clusterstacks.openstack.ServerGroups}).
 *
 * <p>openstack4j does the calls it has; the calls it lacks (application-credential login, compute
 * microversions 2.15/2.61/2.64/2.88, Glance paging) go over the SDK's own okhttp client with the same
 * token, timeouts, CA, retry and counting rules. No openstack4j type appears in this API, and every
 * failure is a {@link io.clusterstacks.core.ClusterStacksException} subclass: never a boolean, never a
 * null. Secrets and tokens never appear in logs, {@code toString()} or exception messages.
 */
@NullMarked
package io.clusterstacks.openstack;

import org.jspecify.annotations.NullMarked;

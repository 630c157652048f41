/**
 * When a Kamaji-hosted control plane is usable. A Kamaji cluster has no control-plane Machines, so
 * sdk-kubernetes' {@code ManagementCluster.awaitUsable} (built for KubeadmControlPlane) cannot say; here
 * the verdict comes from the TenantControlPlane's and KamajiControlPlane's status, the admin kubeconfig
 * Secret Kamaji writes, and optionally an answer from the tenant API.
 *
 * <p>{@link io.clusterstacks.kamaji.readiness.KamajiReadiness#evaluate} is pure;
 * {@link io.clusterstacks.kamaji.readiness.KamajiWait} reads the objects with sdk-kubernetes (an optional
 * dependency of sdk-kamaji: only waiting needs it).
 */
@NullMarked
package io.clusterstacks.kamaji.readiness;

import org.jspecify.annotations.NullMarked;

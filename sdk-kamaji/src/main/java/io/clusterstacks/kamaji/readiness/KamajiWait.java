package io.clusterstacks.kamaji.readiness;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.kubernetes.ClusterStatus;
import io.clusterstacks.kubernetes.KubernetesApiException;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.ObjectRef;
import io.clusterstacks.kubernetes.ProgressEvent;
import io.clusterstacks.kubernetes.ProgressListener;
import io.clusterstacks.kubernetes.WaitOptions;
import io.clusterstacks.kubernetes.WorkloadApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until a Kamaji-hosted control plane is usable ({@link KamajiReadiness}), the Kamaji counterpart of
 * {@code ManagementCluster.awaitUsable}.
 *
 * <p>Polls every {@link WaitOptions#resyncInterval()}: reads the TenantControlPlane and KamajiControlPlane,
 * then the admin kubeconfig Secret once the TenantControlPlane names it, and with
 * {@link WaitOptions#probeWorkloadApi()} asks the tenant API for {@code /version}. Each changed verdict goes to
 * the listener as a {@link ProgressEvent} (its status is {@link KamajiReadiness#toClusterStatus()}, its changes
 * the conditions that changed). A management cluster that does not answer the first read is reported at once;
 * later 5xx, 429 and connection failures are retried. {@link WaitOptions#clusterStack()} is not used.
 */
public final class KamajiWait {
  private static final Logger LOG = LoggerFactory.getLogger(KamajiWait.class);

  private KamajiWait() {}

  /**
   * Waits for the control plane of a raw-mode Kamaji cluster, whose KamajiControlPlane and TenantControlPlane
   * are named {@code <cluster>-control-plane} (as sdk-core renders them).
   *
   * @param mgmt the management cluster
   * @param namespace the Cluster's namespace
   * @param cluster the Cluster's name
   * @param options timeout, resync interval, whether to probe the tenant API
   * @param listener gets each change
   * @return the usable verdict
   * @throws KamajiWaitTimeoutException naming the missing conditions when time runs out
   */
  public static KamajiReadiness awaitUsable(ManagementCluster mgmt, String namespace, String cluster,
      WaitOptions options, ProgressListener listener) {
    InvalidInputException.requireArgument(cluster, "cluster");
    return awaitControlPlane(mgmt, namespace, cluster + "-control-plane", options, listener);
  }

  /**
   * Waits for a KamajiControlPlane by name (in topology mode CAPI generates it; read it from the Cluster's
   * {@code spec.controlPlaneRef.name}).
   *
   * @param mgmt the management cluster
   * @param namespace the namespace
   * @param controlPlane the KamajiControlPlane's name (its TenantControlPlane has the same name)
   * @param options timeout, resync interval, whether to probe the tenant API
   * @param listener gets each change
   * @return the usable verdict
   * @throws KamajiWaitTimeoutException naming the missing conditions when time runs out
   */
  public static KamajiReadiness awaitControlPlane(ManagementCluster mgmt, String namespace, String controlPlane,
      WaitOptions options, ProgressListener listener) {
    InvalidInputException.requireArgument(mgmt, "mgmt");
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(controlPlane, "controlPlane");
    InvalidInputException.requireArgument(options, "options");
    InvalidInputException.requireArgument(listener, "listener");
    Clock clock = Clock.systemUTC();
    Instant deadline = clock.instant().plus(options.timeout());
    KamajiReadiness last = null;
    long backoffMs = 250;
    while (true) {
      KamajiReadiness now = null;
      try {
        now = read(mgmt, namespace, controlPlane, options.probeWorkloadApi(), clock.instant());
        backoffMs = 250;
      } catch (KubernetesApiException e) {
        if ((e.code() != 0 && e.code() < 500 && e.code() != 429) || (last == null && e.code() == 0)) {
          throw e;
        }
        LOG.info("management cluster did not answer while waiting for KamajiControlPlane {}/{} ({}); retrying",
            namespace, controlPlane, e.code() == 0 ? "no connection" : "HTTP " + e.code());
        backoffMs = Math.min(backoffMs * 2, 5000);
      }
      if (now != null && (last == null || !now.toClusterStatus().sameAs(last.toClusterStatus()))) {
        ClusterStatus s = now.toClusterStatus();
        listener.onProgress(new ProgressEvent(now.observedAt(), s,
            s.changesSince(last == null ? null : last.toClusterStatus())));
        LOG.debug("{}", now);
        last = now;
      }
      if (now != null && now.usable()) {
        return now;
      }
      Duration remaining = Duration.between(clock.instant(), deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        throw new KamajiWaitTimeoutException(namespace + "/" + controlPlane, options.timeout(),
            Optional.ofNullable(last));
      }
      long waitMs = now == null ? backoffMs : options.resyncInterval().toMillis();
      try {
        Thread.sleep(Math.max(1, Math.min(waitMs, remaining.toMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KamajiWaitTimeoutException(namespace + "/" + controlPlane + " (interrupted)", options.timeout(),
            Optional.ofNullable(last));
      }
    }
  }

  /**
   * Reads the objects once and judges them.
   *
   * @param mgmt the management cluster
   * @param namespace the namespace
   * @param controlPlane the KamajiControlPlane's name
   * @param probe whether to ask the tenant API
   * @param at the time to record
   * @return the verdict
   */
  static KamajiReadiness read(ManagementCluster mgmt, String namespace, String controlPlane, boolean probe,
      Instant at) {
    Map<String, Object> tcp = mgmt.read(new ObjectRef(KamajiReadiness.TENANT_CONTROL_PLANE_API_VERSION,
        "TenantControlPlane", namespace, controlPlane));
    Map<String, Object> kcp = mgmt.read(new ObjectRef(KamajiReadiness.KAMAJI_CONTROL_PLANE_API_VERSION,
        "KamajiControlPlane", namespace, controlPlane));
    Optional<String> secret = KamajiReadiness.adminKubeconfigSecret(tcp);
    @Nullable WorkloadApi admin = secret.isEmpty() ? WorkloadApi.NO_KUBECONFIG
        : mgmt.probeKubeconfig(new ObjectRef("v1", "Secret", namespace, secret.get()),
            KamajiReadiness.ADMIN_KUBECONFIG_KEY, probe);
    return KamajiReadiness.evaluate(at, namespace, controlPlane, tcp, kcp, admin, probe);
  }
}

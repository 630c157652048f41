package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.kubernetes.ClusterStatus;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.ObjectRef;
import io.clusterstacks.kubernetes.ProgressEvent;
import io.clusterstacks.kubernetes.ProgressListener;
import io.clusterstacks.kubernetes.WaitOptions;
import io.clusterstacks.kubernetes.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits until Cluster API has rolled a topology-mode Cluster out to a Kubernetes version, by what its controllers
 * write: the Cluster's new generation observed, no {@code TopologyReconciled} condition False (the topology
 * controller holds it False while a control-plane or MachineDeployment upgrade is pending), the control plane's
 * {@code spec.version} and {@code status.version} (the lowest version its machines run) at the target, and every
 * control-plane and worker machine up to date and ready with no surge machine left.
 */
final class Rollout {
  /** Between reads: a rollout takes minutes, each read is three GETs. */
  private static final Duration POLL = Duration.ofSeconds(2);

  private final ManagementCluster management;
  private final WaitOptions options;
  private final ProgressListener progress;

  Rollout(ManagementCluster management, WaitOptions options, ProgressListener progress) {
    this.management = management;
    this.options = options;
    this.progress = progress;
  }

  /** The rollout is done; a warning when the workload API reports another version than the target. */
  record Done(ClusterStatus status, boolean warning, String summary) {}

  Done await(String namespace, String cluster, String version) {
    ObjectRef ref = new ObjectRef("cluster.x-k8s.io/v1beta1", "Cluster", namespace, cluster);
    long deadline = System.nanoTime() + options.timeout().toNanos();
    ClusterStatus last = null;
    String lastPending = null;
    while (true) {
      Map<String, Object> c = management.read(ref);
      ClusterStatus s = management.status(namespace, cluster, options.clusterStack());
      String pending = pending(c, controlPlane(c, namespace), s, version);
      if (last == null || !s.sameAs(last) || !pending.equals(lastPending)) {
        List<String> lines = new ArrayList<>(s.changesSince(last));
        if (!pending.isEmpty()) {
          lines.add("rollout pending: " + pending);
        }
        progress.onProgress(new ProgressEvent(Instant.now(), s, lines));
        last = s;
        lastPending = pending;
      }
      if (pending.isEmpty()) {
        return done(s, version);
      }
      if (System.nanoTime() - deadline > 0) {
        throw new WaitTimeoutException("the rollout of " + version + " (still pending: " + pending + ")",
            options.timeout(), Optional.of(s));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterStacksException("interrupted while waiting for the rollout of " + version + " (pending: "
            + pending + ")", e);
      }
    }
  }

  private Optional<Map<String, Object>> controlPlane(Map<String, Object> cluster, String namespace) {
    Map<?, ?> r = map(map(cluster.get("spec")).get("controlPlaneRef"));
    if (r.get("apiVersion") == null || r.get("kind") == null || r.get("name") == null) {
      return Optional.empty();
    }
    return Optional.of(management.read(new ObjectRef(String.valueOf(r.get("apiVersion")), String.valueOf(r.get("kind")),
        namespace, String.valueOf(r.get("name")))));
  }

  /**
   * What the rollout still waits for, or "" when it is done. Pure.
   *
   * @param cluster the Cluster's fields (empty when gone)
   * @param controlPlane the control-plane object's fields, empty when the Cluster references none yet
   * @param s the Cluster's status as sdk-kubernetes reads it
   * @param version the target version
   */
  static String pending(Map<String, Object> cluster, Optional<Map<String, Object>> controlPlane, ClusterStatus s,
      String version) {
    if (cluster.isEmpty()) {
      return "the Cluster does not exist";
    }
    List<String> out = new ArrayList<>();
    Object running = map(map(cluster.get("spec")).get("topology")).get("version");
    if (!version.equals(running)) {
      out.add("spec.topology.version is " + running + " (changed by someone else?)");
    }
    long generation = number(map(cluster.get("metadata")).get("generation"));
    long observed = number(map(cluster.get("status")).get("observedGeneration"));
    if (observed < generation) {
      out.add("Cluster API has not observed generation " + generation + " yet (observed " + observed + ")");
    }
    Map<?, ?> status = map(cluster.get("status"));
    for (Object conditions : new Object[] {status.get("conditions"), map(status.get("v1beta2")).get("conditions")}) {
      for (Object o : conditions instanceof List<?> l ? l : List.of()) {
        Map<?, ?> c = map(o);
        if ("TopologyReconciled".equals(c.get("type")) && "False".equals(c.get("status"))) {
          out.add("TopologyReconciled False (" + c.get("reason") + (c.get("message") == null ? "" : ": " + c.get("message"))
              + ")");
          break;
        }
      }
    }
    if (controlPlane.isEmpty()) {
      out.add("the Cluster references no control plane yet");
    } else if (controlPlane.get().isEmpty()) {
      out.add("the Cluster's control plane " + map(map(cluster.get("spec")).get("controlPlaneRef")).get("name")
          + " does not exist yet");
    } else {
      Map<?, ?> cp = controlPlane.get();
      String kind = String.valueOf(cp.get("kind"));
      Object spec = map(cp.get("spec")).get("version");
      Object at = map(cp.get("status")).get("version");
      if (!version.equals(spec)) {
        out.add(kind + " spec.version is " + spec);
      }
      if (at == null && "KubeadmControlPlane".equals(kind)) {
        out.add(kind + " reports no status.version yet");
      } else if (at != null && !version.equals(at)) {
        out.add("control-plane machines still run " + at + " (" + kind + " status.version)");
      }
    }
    if (!s.controlPlane().done()) {
      out.add(s.controlPlane().toString());
    }
    if (s.workers().reported() && !s.workers().done()) {
      out.add(s.workers().toString());
    }
    if (!s.clusterStackReady()) {
      out.add("ClusterStack " + s.clusterStack().map(ObjectRef::name).orElse("") + " not ready");
    }
    return String.join("; ", out);
  }

  static Done done(ClusterStatus s, String version) {
    String roles = s.controlPlane() + (s.workers().reported() ? ", " + s.workers() : "");
    if (!s.workloadVersion().isEmpty() && !s.workloadVersion().equals(version)) {
      return new Done(s, true, "rolled out " + version + " (" + roles + "), but the workload API reports "
          + s.workloadVersion() + ": look at the workload cluster's API server pods");
    }
    return new Done(s, false, "rolled out " + version + " (" + roles + ")"
        + (s.workloadVersion().isEmpty() ? "" : "; the workload API reports " + s.workloadVersion()));
  }

  static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : Objects.isNull(o) ? 0 : Long.parseLong(String.valueOf(o));
  }
}

package io.clusterstacks.kubernetes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the management cluster says about one Cluster (and its ClusterStack) at one moment.
 *
 * @param observedAt when it was read
 * @param cluster the Cluster
 * @param exists whether the Cluster exists
 * @param phase {@code status.phase}, e.g. {@code Provisioning}, or ""
 * @param infrastructureReady {@code status.infrastructureReady}
 * @param controlPlaneReady {@code status.controlPlaneReady}
 * @param conditions {@code status.conditions}
 * @param controlPlane control-plane machines
 * @param workers worker machines
 * @param clusterStack the ClusterStack waited for and whether it is ready, if one was named
 * @param clusterStackReady whether that ClusterStack is ready (true when none was named)
 * @param workloadApi whether the workload API answers
 * @param workloadVersion the workload API's {@code gitVersion} when it answered, else ""
 */
public record ClusterStatus(Instant observedAt, ObjectRef cluster, boolean exists, String phase,
    boolean infrastructureReady, boolean controlPlaneReady, List<Condition> conditions,
    RoleStatus controlPlane, RoleStatus workers, Optional<ObjectRef> clusterStack, boolean clusterStackReady,
    WorkloadApi workloadApi, String workloadVersion) {

  /**
   * Copies the conditions.
   *
   * @param observedAt when read
   * @param cluster the Cluster
   * @param exists whether it exists
   * @param phase the phase
   * @param infrastructureReady infrastructure ready
   * @param controlPlaneReady control plane ready
   * @param conditions the conditions
   * @param controlPlane control-plane machines
   * @param workers worker machines
   * @param clusterStack the ClusterStack, if named
   * @param clusterStackReady whether it is ready
   * @param workloadApi the workload API
   * @param workloadVersion the workload version
   */
  public ClusterStatus {
    conditions = List.copyOf(conditions);
  }

  /**
   * Whether the management cluster's view is ready: the ClusterStack (if named) ready, phase
   * {@code Provisioned}, infrastructure and control plane ready, and every reported role done.
   *
   * @return true when the conditions say ready
   */
  public boolean conditionsReady() {
    return exists && clusterStackReady && "Provisioned".equals(phase) && infrastructureReady
        && controlPlaneReady && (!controlPlane.reported() || controlPlane.done())
        && (!workers.reported() || workers.done());
  }

  /**
   * Whether the cluster is usable: {@link #conditionsReady()} and the workload API answers.
   *
   * @return true when usable
   */
  public boolean usable() {
    return conditionsReady() && workloadApi == WorkloadApi.ANSWERS;
  }

  /**
   * The condition of a type.
   *
   * @param type e.g. {@code Ready}
   * @return the condition, if present
   */
  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /**
   * Whether another status says the same (the time it was read aside).
   *
   * @param other another status
   * @return true when equal apart from {@link #observedAt()}
   */
  public boolean sameAs(ClusterStatus other) {
    return other != null && Objects.equals(withTime(Instant.EPOCH), other.withTime(Instant.EPOCH));
  }

  private ClusterStatus withTime(Instant t) {
    return new ClusterStatus(t, cluster, exists, phase, infrastructureReady, controlPlaneReady, conditions,
        controlPlane, workers, clusterStack, clusterStackReady, workloadApi, workloadVersion);
  }

  /**
   * The lines that differ from an earlier status, e.g. {@code phase: Provisioning -> Provisioned}.
   *
   * @param before the earlier status, or null for the first
   * @return the changed aspects, one line each
   */
  public List<String> changesSince(ClusterStatus before) {
    List<String> out = new ArrayList<>();
    if (before == null) {
      out.add(toString());
      return out;
    }
    diff(out, "exists", before.exists, exists);
    diff(out, "ClusterStack ready", before.clusterStackReady, clusterStackReady);
    diff(out, "phase", before.phase, phase);
    diff(out, "infrastructure ready", before.infrastructureReady, infrastructureReady);
    diff(out, "control plane ready", before.controlPlaneReady, controlPlaneReady);
    if (!before.controlPlane.equals(controlPlane)) {
      out.add(controlPlane.toString());
    }
    if (!before.workers.equals(workers)) {
      out.add(workers.toString());
    }
    for (Condition c : conditions) {
      if (!before.conditions.contains(c)) {
        out.add("condition " + c);
      }
    }
    diff(out, "workload API", before.workloadApi, workloadApi);
    return out;
  }

  private static void diff(List<String> out, String what, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(what + ": " + (a.toString().isEmpty() ? "-" : a) + " -> " + (b.toString().isEmpty() ? "-" : b));
    }
  }

  /** One line: phase, readiness, machines per role, workload API. */
  @Override
  public String toString() {
    if (!exists) {
      return cluster + ": does not exist";
    }
    return cluster + ": phase " + (phase.isEmpty() ? "-" : phase)
        + clusterStack.map(s -> ", " + s.kind() + " " + s.name() + (clusterStackReady ? " ready" : " not ready"))
            .orElse("")
        + ", infrastructure " + (infrastructureReady ? "ready" : "not ready")
        + ", control plane " + (controlPlaneReady ? "ready" : "not ready")
        + "; " + controlPlane + "; " + workers + "; workload API " + workloadApi.name().toLowerCase(java.util.Locale.ROOT)
        + (workloadVersion.isEmpty() ? "" : " (" + workloadVersion + ")");
  }
}
